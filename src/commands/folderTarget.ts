/** Which pulled folder a Source Control command acts on. */
import * as path from 'path';
import vscode = require('vscode');
import { IntegrationSourceControl } from '../sourceControl/integrationSourceControl';
import { displayText } from '../util/displayText';
import { Services } from './services';

/** The folder a command acts on: the Source Control provider it was invoked on, or a pick. */
export async function folderOf(services: Services, arg: unknown, placeHolder: string): Promise<IntegrationSourceControl | undefined> {
  const controls = services.sourceControls.list();
  const invokedOn = controls.find(
    (c) => c.sourceControl === arg || (arg instanceof vscode.Uri && c === services.sourceControls.containing(arg)),
  );
  if (invokedOn) return invokedOn;
  if (arg !== undefined) return undefined;
  const editor = vscode.window.activeTextEditor?.document.uri;
  const fromEditor = editor && services.sourceControls.containing(editor);
  if (fromEditor) return fromEditor;
  if (controls.length <= 1) return controls[0];
  const picked = await vscode.window.showQuickPick(
    controls.map((c) => ({
      label: path.basename(c.folder.fsPath),
      description: `${c.folder.fsPath} ↔ ${displayText(c.env.name)}`,
      control: c,
    })),
    { placeHolder },
  );
  return picked?.control;
}
