/**
 * The result of running a hook locally (src/hooks/runner.ts): the contract check, input and
 * output side by side, the console output, the integrator-api calls and the time. "Run again"
 * runs on the current text of the script and the sample, unsaved edits included.
 */
import vscode = require('vscode');
import { HookResult } from '../hooks/runner';
import { RunSequence } from '../hooks/runSequence';
import { HookResultAction, HookResultState, readHookResultAction } from './protocol/hookResult';
import { StatefulPanel } from './statefulPanel';

/** The pause in typing after which an edit runs the hook again (integratorIo.hooks.runOnEdit). */
const RUN_ON_EDIT_PAUSE_MS = 600;

export class HookResultPanel extends StatefulPanel<HookResultState, HookResultAction> {
  static show(key: string, title: string, subtitle: string, extensionUri: vscode.Uri, rerun: () => Promise<void>): HookResultPanel {
    const { panel } = StatefulPanel.openOrReveal(
      key,
      (p) => (p instanceof HookResultPanel ? p : undefined),
      () => new HookResultPanel(key, title, subtitle, extensionUri),
    );
    panel.rerun = rerun;
    // Revealed for another use of the same function (another import, say): its subtitle says which.
    panel.update({ title, subtitle });
    return panel;
  }

  private rerun: () => Promise<void> = () => Promise.resolve();
  /** Runs overlap (run on edit, Run again): only the newest run started shows what it found. */
  private readonly runs = new RunSequence();
  private editWatch: vscode.Disposable | undefined;
  private editTimer: NodeJS.Timeout | undefined;

  /**
   * With `integratorIo.hooks.runOnEdit` on, runs again once edits of these documents (the script
   * and its sample) pause for a moment; replaces what an earlier run of this view watched.
   */
  rerunOnEditsOf(uris: readonly vscode.Uri[]): void {
    this.editWatch?.dispose();
    const watched = new Set(uris.map((u) => u.toString()));
    this.editWatch = this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!e.contentChanges.length || !watched.has(e.document.uri.toString())) return;
        if (!vscode.workspace.getConfiguration('integratorIo').get<boolean>('hooks.runOnEdit', false)) return;
        clearTimeout(this.editTimer);
        this.editTimer = setTimeout(() => void this.rerun(), RUN_ON_EDIT_PAUSE_MS);
      }),
    );
    this.register({ dispose: () => clearTimeout(this.editTimer) });
  }

  private constructor(key: string, title: string, subtitle: string, extensionUri: vscode.Uri) {
    super({
      key,
      viewType: 'integratorIo.hookResult',
      title,
      page: 'hookResult',
      extensionUri,
      initial: { title, subtitle, running: true, problems: [], notes: [], inputText: '', logs: [], calls: [], filled: [] },
      readAction: readHookResultAction,
      // Beside the script, which keeps the focus: edit, Run again, read, edit.
      besideEditor: true,
      // No reopen: not restored after a reload; a run is made again from the script's lens.
    });
  }

  /** A new run of this view's hook: its number, which its running/result/failure calls pass back. */
  startRun(): number {
    return this.runs.start();
  }

  /** Without `run` (a debug session), shown as it comes; with it, only while no newer run started. */
  private isStale(run: number | undefined): boolean {
    return run !== undefined && !this.runs.isNewest(run);
  }

  running(inputText: string, run?: number): void {
    if (this.isStale(run)) return;
    this.update({ running: true, inputText });
  }

  showResult(result: HookResult, run?: number, how: { debugged?: boolean } = {}): void {
    if (this.isStale(run)) return;
    this.update({
      running: false,
      debugged: how.debugged === true,
      returned: result.returned,
      error: result.error,
      problems: result.contract.problems,
      notes: result.contract.notes,
      outputText: result.returned ? JSON.stringify(result.result ?? null, null, 2) : undefined,
      logs: result.logs,
      calls: result.calls,
      filled: result.filled,
      ms: result.ms,
      pairs: result.pairs?.map((p) => ({
        index: p.index,
        status: p.status,
        changed: p.changed,
        beforeText: JSON.stringify(p.before, null, 2) ?? '',
        afterText: p.after === undefined ? '(nothing)' : (JSON.stringify(p.after, null, 2) ?? ''),
      })),
    });
  }

  /** A run that gave no result (the sample is not JSON, the debug session ended first): said in the view. */
  showFailure(message: string, run?: number): void {
    if (this.isStale(run)) return;
    this.update({
      running: false,
      returned: false,
      error: message,
      problems: [],
      notes: [],
      outputText: undefined,
      pairs: undefined,
      ms: undefined,
      debugged: false,
    });
  }

  protected async handle(action: HookResultAction): Promise<void> {
    if (action.type === 'rerun') await this.rerun();
  }
}
