/**
 * Where a script's function is used, and so which hook it is: the exports (preSavePage, filter,
 * transform), imports (preMap, postMap, postSubmit, postAggregate, filter, transform) and flows
 * (postResponseMap, router scripts) that name the script's `_scriptId` and the function, in an
 * account or in a pulled folder's files.
 */
import { IntegratorClient } from '../api';
import { JsonObject } from '../api/types';
import { HookType } from './contracts';

export interface HookUsage {
  type: HookType;
  kind: 'exports' | 'imports' | 'flows';
  resourceId: string;
  resourceName: string;
  functionName: string;
}

const EXPORT_HOOKS: readonly HookType[] = ['preSavePage'];
const IMPORT_HOOKS: readonly HookType[] = ['preMap', 'postMap', 'postSubmit', 'postAggregate'];

type Ref = { function?: unknown; _scriptId?: unknown } | undefined;

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
  const resources = (kind: HookUsage['kind'], docs: unknown[]): UsingResource[] =>
    (docs as JsonObject[]).map((doc) => ({ kind, id: String(doc._id), doc }));
  return hookUsagesIn([...resources('exports', exports), ...resources('imports', imports), ...resources('flows', flows)], scriptId);
}

/**
 * The uses of a script among `resources`, whose references name it as `scriptRef`: its id in an
 * account, its logical key (`scripts/<slug>`) in a pulled folder.
 */
export function hookUsagesIn(resources: readonly UsingResource[], scriptRef: string): HookUsage[] {
  const found: HookUsage[] = [];
  const add = ({ kind, id, doc }: UsingResource, type: HookType, ref: Ref) => {
    if (ref && ref._scriptId === scriptRef && typeof ref.function === 'string')
      found.push({ type, kind, resourceId: id, resourceName: typeof doc.name === 'string' ? doc.name : id, functionName: ref.function });
  };
  for (const resource of resources) {
    const { kind, doc } = resource;
    const hooks = doc.hooks as Record<string, Ref> | undefined;
    if (kind === 'flows') {
      const processors = [
        ...((doc.pageProcessors as JsonObject[] | undefined) ?? []),
        ...((doc.routers as JsonObject[] | undefined) ?? []).flatMap((r) =>
          ((r.branches as JsonObject[] | undefined) ?? []).flatMap((b) => (b.pageProcessors as JsonObject[] | undefined) ?? []),
        ),
      ];
      for (const pp of processors) add(resource, 'postResponseMap', (pp.hooks as Record<string, Ref> | undefined)?.postResponseMap);
      for (const router of (doc.routers as JsonObject[] | undefined) ?? []) add(resource, 'router', router.script as Ref);
      continue;
    }
    for (const type of kind === 'exports' ? EXPORT_HOOKS : IMPORT_HOOKS) add(resource, type, hooks?.[type]);
    add(resource, 'filter', (doc.filter as JsonObject | undefined)?.script ?? undefined);
    add(resource, 'transform', (doc.transform as JsonObject | undefined)?.script ?? undefined);
  }
  return found;
}
