/**
 * "Run Hook…" and "Debug Hook…" above each top-level function of a script document: the way into running that
 * function locally as the hook it is (commands/hookCommands.ts).
 */
import vscode = require('vscode');
import { parseResourceUri } from './uris';

/** The function a Run Hook… lens names: a class instance, which a command link cannot pass. */
export class ChosenHook {
  constructor(
    readonly uri: vscode.Uri,
    readonly functionName: string,
  ) {}
}

const FUNCTION = /^(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(/;

/** Top-level function declarations (at the start of a line), with their lines. */
export function hookFunctions(text: string): { name: string; line: number }[] {
  return text.split('\n').flatMap((line, i) => {
    const match = FUNCTION.exec(line);
    return match ? [{ name: match[1]!, line: i }] : [];
  });
}

export class HookCodeLens implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (parseResourceUri(document.uri)?.kind !== 'scripts') return [];
    return hookFunctions(document.getText()).flatMap(({ name, line }) => {
      const range = new vscode.Range(line, 0, line, 0);
      const chosen = new ChosenHook(document.uri, name);
      return [
        new vscode.CodeLens(range, {
          title: '$(play) Run Hook…',
          tooltip: `Run ${name} here, on a sample of real data, and check what it returns`,
          command: 'integratorIo.runHook',
          arguments: [chosen],
        }),
        new vscode.CodeLens(range, {
          title: '$(debug-alt) Debug Hook…',
          tooltip: `Run ${name} under the debugger: breakpoints in this script stop it`,
          command: 'integratorIo.debugHook',
          arguments: [chosen],
        }),
      ];
    });
  }
}
