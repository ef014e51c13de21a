/** "Pull Integration to Folder…": an integration of an account into a folder, as files (src/iac/pull.ts). */
import * as path from 'path';
import vscode = require('vscode');
import { slugify } from '../iac/keys';
import { LocalChangesError, pullAndKeepRead } from '../iac/pull';
import { pullLines } from '../iac/report';
import { bindingNameIn } from '../sourceControl/folderEnvironment';
import { askModal } from '../util/dialogs';
import { displayText } from '../util/displayText';
import { defineCommand, quoted, resourceOf, stringOption } from './command';
import { resolveEnvironment } from './pickEnvironment';
import { ResourceTarget } from './resourceTarget';
import { Services } from './services';

export interface PullIntegrationOptions {
  /** The folder to pull into (its parent is not asked for). */
  folder?: string;
}

/** "Pull Integration to Folder…": on an integration row, or from the palette with questions. */
export const pullIntegrationCommand = defineCommand<ResourceTarget, PullIntegrationOptions>({
  id: 'integratorIo.pullIntegration',
  target: async (services, arg) => resourceOf('integrations')(services, arg) ?? (arg === undefined ? pickIntegration(services) : undefined),
  options: (raw) => {
    const folder = stringOption(raw, 'folder');
    return folder ? { folder } : {};
  },
  failure: (target) => `Could not pull the integration ${quoted(target)}`,
  async run(services, target, options) {
    const folder = options.folder ? vscode.Uri.file(options.folder) : await askFolder(target);
    if (!folder) return undefined;
    const client = await services.environments.client(target.env);
    const bindingName = bindingNameIn(folder.fsPath, target.env, client.transport.baseUrl, services.environments.list());
    const pullOnce = (force: boolean) =>
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Pulling ${quoted(target)} from ${displayText(target.env.name)}…` },
        () =>
          pullAndKeepRead({
            client,
            baseUrl: client.transport.baseUrl,
            environment: bindingName,
            integration: target.id,
            dir: folder.fsPath,
            force,
          }),
      );
    let outcome;
    try {
      outcome = await pullOnce(false);
    } catch (err) {
      if (!(err instanceof LocalChangesError)) throw err;
      // The folder holds edits not yet applied: overwriting them is the user's call, and not the default.
      const overwrite: vscode.MessageItem = { title: 'Overwrite Them' };
      const keep: vscode.MessageItem = { title: 'Keep My Changes', isCloseAffordance: true };
      const answer = await askModal(
        `${path.basename(folder.fsPath)} has changes not applied to "${target.env.name}". Overwrite them with the account's versions?`,
        `${err.keys.join(', ')}. Keep them to apply them, or use Pull Remote Changes, which leaves them alone.`,
        keep,
        overwrite,
      );
      if (answer !== overwrite) return undefined;
      outcome = await pullOnce(true);
    }
    const { report, read } = outcome;
    await services.sourceControls.integrations.remember(folder.fsPath, bindingName, target.id);
    for (const line of pullLines(report, folder.fsPath, target.env.name)) services.log.info(line);
    // The view compares the folder with what the pull read: one read of the account for the whole pull.
    const control = await services.sourceControls.track(folder, target.env, read);
    const pulled = `Pulled "${report.integrationName}" (${report.resources} resources) into ${path.basename(folder.fsPath)}.`;
    if (vscode.workspace.getWorkspaceFolder(folder)) void services.notify.info(pulled);
    else void offerToOpen(services, folder, pulled);
    await control?.refresh({ pulled: read });
    return folder;
  },
});

/**
 * A folder outside the workspace is offered, not added: adding a folder turns a one-folder window
 * into a workspace of several, which restarts every extension, so it is the user's call (as after
 * Git: Clone). The Source Control view shows the folder either way.
 */
async function offerToOpen(services: Services, folder: vscode.Uri, message: string): Promise<void> {
  const add = 'Add to Workspace';
  const open = 'Open Folder';
  const answer = await services.notify.info(message, add, open);
  if (answer === add) vscode.workspace.updateWorkspaceFolders(vscode.workspace.workspaceFolders?.length ?? 0, 0, { uri: folder });
  else if (answer === open) await vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: false });
}

async function pickIntegration(services: Services): Promise<ResourceTarget | undefined> {
  const env = await resolveEnvironment(services, undefined, 'Pull an integration from…');
  if (!env) return undefined;
  const client = await services.environments.client(env);
  const integrations = await client.integrations.listAll({ include: ['name', 'description'] });
  const picked = await vscode.window.showQuickPick(
    integrations.map((i) => ({
      label: displayText(i.name ?? i._id),
      description: displayText(String(i.description ?? '')),
      integration: i,
    })),
    { placeHolder: `The integration of "${env.name}" to pull to a folder` },
  );
  return picked && { env, kind: 'integrations', id: picked.integration._id, name: picked.integration.name };
}

async function askFolder(target: ResourceTarget): Promise<vscode.Uri | undefined> {
  const parent = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: 'Pull Here',
    title: `The folder to hold "${target.name ?? target.id}" (a folder named after it is made inside)`,
  });
  return parent?.[0] && vscode.Uri.joinPath(parent[0], slugify(target.name ?? target.id));
}
