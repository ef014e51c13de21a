/**
 * The pulled folders of the workspace (those with an `.integrator-io/` binding folder), each shown
 * in the Source Control view against one of the user's environments. Folders are found among the
 * workspace folders and one level below them, and added when a pull writes one.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import vscode = require('vscode');
import { EnvironmentInfo } from '../environments/environment';
import { EnvironmentStore } from '../environments/environmentStore';
import { IntegrationRead } from '../iac/accountReader';
import { isPulledFolder } from '../iac/bindings';
import { Disposable } from '../util/disposable';
import { Logger } from '../util/logger';
import { AccountVersions } from './accountVersions';
import { boundEnvironments, chooseEnvironment } from './folderEnvironment';
import { FolderIntegrations } from './folderIntegrations';
import { IntegrationSourceControl } from './integrationSourceControl';
import { setContextKey } from '../util/contextKeys';

const CHOSEN_KEY = 'integratorIo.folderEnvironments';

export class SourceControls extends Disposable {
  private readonly byFolder = new Map<string, IntegrationSourceControl>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when a folder's view is added, removed or moved to another environment. */
  readonly onDidChange = this.changed.event;
  /** The integration each folder was pulled or applied as, by this VS Code (not by the folder's word). */
  readonly integrations: FolderIntegrations;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly environments: EnvironmentStore,
    readonly versions: AccountVersions,
    private readonly log: Logger,
  ) {
    super();
    this.integrations = new FolderIntegrations(context.workspaceState);
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.discover()));
    this.register(environments.onDidChange(() => void this.discover()));
    this.register({ dispose: () => this.byFolder.forEach((s) => s.dispose()) });
    // The palette offers Apply, Pull Remote Changes and the rest only with a pulled folder open.
    this.register(this.onDidChange(() => void setContextKey('hasPulledFolders', this.byFolder.size > 0)));
  }

  list(): IntegrationSourceControl[] {
    return [...this.byFolder.values()];
  }

  get(folder: vscode.Uri): IntegrationSourceControl | undefined {
    return this.byFolder.get(folder.fsPath);
  }

  /** The pulled folder that holds `uri`, if any. */
  containing(uri: vscode.Uri): IntegrationSourceControl | undefined {
    return this.list().find((s) => uri.fsPath === s.folder.fsPath || uri.fsPath.startsWith(s.folder.fsPath + path.sep));
  }

  /** Looks for pulled folders in the workspace and shows each against its environment. */
  async discover(): Promise<void> {
    const found = new Set<string>();
    for (const root of vscode.workspace.workspaceFolders ?? []) {
      for (const dir of [root.uri.fsPath, ...(await subfolders(root.uri.fsPath))]) if (await isPulledFolder(dir)) found.add(dir);
    }
    for (const known of this.byFolder.keys()) if (await isPulledFolder(known)) found.add(known);
    for (const dir of found) await this.track(vscode.Uri.file(dir));
    for (const [dir, control] of this.byFolder) {
      if (!found.has(dir)) {
        control.dispose();
        this.byFolder.delete(dir);
        this.changed.fire();
      }
    }
  }

  /**
   * Shows `folder` against `env` (remembered for next time), or, without one, against the
   * environment chosen before, the active one, or the first it has a binding file for. `pulled`:
   * what the pull that wrote the folder read, for the first plan to compare with.
   */
  async track(folder: vscode.Uri, env?: EnvironmentInfo, pulled?: IntegrationRead): Promise<IntegrationSourceControl | undefined> {
    const chosen = this.context.workspaceState.get<Record<string, string>>(CHOSEN_KEY, {});
    if (env) await this.context.workspaceState.update(CHOSEN_KEY, { ...chosen, [folder.fsPath]: env.id });
    const target =
      env ?? chooseEnvironment(boundEnvironments(folder.fsPath, this.environments.list()), chosen[folder.fsPath], this.environments.active);
    const existing = this.byFolder.get(folder.fsPath);
    if (existing && existing.env.id === target?.id) return existing;
    existing?.dispose();
    this.byFolder.delete(folder.fsPath);
    if (!target) return undefined;
    const control = new IntegrationSourceControl(
      folder,
      target,
      () => this.environments.client(target),
      this.versions,
      this.log,
      () => this.environments.list(),
      this.integrations,
    );
    this.byFolder.set(folder.fsPath, control);
    this.log.info(`Source Control: ${folder.fsPath} compared with "${target.name}".`);
    this.changed.fire();
    void control.refresh(pulled ? { pulled } : {});
    return control;
  }
}

async function subfolders(dir: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
      .map((e) => path.join(dir, e.name));
  } catch {
    return [];
  }
}
