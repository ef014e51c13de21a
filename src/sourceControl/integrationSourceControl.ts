/**
 * One pulled folder in VS Code's Source Control view, compared with one environment: resource
 * groups for Conflicts, Changes to Apply and Remote Changes, an entry per resource file that opens
 * the diff between the account's version and the folder's, the account's version as the gutter's
 * quick diff, and ✓ (Apply) in the title. It refreshes after files change in the folder; the
 * account is read again on Refresh, after an apply, and at each change of the folder's files
 * (a pull's own read serves the plan after it; planSchedule.ts).
 */
import { FolderIntegrations } from './folderIntegrations';
import * as path from 'path';
import vscode = require('vscode');
import { EnvironmentInfo } from '../environments/environment';
import { codeFileOf, jsonFileOf, keyOfFile, LogicalKey } from '../iac/layout';
import { makePlan, Plan, PlanItem, PlanOptions, PlanState } from '../iac/plan';
import { folderUnchanged } from '../iac/folderUnchanged';
import { isApplied } from '../iac/planItem';
import { Disposable } from '../util/disposable';
import { displayText } from '../util/displayText';
import { describeError } from '../util/errors';
import { accountVersionUri } from '../identity';
import { AccountVersions } from './accountVersions';
import { bindingNameIn } from './folderEnvironment';
import { NextPlan, PlanRequest, PlanSchedule } from './planSchedule';
import { IntegratorClient } from '../api';
import { Logger } from '../util/logger';

const ICONS: Record<PlanItem['action'], string> = {
  create: 'diff-added',
  update: 'diff-modified',
  delete: 'diff-removed',
  bind: 'plug',
  adopt: 'link',
  'needs-connection': 'warning',
  'remote-change': 'cloud-download',
  conflict: 'warning',
  unchanged: 'circle-outline',
};

const REFRESH_DELAY_MS = 400;

export class IntegrationSourceControl extends Disposable {
  readonly sourceControl: vscode.SourceControl;
  private readonly conflicts: vscode.SourceControlResourceGroup;
  private readonly changes: vscode.SourceControlResourceGroup;
  private readonly remote: vscode.SourceControlResourceGroup;
  private readonly changed = this.register(new vscode.EventEmitter<Plan | undefined>());
  /** Fires after each refresh with the plan it shows (the last one again when the folder had not changed), undefined when the plan failed. */
  readonly onDidRefresh = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly schedule = new PlanSchedule((next) => this.plan(next));
  lastPlan: Plan | undefined;
  lastState: PlanState | undefined;
  lastError: string | undefined;

  constructor(
    readonly folder: vscode.Uri,
    readonly env: EnvironmentInfo,
    private readonly client: () => Promise<IntegratorClient>,
    private readonly versions: AccountVersions,
    private readonly log: Logger,
    /** The user's environments, for the binding file rule (folderEnvironment.ts). */
    private readonly environments: () => readonly EnvironmentInfo[],
    /** The integration this VS Code pulled or applied the folder as (never the folder's own word). */
    private readonly integrations?: FolderIntegrations,
  ) {
    super();
    const label = `${path.basename(folder.fsPath)} ↔ ${displayText(env.name)}${env.production ? ' (production)' : ''}`;
    this.sourceControl = this.register(vscode.scm.createSourceControl('integratorIo', label, folder));
    this.sourceControl.inputBox.visible = false;
    this.sourceControl.quickDiffProvider = { provideOriginalResource: (uri) => this.originalOf(uri) };
    this.conflicts = this.register(this.sourceControl.createResourceGroup('conflicts', 'Conflicts'));
    this.changes = this.register(this.sourceControl.createResourceGroup('changes', 'Changes to Apply'));
    this.remote = this.register(this.sourceControl.createResourceGroup('remote', 'Remote Changes'));
    for (const group of [this.conflicts, this.changes, this.remote]) group.hideWhenEmpty = true;
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*')));
    for (const event of [watcher.onDidChange, watcher.onDidCreate, watcher.onDidDelete]) {
      this.register(event((uri) => !uri.path.endsWith('.tmp') && this.refreshSoon()));
    }
    // A save in the editor is certain to count; the file watcher (for git, other tools) may lag behind a new folder.
    this.register(vscode.workspace.onDidSaveTextDocument((doc) => this.keyOf(doc.uri) !== undefined && this.refreshSoon()));
  }

  /** The binding file this environment uses in the folder: its own, or the CLI's for the same base URL. */
  bindingName(client: IntegratorClient): string {
    return bindingNameIn(this.folder.fsPath, this.env, client.transport.baseUrl, this.environments());
  }

  /** What the engine needs to compare this folder with this environment. */
  planOptions(client: IntegratorClient): PlanOptions {
    const environment = this.bindingName(client);
    const integration = this.integrations?.get(this.folder.fsPath, environment);
    return { client, baseUrl: client.transport.baseUrl, environment, dir: this.folder.fsPath, ...(integration ? { integration } : {}) };
  }

