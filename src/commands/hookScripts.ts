/**
 * Where a hook script lives, for Run Hook… and Debug Hook…: a script document opened from the
 * explorer (its environment is the one it came from), or a pulled folder's `scripts/<slug>.js`
 * (its uses are read from the folder's own files; its environment is the one the folder is
 * compared with in Source Control, and there may be none). Both answer the same questions: where
 * the script is used, where its samples are kept, and which account resource a use names.
 */
import { createHash } from 'crypto';
import * as path from 'path';
import vscode = require('vscode');
import { IntegratorClient } from '../api';
import { EnvironmentInfo } from '../environments/environment';
import { pulledScriptOf } from '../documents/hookCodeLens';
import { parseResourceUri, resourceNameOf } from '../identity';
import { HookType } from '../hooks/contracts';
import { findHookUsages, HookUsage, hookUsagesIn, UsingResource } from '../hooks/hookUsage';
import { readBindings } from '../iac/bindings';
import { readFolder } from '../iac/folder';
import { slugify } from '../iac/keys';
import { BINDINGS_DIR, keyOf } from '../iac/layout';
import { Services } from './services';

export interface HookScript {
  /** The environment samples come from and integrator-api calls go to; none for a folder compared with none. */
  env?: EnvironmentInfo;
  client?: IntegratorClient;
  /** Names it in view keys and temporary folders: the script's id, or its file's path. */
  key: string;
  /** How views and messages name it. */
  name: string;
  /**
   * Where its samples are made (a folder of `<function>.json`): the extension's storage for this
   * workspace, never the workspace itself, since they hold real records from the account.
   */
  samplesDir: vscode.Uri;
  /**
   * Where a sample kept in the folder on purpose lives (Keep Hook Sample in Folder…, or written
   * there by an older version), and is then run in preference: none without a workspace folder.
   */
  keptSamplesDir?: vscode.Uri;
  /** The folder `keptSamplesDir` lies in: a kept sample is read and written only inside it, never through a link. */
  keptRoot?: string;
  /** The resources that use it, each with the hook it is to them. */
  usages(): Promise<HookUsage[]>;
  /** The account id of the resource a use names, for samples from real data (none when unbound). */
  accountIdOf(usage: HookUsage): string | undefined;
  /** A file the debugger can load as it is (a pulled script), when the document holds no unsaved edit. */
  file?: string;
}

/** A hook ready to run: its script, the hook type it is run as, and its sample. */
export interface Prepared {
  script: HookScript;
  type: HookType;
  sampleUri: vscode.Uri;
  /** " as the preMap hook of NetSuite - Create Sales Orders" */
  where: string;
}

/** The script of a document, or undefined when the document is no hook script. */
export async function hookScriptOf(services: Services, uri: vscode.Uri): Promise<HookScript | undefined> {
  if (uri.scheme === 'file') return folderScript(services, uri);
  const ref = parseResourceUri(uri);
  const env = ref && services.environments.get(ref.envId);
  if (!ref || ref.kind !== 'scripts' || !env) return undefined;
  const client = await services.environments.client(env);
  const name = resourceNameOf(uri);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const dir = `${slugify(name)}-${ref.id}`;
  return {
    env,
    client,
    key: ref.id,
    name,
    samplesDir: vscode.Uri.joinPath(samplesStorage(services), dir),
    keptSamplesDir: folder && vscode.Uri.joinPath(folder, BINDINGS_DIR, 'samples', dir),
    keptRoot: folder?.fsPath,
    usages: () => findHookUsages(client, ref.id),
    accountIdOf: (usage) => usage.resourceId,
  };
}

async function folderScript(services: Services, uri: vscode.Uri): Promise<HookScript | undefined> {
  const pulled = await pulledScriptOf(uri);
  if (!pulled) return undefined;
  const { folder, slug } = pulled;
  const scriptKey = keyOf('scripts', slug);
  const control = services.sourceControls.containing(uri);
  const env = control?.env;
  const client = env && (await services.environments.client(env));
  const bindings = control && client && (await readBindings(folder, control.bindingName(client), client.transport.baseUrl));
  return {
    env,
    client,
    key: uri.fsPath,
    name: `${slug}.js`,
    // Per folder (two pulled folders may both have a script of this slug).
    samplesDir: vscode.Uri.joinPath(samplesStorage(services), `${slugify(path.basename(folder))}-${hashOf(folder)}`, slug),
    keptSamplesDir: vscode.Uri.file(path.join(folder, BINDINGS_DIR, 'samples', slug)),
    keptRoot: folder,
    async usages() {
      const resources: UsingResource[] = [];
      for (const resource of (await readFolder(folder)).values()) {
        if (resource.kind === 'exports' || resource.kind === 'imports' || resource.kind === 'flows')
          resources.push({ kind: resource.kind, id: resource.key, doc: resource.doc });
      }
      return hookUsagesIn(resources, scriptKey);
    },
    accountIdOf: (usage) => bindings?.resources[usage.resourceId]?.id,
    file: uri.fsPath,
  };
}

/** This workspace's storage (the user's storage without a workspace), outside every folder that may go into Git. */
function samplesStorage(services: Services): vscode.Uri {
  return vscode.Uri.joinPath(services.context.storageUri ?? services.context.globalStorageUri, 'samples');
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}
