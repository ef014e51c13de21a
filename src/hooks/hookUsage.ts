/**
 * Where a script's function is used, and so which hook it is: the exports (preSavePage, filter,
 * transform), imports (preMap, postMap, postSubmit, postAggregate, filter, transform) and flows
 * (postResponseMap, router scripts) that name the script's `_scriptId` and the function.
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

export async function findHookUsages(client: IntegratorClient, scriptId: string): Promise<HookUsage[]> {
  const found: HookUsage[] = [];
  const add = (kind: HookUsage['kind'], doc: JsonObject, type: HookType, ref: Ref) => {
    if (ref && ref._scriptId === scriptId && typeof ref.function === 'string')
      found.push({ type, kind, resourceId: String(doc._id), resourceName: String(doc.name ?? doc._id), functionName: ref.function });
  };
  const scripted = (kind: HookUsage['kind'], doc: JsonObject) => {
    add(kind, doc, 'filter', (doc.filter as JsonObject | undefined)?.script ?? undefined);
    add(kind, doc, 'transform', (doc.transform as JsonObject | undefined)?.script ?? undefined);
  };
  const [exports, imports, flows] = await Promise.all([
    client.exports.listAll({ include: ['name', 'hooks', 'filter', 'transform'] }),
    client.imports.listAll({ include: ['name', 'hooks', 'filter', 'transform'] }),
    client.flows.listAll(),
  ]);
  for (const doc of exports as unknown as JsonObject[]) {
    for (const type of EXPORT_HOOKS) add('exports', doc, type, (doc.hooks as Record<string, Ref> | undefined)?.[type]);
    scripted('exports', doc);
  }
  for (const doc of imports as unknown as JsonObject[]) {
    for (const type of IMPORT_HOOKS) add('imports', doc, type, (doc.hooks as Record<string, Ref> | undefined)?.[type]);
    scripted('imports', doc);
  }
  for (const doc of flows as unknown as JsonObject[]) {
    const processors = [
      ...((doc.pageProcessors as JsonObject[] | undefined) ?? []),
      ...((doc.routers as JsonObject[] | undefined) ?? []).flatMap((r) =>
        ((r.branches as JsonObject[] | undefined) ?? []).flatMap((b) => (b.pageProcessors as JsonObject[] | undefined) ?? []),
      ),
    ];
    for (const pp of processors) add('flows', doc, 'postResponseMap', (pp.hooks as Record<string, Ref> | undefined)?.postResponseMap);
    for (const router of (doc.routers as JsonObject[] | undefined) ?? []) add('flows', doc, 'router', router.script as Ref);
  }
  return found;
}
