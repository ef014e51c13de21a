/**
 * Where a script's function is used, and so which hook it is: the exports (preSavePage, filter,
 * transform), imports (preMap, postMap, postSubmit, postAggregate, filter, transform) and flows
 * (postResponseMap, router scripts) that name the script's `_scriptId` and the function, in an
 * account or in a pulled folder's files.
 */
import { IntegratorClient } from '../api';
import { field, JsonObject, jsonObjects } from '../api/types';
import { HookType } from './contracts';

export interface HookUsage {
  type: HookType;
  kind: 'exports' | 'imports' | 'flows';
  resourceId: string;
  resourceName: string;
  functionName: string;
  /**
   * The export whose records reach it (the first source of a flow that runs the import, or of the
   * flow itself), when the uses were read from an account: its sample is then made without
   * looking the flow up again.
   */
  feedingExportId?: string;
}

const EXPORT_HOOKS: readonly HookType[] = ['preSavePage'];
const IMPORT_HOOKS: readonly HookType[] = ['preMap', 'postMap', 'postSubmit', 'postAggregate'];

/** A resource that may name the script: its kind, its id (an account id, or a folder's logical key) and its settings. */
export interface UsingResource {
  kind: HookUsage['kind'];
  id: string;
  doc: JsonObject;
}

/** The account's exports, imports and flows that use the script, with the hook each makes of it. */
export async function findHookUsages(client: IntegratorClient, scriptId: string): Promise<HookUsage[]> {
  const [exports, imports, flows] = await Promise.all([
    client.exports.listAll({ include: ['name', 'hooks', 'filter', 'transform'] }),
    client.imports.listAll({ include: ['name', 'hooks', 'filter', 'transform'] }),
    client.flows.listAll(),
  ]);
  const resources = (kind: HookUsage['kind'], docs: readonly JsonObject[]): UsingResource[] =>
    docs.map((doc) => ({ kind, id: String(doc._id), doc }));
  const usages = hookUsagesIn([...resources('exports', exports), ...resources('imports', imports), ...resources('flows', flows)], scriptId);
  return usages.map((usage) => {
    const feedingExportId = usage.kind === 'exports' ? undefined : firstSourceOf(flows, usage);
    return feedingExportId ? { ...usage, feedingExportId } : usage;
  });
}

/**
 * The first source of the flow that is the use, or of a flow that runs the use's import: an
 * enabled one first (a disabled flow that names the import is a poorer guess at its records).
 */
export function firstSourceOf(flows: readonly JsonObject[], usage: HookUsage): string | undefined {
  const usesIt = (f: JsonObject) =>
    usage.kind === 'flows' ? f._id === usage.resourceId : stepsOf(f).some((pp) => pp._importId === usage.resourceId);
  const flow = flows.find((f) => usesIt(f) && f.disabled !== true) ?? flows.find(usesIt);
  const source = jsonObjects(flow?.pageGenerators).find((pg) => typeof pg._exportId === 'string')?._exportId;
  return typeof source === 'string' ? source : undefined;
}

/** A flow's steps after its sources: the linear ones and those on every router's branches. */
function stepsOf(flow: JsonObject): JsonObject[] {
  return [
    ...jsonObjects(flow.pageProcessors),
    ...jsonObjects(flow.routers).flatMap((r) => jsonObjects(r.branches).flatMap((b) => jsonObjects(b.pageProcessors))),
  ];
}

/**
 * The uses of a script among `resources`, whose references name it as `scriptRef`: its id in an
 * account, its logical key (`scripts/<slug>`) in a pulled folder.
 */
export function hookUsagesIn(resources: readonly UsingResource[], scriptRef: string): HookUsage[] {
  const found: HookUsage[] = [];
  // A folder's files and an account's documents are read as they are: a reference is only what checks out.
  const add = ({ kind, id, doc }: UsingResource, type: HookType, ref: unknown) => {
    const functionName = field(ref, 'function');
    if (field(ref, '_scriptId') === scriptRef && typeof functionName === 'string')
      found.push({ type, kind, resourceId: id, resourceName: typeof doc.name === 'string' ? doc.name : id, functionName });
  };
  for (const resource of resources) {
    const { kind, doc } = resource;
    if (kind === 'flows') {
      for (const pp of stepsOf(doc)) add(resource, 'postResponseMap', field(pp.hooks, 'postResponseMap'));
      for (const router of jsonObjects(doc.routers)) add(resource, 'router', router.script);
      continue;
    }
    for (const type of kind === 'exports' ? EXPORT_HOOKS : IMPORT_HOOKS) add(resource, type, field(doc.hooks, type));
    add(resource, 'filter', field(doc.filter, 'script'));
    add(resource, 'transform', field(doc.transform, 'script'));
  }
  return found;
}
