/**
 * The integration each pulled folder stands for in each environment, as this VS Code pulled or
 * applied it: kept in the workspace's state, never read from the folder. A binding file comes
 * with pull requests, and one that binds the folder's integration key to another integration
 * would make every resource of that other integration look like the folder's own; planned with
 * the remembered integration, such a binding file is a plan problem (iac/plan.ts). A folder this
 * VS Code has not pulled or applied (a fresh clone) has nothing remembered: Apply and Promote ask
 * once, naming the integration its binding file points at.
 */
import vscode = require('vscode');

const KEY = 'integratorIo.folderIntegrations';

export class FolderIntegrations {
  constructor(private readonly state: vscode.Memento) {}

  /** The integration id remembered for the folder's binding file, if any. */
  get(folder: string, bindingName: string): string | undefined {
    return this.state.get<Record<string, string>>(KEY, {})[entryOf(folder, bindingName)];
  }

  async remember(folder: string, bindingName: string, integrationId: string): Promise<void> {
    const all = this.state.get<Record<string, string>>(KEY, {});
    await this.state.update(KEY, { ...all, [entryOf(folder, bindingName)]: integrationId });
  }
}

function entryOf(folder: string, bindingName: string): string {
  return JSON.stringify([folder, bindingName]);
}
