/**
 * integratorPlanFolder: a pulled integration folder compared with an environment by the plan the
 * CLI's `plan` and the Source Control view make (iac/plan.ts: it only reads), as data: what an
 * apply would create, update, bind or delete, what each update changes, the connection changes
 * that move where credentials go, conflicts and problems. The folder is named in the input and so
 * is hostile: it must lie inside the folders the tool may read, through no link (folderInput.ts),
 * before anything is read. Nothing is applied.
 */
import { bindingNameForEnvironment } from '../iac/bindingChoice';
import { UnsafeFolderError } from '../iac/confinedFs';
import { bindingPathOf } from '../iac/bindings';
import { CONNECTION_CHANGE_NOTE, connectionChanges } from '../iac/connectionChanges';
import { slugify } from '../iac/keys';
import { blockReason, makePlan, PlanAction, PlanItem, PlanState } from '../iac/plan';
import { effectOf } from '../iac/planItem';
import { confinedFolder, folderText, heldFolder } from './folderInput';
import { environmentField, environmentLabel, environmentOf, inputObject, optionalText, pageOf, type Paging } from './input';
import { accountData, AgentTool, ToolInputError } from './types';
import { ENVIRONMENT_PROPERTY, pageProperties } from './schemaParts';

export interface PlanFolderInput {
  folder: string;
  environment?: string;
  integration?: string;
  offset: number;
  limit: number;
}

const PAGING: Paging = { maxOffset: 100_000, maxLimit: 100, defaultLimit: 50 };
/** Fields named per changed item; past it they are counted. */
const MAX_CHANGES = 20;
/** A problem or warning longer than this is cut (they quote names and paths from the folder). */
const MAX_LINE = 1_000;

export const planFolder: AgentTool<PlanFolderInput> = {
  name: 'integratorPlanFolder',
  title: 'Plan a pulled integrator.io folder against an environment',
  description:
    "Compares a pulled integration folder (integration as code: the folder `integrator-io pull` or Pull Integration wrote) with an environment, as `integrator-io plan` and the Source Control view do, and returns what an apply would do: each resource to create, update, bind, adopt or delete with the fields an update changes, connection changes that move where credentials go, conflicts, remote changes and the problems that would stop an apply. Only reads; never applies. The folder must lie inside the workspace (VS Code: a trusted workspace folder; MCP: the server's working directory), reached through no link.",
  inputSchema: {
    type: 'object',
    properties: {
      folder: { type: 'string', description: 'The pulled folder: relative to the workspace folder, or absolute inside it.' },
      environment: ENVIRONMENT_PROPERTY,
      integration: {
        type: 'string',
        description: 'The integration the folder should be (its id or exact name): a binding file pointing elsewhere is then a problem.',
      },
      ...pageProperties('plan items', PAGING),
    },
    required: ['folder'],
  },
  read(input) {
    const o = inputObject(input, ['folder', 'environment', 'integration', 'offset', 'limit']);
    const integration = optionalText(o, 'integration');
    return {
      folder: folderText(o.folder, 'folder'),
      ...pageOf(o, PAGING),
      ...environmentField(o),
      ...(integration ? { integration } : {}),
    };
  },
  async invoke(input, context) {
    // The folder first: a path outside, or through a link, is refused before the account or the folder is read.
    const dir = confinedFolder(input.folder, context.folders?.() ?? []);
    const held = heldFolder(dir, input.folder);
    const env = environmentOf(context, input.environment);
    const client = await context.client(env.id);
    const baseUrl = client.transport.baseUrl;
    const others = context
      .environments()
      .filter((e) => e.id !== env.id)
      .map((e) => slugify(e.name));
    // The Source Control view's rule (the file named after the environment, or the one the CLI wrote for its URL).
    const environment = bindingNameOf(dir, slugify(env.name), baseUrl, others);
    const { plan, state } = await makePlan({
      client,
      baseUrl,
      environment,
      dir,
      signal: context.signal,
      ...(input.integration ? { integration: input.integration } : {}),
    });
    // The plan read the folder by its path again: the answer is given only if that was still the folder checked.
    held.unchanged();
    const listed = plan.items.filter((i) => i.action !== 'unchanged');
    const page = listed.slice(input.offset, input.offset + input.limit);
    const next = input.offset + page.length;
    const blocked = blockReason(plan);
    return accountData({
      environment: environmentLabel(env),
      folder: dir,
      bindingFile: bindingPathOf(environment),
      ...(plan.integration ? { integration: plan.integration } : {}),
      applied: 'nothing: this is a plan; applying it is a person’s act (Apply in Source Control, or integrator-io apply)',
      counts: countsOf(plan.items),
      ...(blocked ? { applyWouldRefuse: shorten(blocked) } : {}),
      ...(plan.connectionChanges.length
        ? { connectionChanges: plan.connectionChanges, connectionChangesNote: CONNECTION_CHANGE_NOTE }
        : {}),
      problems: plan.problems.map(shorten),
      warnings: plan.warnings.filter((w) => w !== CONNECTION_CHANGE_NOTE).map(shorten),
      totalItems: listed.length,
      offset: input.offset,
      items: page.map((item) => itemOf(item, state)),
      ...(next < listed.length ? { more: `More plan items: call again with offset ${next}.` } : {}),
    });
  },
};

/** bindingNameForEnvironment, with a linked binding folder said as the refusal it is. */
function bindingNameOf(dir: string, own: string, baseUrl: string, others: string[]): string {
  try {
    return bindingNameForEnvironment(dir, own, baseUrl, others);
  } catch (err) {
    if (err instanceof UnsafeFolderError) throw new ToolInputError(`The folder is refused: ${err.problems.join('; ')}.`);
    throw err;
  }
}

const shorten = (text: string) => (text.length > MAX_LINE ? `${text.slice(0, MAX_LINE)}… (cut)` : text);

function countsOf(items: readonly PlanItem[]): Partial<Record<PlanAction, number>> {
  const counts: Partial<Record<PlanAction, number>> = {};
  for (const item of items) counts[item.action] = (counts[item.action] ?? 0) + 1;
  return counts;
}

/** One item as data: what an apply does with it, and for an update what it changes. */
function itemOf(item: PlanItem, state: PlanState) {
  const effect = effectOf(item);
  const changes = effect === 'update' || item.action === 'conflict' ? changesOf(item, state) : undefined;
  return {
    key: item.key,
    kind: item.kind,
    action: item.action,
    ...(effect ? { applyWould: effect } : {}),
    ...(item.name !== undefined ? { name: item.name } : {}),
    ...(item.id ? { id: item.id } : {}),
    ...(item.remote ? { remote: item.remote } : {}),
    reason: item.reason,
    ...changes,
  };
}

/** The fields that differ between the account's copy and the folder's, both values cut (connectionChanges.ts's comparison). */
function changesOf(item: PlanItem, state: PlanState): Record<string, unknown> {
  const inFolder = state.folder.get(item.key);
  const inAccount = state.remote.get(item.key);
  if (!inFolder || !inAccount) return {};
  const fields = connectionChanges(item.key, inAccount.doc, inFolder.doc).map(({ path, from, to }) => ({ path, from, to }));
  if (inFolder.code !== inAccount.code) fields.unshift({ path: '(the script’s code)', from: undefined, to: undefined });
  return {
    changes: fields.slice(0, MAX_CHANGES),
    ...(fields.length > MAX_CHANGES ? { moreChanges: `${fields.length - MAX_CHANGES} more changed fields not shown` } : {}),
  };
}
