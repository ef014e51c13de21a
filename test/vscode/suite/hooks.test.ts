/**
 * Run Hook… in the real extension host: the lens above a demo script's function, the hook type
 * found from the export that uses it, a sample built from that export's records and kept in the
 * workspace, and the contract check, also on an unsaved edit that breaks it.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { HookResult } from '../../../src/hooks/runner';
import { openResourceDocument, replaceDocumentText, useDemoEnvironment } from './support';

describe('hooks run locally', function () {
  this.timeout(60_000);
  const demo = useDemoEnvironment('Hooks');

  it('runs a demo preSavePage hook from its lens on a sample of the export, and checks an edit that breaks it', async () => {
    const script = (await demo.client.scripts.listAll()).find((s) => s.name === 'Shopify - Skip Test Orders')!;
    const document = await openResourceDocument(demo.envId, 'scripts', script._id, script.name);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const lens = lenses.find((l) => l.command?.command === 'integratorIo.runHook')!;
    assert.ok(lens, 'a Run Hook… lens');
    assert.strictEqual(lens.command!.title, '$(play) Run Hook…');
    assert.strictEqual(document.lineAt(lens.range.start.line).text.trim(), 'function preSavePage(options) {');

    const result = await vscode.commands.executeCommand<HookResult>(lens.command!.command, ...(lens.command!.arguments as unknown[]));
    assert.ok(result.returned, result.error);
    assert.deepStrictEqual(result.contract.problems, []);
    // The sample is the export's records (run as a virtual export), kept in the workspace.
    const [sampleFile] = await vscode.workspace.findFiles(`.integrator-io/samples/*-${script._id}/preSavePage.json`);
    assert.ok(sampleFile, 'the sample is kept under .integrator-io/samples/');
    const sample = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(sampleFile)).toString('utf8')) as {
      data: unknown[];
      _exportId: string;
    };
    const exp = (await demo.client.exports.listAll()).find((e) => e.name === 'Shopify - Get Orders')!;
    assert.strictEqual(sample._exportId, exp._id, 'found from the export that names this script and function');
    assert.ok(sample.data.length > 0, 'real records');
    const kept = (result.result as { data: unknown[] }).data;
    assert.ok(kept.length <= sample.data.length);

    // An unsaved edit that returns the records alone breaks preSavePage's contract.
    const original = document.getText();
    await replaceDocumentText(
      document,
      original.replace('return { data: kept, errors, abort: false, newErrorsAndRetryData: [] };', 'return kept;'),
    );
    try {
      const broken = await vscode.commands.executeCommand<HookResult>(lens.command!.command, ...(lens.command!.arguments as unknown[]));
      assert.ok(broken.returned);
      assert.match(broken.contract.problems.join('\n'), /preSavePage must return \{ data, errors \}, but returned an array of \d+/);
    } finally {
      await replaceDocumentText(document, original);
      await vscode.workspace.fs.delete(sampleFile.with({ path: sampleFile.path.replace(/\/[^/]+$/, '') }), { recursive: true });
    }
  });
});

describe('hooks debugged locally', function () {
  this.timeout(90_000);
  const demo = useDemoEnvironment('Debug');

  it('stops at a breakpoint set in the script document, then finishes the run', async () => {
    const script = (await demo.client.scripts.listAll()).find((s) => s.name === 'Shopify - Skip Test Orders')!;
    const document = await openResourceDocument(demo.envId, 'scripts', script._id, script.name);
    const line = document
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('const kept = [];'));
    const breakpoint = new vscode.SourceBreakpoint(new vscode.Location(document.uri, new vscode.Position(line, 0)));
    vscode.debug.addBreakpoints([breakpoint]);
    const stopped = new Promise<{ path: string; line: number }>((resolve) => {
      const subscription = vscode.debug.onDidChangeActiveStackItem(async (item) => {
        if (!(item instanceof vscode.DebugStackFrame)) return;
        const trace = (await item.session.customRequest('stackTrace', { threadId: item.threadId, levels: 1 })) as {
          stackFrames: { line: number; source?: { path?: string } }[];
        };
        const top = trace.stackFrames[0];
        if (!top?.source?.path) return;
        subscription.dispose();
        resolve({ path: top.source.path, line: top.line });
        await item.session.customRequest('continue', { threadId: item.threadId });
      });
    });
    try {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      const lens = lenses.find((l) => l.command?.command === 'integratorIo.debugHook')!;
      assert.strictEqual(lens.command!.title, '$(debug-alt) Debug Hook…');
      const finished = vscode.commands.executeCommand<HookResult>(lens.command!.command, ...(lens.command!.arguments as unknown[]));
      const at = await stopped;
      assert.match(
        decodeURIComponent(at.path),
        /Shopify - Skip Test Orders \(debug copy\)\.js$/,
        `stopped in the copy of the script, not ${at.path}:${at.line}`,
      );
      assert.strictEqual(at.line, line + 1, 'on the line of the breakpoint set in the document');
      const result = await finished;
      assert.ok(result.returned, result.error);
      assert.deepStrictEqual(result.contract.problems, []);
    } finally {
      vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
    }
  });
});
