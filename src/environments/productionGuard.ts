/** Asks before changing a production environment, unless the user turned that off. */
import * as vscode from 'vscode';
import { EnvironmentInfo } from './environment';

export async function confirmProductionChange(env: EnvironmentInfo, action: string): Promise<boolean> {
  if (!env.production) return true;
  if (!vscode.workspace.getConfiguration('integratorIo').get<boolean>('confirmProductionChanges', true)) return true;
  const proceed = `${action.charAt(0).toUpperCase()}${action.slice(1)} in production`;
  const answer = await vscode.window.showWarningMessage(
    `"${env.name}" is a production environment. ${action.charAt(0).toUpperCase()}${action.slice(1)}?`,
    { modal: true, detail: 'Turn this question off with the setting integratorIo.confirmProductionChanges.' },
    proceed,
  );
  return answer === proceed;
}
