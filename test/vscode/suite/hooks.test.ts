/**
 * Run Hook… in the real extension host: the lens above a demo script's function, the hook type
 * found from the export that uses it, a sample built from that export's records and kept in the
 * workspace, and the contract check, also on an unsaved edit that breaks it; Debug Hook…
 * stopping at a breakpoint; the same for a pulled folder's script file.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { HookResult } from '../../../src/hooks/runner';
import { hookEscapeCases, MEMORY_CASES, openEscapeWorld, TOKEN_CANARY } from '../../support/hookEscapeCases';
import { waitFor } from '../../support/waitFor';
import { chosen, openResourceDocument, replaceDocumentText, useDemoEnvironment } from './support';

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
    // The sample is the export's records (run as a virtual export), opened beside the script and
    // kept in the extension's storage: real records never land in a workspace folder (issue 24).
    const sampleFile = openSample('preSavePage.json');
    assert.strictEqual(vscode.workspace.getWorkspaceFolder(sampleFile), undefined, `${sampleFile.fsPath} is outside the workspace`);
    assert.deepStrictEqual(await vscode.workspace.findFiles('**/.integrator-io/samples/**'), [], 'no sample in the workspace');
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

describe('hooks run again on edit', function () {
  this.timeout(60_000);
  const demo = useDemoEnvironment('Run On Edit');
  const settings = () => vscode.workspace.getConfiguration('integratorIo');
  after(() => settings().update('hooks.runOnEdit', undefined, vscode.ConfigurationTarget.Global));

  it('with integratorIo.hooks.runOnEdit, an edit of the script runs it again; a sample that is not JSON says so in the view', async () => {
    await settings().update('hooks.runOnEdit', true, vscode.ConfigurationTarget.Global);
    const script = (await demo.client.scripts.listAll()).find((s) => s.name === 'Shopify - Skip Test Orders')!;
    const document = await openResourceDocument(demo.envId, 'scripts', script._id, script.name);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const lens = lenses.find((l) => l.command?.command === 'integratorIo.runHook')!;
    const first = await vscode.commands.executeCommand<HookResult>(lens.command!.command, ...(lens.command!.arguments as unknown[]));
    assert.deepStrictEqual(first.contract.problems, []);
    type ViewState = { running: boolean; problems: string[]; error?: string };
    const view = () => demo.api.viewState(`hook:${demo.envId}:${script._id}:preSavePage`) as ViewState | undefined;
    const original = document.getText();
    const sampleFile = openSample('preSavePage.json');
    const sample = await vscode.workspace.openTextDocument(sampleFile);
    const sampleText = sample.getText();
    try {
      await replaceDocumentText(
        document,
        original.replace('return { data: kept, errors, abort: false, newErrorsAndRetryData: [] };', 'return kept;'),
      );
      await waitFor(
        () => view()?.problems.some((p) => p.startsWith('preSavePage must return { data, errors }')),
        'a run of the edited script',
      );
      await replaceDocumentText(sample, '{ "data": [');
      await waitFor(
        () => /^Could not run preSavePage: the sample preSavePage\.json is not valid JSON/.test(view()?.error ?? ''),
        'the broken sample named',
      );
      assert.strictEqual(sample.isDirty, true, 'the edit is kept');
    } finally {
      await replaceDocumentText(document, original);
      await replaceDocumentText(sample, sampleText);
      await sample.save();
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(sampleFile, '..'), { recursive: true });
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
    const stopped = stopAtFirstBreakpoint();
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
  it("answers the script's integrator-api calls while it is debugged, synchronously", async () => {
    const script = (await demo.client.scripts.listAll()).find((s) => s.name === 'Shopify - Skip Test Orders')!;
    const document = await openResourceDocument(demo.envId, 'scripts', script._id, script.name);
    const original = document.getText();
    const edited = [
      "import { exports } from 'integrator-api';",
      'function preSavePage(options) {',
      '  const again = exports.run({ _id: options._exportId });',
      '  return { data: again.data, errors: [] };',
      '}',
    ].join('\n');
    await replaceDocumentText(document, edited);
    // After the call: the debugger stops there with the answer in hand.
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(document.uri, new vscode.Position(3, 0)))]);
    const stopped = stopAtFirstBreakpoint();
    // Not the local sandbox: the run's first call asks.
    demo.api.answerNextDialog('Allow');
    try {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      const lens = lenses.find((l) => l.command?.command === 'integratorIo.debugHook')!;
      const finished = vscode.commands.executeCommand<HookResult>(lens.command!.command, ...(lens.command!.arguments as unknown[]));
      assert.strictEqual((await stopped).line, 4);
      assert.match(demo.api.lastDialog()!.message, /The hook calls integrator-api exports\.run in the environment "Debug"/);
      const result = await finished;
      assert.ok(result.returned, result.error);
      assert.deepStrictEqual(
        result.calls.map((c) => [c.path, c.error]),
        [['exports.run', undefined]],
      );
      assert.ok((result.result as { data: unknown[] }).data.length > 0, "the export's records, from the sandbox");
    } finally {
      vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
      await replaceDocumentText(document, original);
    }
  });
});

describe('hooks debugged locally, contained', function () {
  this.timeout(120_000);
  const demo = useDemoEnvironment('Debug Escape');

  /** The demo script's document with `source` in it, and Debug Hook…'s lens on its preSavePage. */
  async function debugLens(source: string) {
    const script = (await demo.client.scripts.listAll()).find((s) => s.name === 'Shopify - Skip Test Orders')!;
    const document = await openResourceDocument(demo.envId, 'scripts', script._id, script.name);
    const original = document.getText();
    await replaceDocumentText(document, source);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const lens = lenses.find(
      (l) =>
        l.command?.command === 'integratorIo.debugHook' && document.lineAt(l.range.start.line).text.startsWith('function preSavePage('),
    )!;
    assert.ok(lens, 'a Debug Hook… lens on preSavePage');
    const run = () => vscode.commands.executeCommand<HookResult>(lens.command!.command, ...(lens.command!.arguments as unknown[]));
    const view = () => demo.api.viewState(`hook:${demo.envId}:${script._id}:preSavePage`) as { error?: string } | undefined;
    return { document, original, line: lens.range.start.line, run, view };
  }

  it('an escaping script finds nothing under the debugger; its process has no host environment; its run folder is private and goes', async () => {
    const world = await openEscapeWorld();
    // The extension host's environment, which js-debug would hand on: the canary must not arrive.
    const saved = process.env.INTEGRATOR_IO_TOKEN;
    process.env.INTEGRATOR_IO_TOKEN = TOKEN_CANARY;
    const cases = hookEscapeCases(world).filter((c) => /^(the constructor chain of console|reading INTEGRATOR_IO_TOKEN)/.test(c.name));
    assert.strictEqual(cases.length, 2);
    let restore: (() => Promise<void>) | undefined;
    try {
      for (const c of cases) {
        const { document, original, line, run } = await debugLens(c.source);
        restore ??= () => replaceDocumentText(document, original);
        vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(document.uri, new vscode.Position(line + 1, 0)))]);
        const stopped = stopAndLook(async (session, threadId) => {
          // Outside the compartment, in the program's own frame: what the process itself holds.
          const trace = (await session.customRequest('stackTrace', { threadId })) as {
            stackFrames: { id: number; source?: { path?: string } }[];
          };
          // dist/hookDebug.js, or its source (debugEntry.ts) where the debugger follows the source map.
          const host = trace.stackFrames.find((f) => /(hookDebug\.js|debugEntry\.ts)$/.test(f.source?.path ?? ''))!;
          assert.ok(host, `a frame of dist/hookDebug.js in ${JSON.stringify(trace.stackFrames.map((f) => f.source?.path))}`);
          const evaluated = (await session.customRequest('evaluate', {
            expression: `Object.keys(process.env).join(",") + "|" + JSON.stringify(process.env).includes(${JSON.stringify(TOKEN_CANARY)})`,
            frameId: host.id,
            context: 'repl',
          })) as { result: string };
          return evaluated.result;
        });
        const finished = run();
        const at = await stopped;
        assert.strictEqual(at.line, line + 2, 'the debugger stopped in the script, in the compartment');
        const [names, canary] = at.looked.replace(/^'|'$/g, '').split('|');
        assert.deepStrictEqual(
          names!.split(',').filter((n) => n.startsWith('INTEGRATOR_IO') || n === 'HOME'),
          [],
          `the debugged process's environment: ${names}`,
        );
        assert.strictEqual(canary, 'false', 'the token canary is not in the debugged process');
        assert.ok(names!.includes('NODE_OPTIONS'), "js-debug's own variables are there: the evaluation saw the real environment");
        assert.strictEqual(at.folderMode, 0o700, 'the run folder is readable by this user only');
        const result = await finished;
        c.check(result, world);
        assert.ok(!(await fs.stat(path.dirname(fileOf(at.path))).catch(() => undefined)), 'the run folder is gone after the run');
        vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
      }
    } finally {
      vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
      if (saved === undefined) delete process.env.INTEGRATOR_IO_TOKEN;
      else process.env.INTEGRATOR_IO_TOKEN = saved;
      await restore?.();
      await fs.rm(world.markerFile, { force: true });
      await world.close();
    }
  });

  it('a script allocating 1.5 GB is stopped with "ran out of memory: the limit is 512 MB", and the next run works', async () => {
    const { document, original, run, view } = await debugLens(MEMORY_CASES.find((m) => m.name === 'arrays')!.source);
    try {
      // With a debugger attached, V8 first pauses "before a potential out-of-memory crash" (and
      // gives the heap some room for that); continuing from there, the process ends at the limit.
      const paused = stopAndLook(() => Promise.resolve(undefined));
      const finished = run();
      const at = await paused;
      assert.match(decodeURIComponent(at.path), /\(debug copy\)\.js$/, 'paused in the script, where it allocates');
      const hog = await finished;
      assert.strictEqual(hog.returned, false);
      assert.match(hog.error!, /^preSavePage ran out of memory: the limit is 512 MB/);
      assert.match(view()?.error ?? '', /ran out of memory: the limit is 512 MB/, 'the result view says it');
      const next = await debugLens('function preSavePage(options) {\n  return { data: options.data, errors: [] };\n}\n');
      const result = await next.run();
      assert.ok(result.returned, result.error);
    } finally {
      await replaceDocumentText(document, original);
    }
  });
});