  /** Refreshes once the folder has been quiet for a moment (a pull writes many files). */
  refreshSoon(): void {
    this.schedule.changed();
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.schedule.request({ files: true }), REFRESH_DELAY_MS);
  }

  /**
   * Plans (reads the folder and the account) and shows the result; a plan already running is
   * joined when nothing changed since it began (planSchedule.ts). `fresh` after the caller's own
   * writes and for a person's Refresh; `pulled` with what the pull that wrote the folder read.
   */
  refresh(request: Omit<PlanRequest, 'files'> = {}): Promise<Plan | undefined> {
    return this.schedule.request(request);
  }

  private async plan(next: NextPlan): Promise<Plan | undefined> {
    try {
      const client = await this.client();
      const options = this.planOptions(client);
      // The watcher also reports writes the last plan already read (a pull's files): no need to read the account for those.
      const unchanged =
        next.onlyFiles && this.lastPlan && this.lastState && !this.lastError && (await folderUnchanged(this.lastState, options));
      if (unchanged) {
        this.changed.fire(this.lastPlan);
        return this.lastPlan;
      }
      const { plan, state } = await makePlan({ ...options, ...(next.pulled ? { pulled: next.pulled } : {}) });
      this.lastPlan = plan;
      this.lastState = state;
      this.lastError = undefined;
      this.versions.remember(this.folder, this.env.id, state, (file) => this.keyOf(file));
      this.show(plan);
      this.log.debug(
        `Source Control: ${this.folder.fsPath} ↔ "${this.env.name}": ${this.changes.resourceStates.length} to apply, ` +
          `${this.conflicts.resourceStates.length} in conflict, ${this.remote.resourceStates.length} remote.`,
      );
      this.changed.fire(plan);
      return plan;
    } catch (err) {
      this.lastError = describeError(err);
      this.log.warn(`Source Control: could not compare ${this.folder.fsPath} with "${this.env.name}": ${this.lastError}`);
      this.sourceControl.count = 0;
      this.changes.resourceStates = [];
      this.conflicts.resourceStates = [];
      this.remote.resourceStates = [];
      this.changed.fire(undefined);
      return undefined;
    }
  }

  private show(plan: Plan): void {
    const states = (items: PlanItem[]) => items.map((item) => this.stateOf(item));
    this.conflicts.resourceStates = states(plan.items.filter((i) => i.action === 'conflict'));
    this.changes.resourceStates = states(plan.items.filter((i) => isApplied(i) || i.action === 'needs-connection'));
    this.remote.resourceStates = states(plan.items.filter((i) => i.action === 'remote-change'));
    this.sourceControl.count = this.changes.resourceStates.length + this.conflicts.resourceStates.length;
  }

  private stateOf(item: PlanItem): vscode.SourceControlResourceState {
    const file = this.codeChanged(item.key) ? this.codeFileOf(item.key) : this.fileOf(item.key);
    const account = accountVersionUri(file, this.env.id, this.versions.version(this.folder));
    const inFolder = item.action !== 'delete' && item.remote !== 'added';
    const title = `${item.key}: ${this.env.name} ↔ folder`;
    return {
      resourceUri: file,
      command: inFolder
        ? { command: 'vscode.diff', title: 'Open Diff', arguments: [account, file, title] }
        : { command: 'vscode.open', title: 'Open', arguments: [account] },
      decorations: {
        tooltip: `${item.action.replace('-', ' ')}: ${item.reason}`,
        strikeThrough: item.action === 'delete' || item.remote === 'deleted',
        iconPath: new vscode.ThemeIcon(ICONS[item.action]),
      },
      contextValue: item.action,
    };
  }

  /** Whether a script's code (rather than its settings) is what differs from the account. */
  private codeChanged(key: LogicalKey): boolean {
    const local = this.lastState?.folder.get(key);
    const remote = this.lastState?.remote.get(key);
    return local?.kind === 'scripts' && remote !== undefined && (local.code ?? '') !== (remote.code ?? '');
  }

  /** The settings file of a key in this folder. */
  fileOf(key: LogicalKey): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, jsonFileOf(key));
  }

  codeFileOf(key: LogicalKey): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, codeFileOf(key));
  }

  keyOf(file: vscode.Uri): LogicalKey | undefined {
    const relative = path.relative(this.folder.fsPath, file.fsPath);
    return relative.startsWith('..') ? undefined : keyOfFile(relative);
  }

  private originalOf(uri: vscode.Uri): vscode.Uri | undefined {
    if (uri.scheme !== 'file') return undefined;
    const key = this.keyOf(uri);
    return key && this.lastState?.bindings.resources[key]
      ? accountVersionUri(uri, this.env.id, this.versions.version(this.folder))
      : undefined;
  }

  override dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.versions.forget(this.folder);
    super.dispose();
  }
}
