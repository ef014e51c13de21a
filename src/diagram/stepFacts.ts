/**
 * What a flow diagram says of each step, read from the step's resource: its name, application,
 * connection and the marks (hooks, filter, transform, mapping). From a pulled folder (references
 * are logical keys such as `exports/shopify-get-orders`) or from documents fetched from an account.
 */
import * as path from 'path';
import { errorMessage } from '../api/errors';
import { isJsonObject } from '../api/types';
import { entryType, realRoot } from '../iac/confinedFs';
import { readFolder } from '../iac/folder';
import { isLogicalKey, jsonFileOf } from '../iac/layout';
import { StepFacts, StepLookup } from './flowGraph';

type Json = Record<string, unknown>;

const object = (v: unknown): Json | undefined => (isJsonObject(v) ? v : undefined);
const nonEmpty = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : object(v) !== undefined && Object.keys(object(v)!).length > 0);

/** The facts of one export or import document; `connectionName` as its connection is named where it lives. */
export function factsOf(doc: Json, connectionName: string | undefined): StepFacts {
  const hooks = Object.entries(object(doc.hooks) ?? {})
    .filter(([, hook]) => {
      const h = object(hook);
      return h !== undefined && (typeof h._scriptId === 'string' || typeof h.function === 'string' || typeof h._stackId === 'string');
    })
    .map(([name]) => name);
  const filter = object(doc.filter);
  const inputFilter = object(doc.inputFilter);
  const transform = object(doc.transform);
  const mappings = [object(doc.mapping), object(object(doc.netsuite_da)?.mapping), object(object(doc.salesforce)?.mapping)];
  const assistant = typeof doc.assistant === 'string' && doc.assistant ? doc.assistant : undefined;
  const facts: StepFacts = {
    ...(typeof doc.name === 'string' ? { name: doc.name } : {}),
    ...(typeof doc.adaptorType === 'string' ? { adaptorType: doc.adaptorType } : {}),
    ...(typeof doc.type === 'string' ? { type: doc.type } : {}),
    ...(doc.isLookup === true ? { isLookup: true } : {}),
    ...(connectionName ? { connectionName } : {}),
    ...(hooks.length ? { hooks } : {}),
    ...(filter && (nonEmpty(filter.rules) || nonEmpty(object(filter.expression)?.rules) || filter.type === 'script')
      ? { hasFilter: true }
      : {}),
    ...(transform && (nonEmpty(transform.rules) || nonEmpty(object(transform.expression)?.rules) || transform.type === 'script')
      ? { hasTransform: true }
      : {}),
    ...(inputFilter && (nonEmpty(inputFilter.rules) || nonEmpty(object(inputFilter.expression)?.rules) || inputFilter.type === 'script')
      ? { hasInputFilter: true }
      : {}),
    // Mapper 1.0 (`mapping`, or under the application's own block) and Mapper 2.0 (`mappings`).
    ...(mappings.some((m) => m && (nonEmpty(m.fields) || nonEmpty(m.lists))) || nonEmpty(doc.mappings) ? { hasMapping: true } : {}),
    ...(assistant ? { assistant } : {}),
  };
  return facts;
}

/** A pulled folder's flows and the lookup of their steps (references are logical keys there). */
export async function folderDiagramSource(dir: string): Promise<{ flows: { key: string; doc: Json }[]; lookup: StepLookup }> {
  const folder = await readFolder(dir);
  const docOf = (key: unknown) => (typeof key === 'string' ? folder.get(key)?.doc : undefined);
  const flows = [...folder.values()].filter((r) => r.kind === 'flows').map((r) => ({ key: r.key, doc: r.doc }));
  const lookup: StepLookup = (_kind, key) => {
    const doc = docOf(key);
    if (!doc) return undefined;
    const connection = docOf(doc._connectionId);
    return factsOf(doc, typeof connection?.name === 'string' ? connection.name : undefined);
  };
  return { flows, lookup };
}

/**
 * The file a diagram's step opens in a pulled folder, or why not. The step's reference comes from
 * the flow file (a pull request can write anything there): only a logical key whose file is a
 * regular file inside the folder, reached through no link, is opened.
 */
export async function stepFileIn(dir: string, key: string): Promise<{ file: string } | { refused: string }> {
  if (!isLogicalKey(key)) return { refused: `${JSON.stringify(key)} is not a key of the folder` };
  const root = await realRoot(dir);
  const relative = jsonFileOf(key);
  try {
    if (entryType(root, relative) !== 'file') return { refused: `${relative} is not in the folder` };
  } catch (err) {
    return { refused: errorMessage(err) };
  }
  return { file: path.join(root, ...relative.split('/')) };
}