describe('hooks of a pulled folder', function () {
  this.timeout(90_000);
  const demo = useDemoEnvironment('Folder Hooks');
  let folder: string;
  const control = () => demo.api.sourceControls.list().find((c) => c.folder.fsPath === folder);

  /** What `git status` would offer to add in the folder, besides what the pull wrote (committed below). */
  const untracked = () =>
    execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: folder, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));

  before(async () => {
    const root = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    folder = path.join(root, `hooks-${Date.now().toString(36)}`);
    const [integration] = (await demo.client.integrations.listAll()).filter((i) => i.name === 'Shopify - NetSuite Order Sync');
    const target = chosen({ envId: demo.envId, kind: 'integrations', id: integration!._id, name: integration!.name });
    await vscode.commands.executeCommand('integratorIo.pullIntegration', target, { folder });
    await waitFor(() => control()?.lastPlan !== undefined, 'the Source Control view to compare the folder');
    // A real repository, the pull committed as the README's workflow does: what a run adds shows as untracked.
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: folder });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'pulled');
    assert.deepStrictEqual(untracked(), []);
  });
  after(() => fs.rm(folder, { recursive: true, force: true }));

  const scriptFile = () => path.join(folder, 'scripts', 'shopify-skip-test-orders.js');

  it("runs a pulled script from its lens, as the hook the folder's export makes it, on that export's records", async () => {
    const document = await vscode.workspace.openTextDocument(scriptFile());
    await vscode.window.showTextDocument(document);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const lens = lenses.find((l) => l.command?.command === 'integratorIo.runHook')!;
    assert.ok(lens, 'a Run Hook… lens on the pulled file');
    assert.strictEqual(document.lineAt(lens.range.start.line).text.trim(), 'function preSavePage(options) {');
    const result = await vscode.commands.executeCommand<HookResult>(lens.command!.command, ...(lens.command!.arguments as unknown[]));
    assert.ok(result.returned, result.error);
    assert.deepStrictEqual(result.contract.problems, []);
    // Made from the account's export, beside the script, but outside the folder: Git sees nothing new.
    const sampleFile = openSample('preSavePage.json');
    const sample = JSON.parse(await fs.readFile(sampleFile.fsPath, 'utf8')) as { data: unknown[]; _exportId: string };
    const exp = (await demo.client.exports.listAll()).find((e) => e.name === 'Shopify - Get Orders')!;
    assert.strictEqual(sample._exportId, exp._id, "the folder's export, through its binding");
    assert.ok(sample.data.length > 0, 'real records');
    assert.ok(!isInside(sampleFile.fsPath, folder) && !vscode.workspace.getWorkspaceFolder(sampleFile), `${sampleFile.fsPath} is outside`);
    assert.deepStrictEqual(untracked(), [], 'git status lists nothing the run wrote');
  });

  it('keeps a sample in the folder only when asked, after a warning that it holds real records', async () => {
    const document = await vscode.workspace.openTextDocument(scriptFile());
    await vscode.window.showTextDocument(document);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const lens = lenses.find((l) => l.command?.command === 'integratorIo.runHook')!;
    await vscode.commands.executeCommand<HookResult>(lens.command!.command, ...(lens.command!.arguments as unknown[]));
    const sampleFile = openSample('preSavePage.json');
    const kept = path.join(folder, '.integrator-io', 'samples', 'shopify-skip-test-orders', 'preSavePage.json');
    // The default answer is no: nothing is written.
    demo.api.answerNextDialog('Cancel');
    assert.strictEqual(await vscode.commands.executeCommand('integratorIo.keepHookSample', sampleFile), undefined);
    const asked = demo.api.lastDialog()!;
    assert.match(asked.detail, /real records from "Folder Hooks"/);
    assert.deepStrictEqual(asked.buttons, ['Cancel', 'Keep in Folder']);
    assert.deepStrictEqual(untracked(), [], 'declined: nothing in the folder');
    // Asked for: the sample is copied into the folder, where Git sees it and Run Hook… now runs on it.
    demo.api.answerNextDialog('Keep in Folder');
    await vscode.commands.executeCommand('integratorIo.keepHookSample', sampleFile);
    assert.deepStrictEqual(untracked(), ['.integrator-io/samples/shopify-skip-test-orders/preSavePage.json']);
    assert.strictEqual(await fs.readFile(kept, 'utf8'), await fs.readFile(sampleFile.fsPath, 'utf8'));
    await vscode.commands.executeCommand<HookResult>(lens.command!.command, ...(lens.command!.arguments as unknown[]));
    assert.ok(
      openTabs().some((u) => u.fsPath === kept),
      'the kept copy is the sample opened beside the script',
    );
    await fs.rm(path.dirname(kept), { recursive: true });
  });

  it('never reads a kept sample through a link that a pull request put in the folder', async () => {
    // A link where a kept sample goes would hand a file of this machine to the folder's own script as options.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'kept-canary-'));
    const canary = path.join(outside, 'config.json');
    await fs.writeFile(canary, JSON.stringify({ data: [{ secret: 'KEPT-SAMPLE-CANARY' }], errors: [] }));
    const keptDir = path.join(folder, '.integrator-io', 'samples', 'shopify-skip-test-orders');
    await fs.mkdir(keptDir, { recursive: true });
    await fs.symlink(canary, path.join(keptDir, 'preSavePage.json'));
    // Documents opened from here on. (The kept copy the last test opened can linger as a closed
    // document, and VS Code's own file watcher reloads it through the new link: that is the editor
    // showing a file it had, not the extension reading one for the script.)
    const opened: vscode.TextDocument[] = [];
    const watching = vscode.workspace.onDidOpenTextDocument((d) => opened.push(d));
    try {
      const document = await vscode.workspace.openTextDocument(scriptFile());
      await vscode.window.showTextDocument(document);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      const lens = lenses.find((l) => l.command?.command === 'integratorIo.runHook')!;
      const result = await vscode.commands.executeCommand<HookResult>(lens.command!.command, ...(lens.command!.arguments as unknown[]));
      assert.strictEqual(result, undefined, 'nothing ran');
      const said = demo.api.notify.recent.at(-1);
      assert.strictEqual(said?.severity, 'error');
      assert.match(said?.message ?? '', /kept sample is refused: .*preSavePage\.json is a symbolic link/);
      assert.deepStrictEqual(
        opened.filter((d) => d.getText().includes('KEPT-SAMPLE-CANARY')).map((d) => d.uri.fsPath),
        [],
        'the linked file was not read into any document',
      );
      assert.deepStrictEqual(
        openTabs().filter((u) => u.fsPath.startsWith(keptDir) || u.fsPath === canary),
        [],
        'neither the link nor the file it points at is shown as the sample',
      );
    } finally {
      watching.dispose();
      await fs.rm(keptDir, { recursive: true, force: true });
      await fs.rm(outside, { recursive: true, force: true });
    }
  });

  it('debugs a pulled script in its own file, where the breakpoint is', async () => {
    const document = await vscode.workspace.openTextDocument(scriptFile());
    const line = document
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('const kept = [];'));
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(document.uri, new vscode.Position(line, 0)))]);
    const stopped = stopAtFirstBreakpoint();
    try {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      const lens = lenses.find((l) => l.command?.command === 'integratorIo.debugHook')!;
      const finished = vscode.commands.executeCommand<HookResult>(lens.command!.command, ...(lens.command!.arguments as unknown[]));
      const at = await stopped;
      assert.strictEqual(fileOf(at.path), scriptFile(), `stopped in the pulled file itself, not ${at.path}`);
      assert.strictEqual(at.line, line + 1);
      const result = await finished;
      assert.ok(result.returned, result.error);
    } finally {
      vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
    }
  });

  it('offers no lens on a scripts/*.js file outside a pulled folder', async () => {
    const elsewhere = path.join(folder, 'not-pulled', 'scripts', 'tool.js');
    await fs.mkdir(path.dirname(elsewhere), { recursive: true });
    await fs.writeFile(elsewhere, 'function preMap(options) {\n  return options.data.map((d) => ({ data: d }));\n}\n');
    const document = await vscode.workspace.openTextDocument(elsewhere);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    assert.deepStrictEqual(
      lenses.filter((l) => l.command?.command?.startsWith('integratorIo.')),
      [],
    );
  });
});

