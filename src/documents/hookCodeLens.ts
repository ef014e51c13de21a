/**
 * "Run Hook…" above each top-level function of a script document: the way into running that
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
    return hookFunctions(document.getText()).map(
      ({ name, line }) =>
        new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
          title: '$(play) Run Hook…',
          tooltip: `Run ${name} here, on a sample of real data, and check what it returns`,
          command: 'integratorIo.runHook',
          arguments: [new ChosenHook(document.uri, name)],
        }),
    );
  }
}