/** Where the debugger first stops (the top frame's file and line); the run is continued from there. */
function stopAtFirstBreakpoint(): Promise<{ path: string; line: number }> {
  return new Promise<{ path: string; line: number }>((resolve) => {
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
}

/** Where the debugger first stops, what `look` found there (with the folder's mode), then the run goes on. */
function stopAndLook<T>(
  look: (session: vscode.DebugSession, threadId: number) => Promise<T>,
): Promise<{ path: string; line: number; looked: T; folderMode: number }> {
  return new Promise((resolve, reject) => {
    const subscription = vscode.debug.onDidChangeActiveStackItem(async (item) => {
      if (!(item instanceof vscode.DebugStackFrame)) return;
      subscription.dispose();
      try {
        const trace = (await item.session.customRequest('stackTrace', { threadId: item.threadId, levels: 1 })) as {
          stackFrames: { line: number; source?: { path?: string } }[];
        };
        const top = trace.stackFrames[0]!;
        const looked = await look(item.session, item.threadId);
        const folderMode = (await fs.stat(path.dirname(fileOf(top.source!.path!)))).mode & 0o777;
        resolve({ path: top.source!.path!, line: top.line, looked, folderMode });
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      } finally {
        await item.session.customRequest('continue', { threadId: item.threadId });
      }
    });
  });
}

/** A stack frame's source as a file path (code-server reports `vscode-remote://…` URIs). */
function fileOf(source: string): string {
  return /^[a-z-]+:\/\//.test(source) ? vscode.Uri.parse(source).fsPath : source;
}

/** The sample Run Hook… opened beside the script (a tab, perhaps behind the result view). */
function openSample(name: string): vscode.Uri {
  const uris = openTabs();
  const uri = uris.find((u) => u.path.endsWith(`/${name}`));
  assert.ok(uri, `the sample ${name} is open beside the script (open: ${uris.map(String).join(', ')})`);
  return uri;
}
function openTabs(): vscode.Uri[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .map((t) => (t.input instanceof vscode.TabInputText ? t.input.uri : undefined))
    .filter((u): u is vscode.Uri => u !== undefined);
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}
