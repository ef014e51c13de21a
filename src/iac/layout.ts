/**
 * How an integration is laid out as a folder: one file per resource, named by a logical key
 * `<kind>/<slug>` and the kind's suffix (`exports/shopify-get-orders` is
 * `exports/shopify-get-orders.export.json`; the suffix gives the file its JSON schema in any
 * editor, as Salesforce DX's `*.cls-meta.xml` does), scripts' code beside their settings
 * (`scripts/<slug>.js`), and per-environment binding files under `.integrator-io/`. What differs
 * between kinds (suffix, singular, collection) is the one table in `model/resourceKinds.ts`.
 */
import { IntegratorClient, ResourceCollection } from '../api';
import { ResourceBase } from '../api/types';
import { RESOURCE_KINDS, ResourceKind } from '../model/resourceKinds';

/** Every kind in dependency order: what others refer to comes first (read, created and applied in this order). */
export const IAC_KINDS: readonly ResourceKind[] = [
  'integrations',
  'connections',
  'scripts',
  'filedefinitions',
  'exports',
  'imports',
  'flows',
];
export type IacKind = ResourceKind;

/** `exports/shopify-get-orders`: a resource's name in the folder, the same in every environment. */
export type LogicalKey = string;

/** The folder, inside the pulled folder, that holds one binding file per environment. */
export const BINDINGS_DIR = '.integrator-io';

const KEY_PATTERN = new RegExp(`^(${IAC_KINDS.join('|')})/([a-z0-9][a-z0-9-]*)$`);

export function keyOf(kind: IacKind, slug: string): LogicalKey {
  return `${kind}/${slug}`;
}

/** The kind a logical key names, or undefined when the text is not a logical key. */
export function kindOfKey(text: string): IacKind | undefined {
  const kind = KEY_PATTERN.exec(text)?.[1];
  return IAC_KINDS.find((k) => k === kind);
}

export function isLogicalKey(text: unknown): text is LogicalKey {
  return typeof text === 'string' && KEY_PATTERN.test(text);
}

export function singularOf(kind: IacKind): string {
  return RESOURCE_KINDS[kind].singular;
}

/** The settings file of a resource, relative to the folder (always with `/`). */
export function jsonFileOf(key: LogicalKey): string {
  return `${key}.${RESOURCE_KINDS[kindOfKey(key) ?? 'flows'].fileSuffix}.json`;
}

/** The slug of a settings file's name in a kind's folder, or undefined for other files. */
export function slugOfJsonFile(kind: IacKind, fileName: string): string | undefined {
  const suffix = `.${RESOURCE_KINDS[kind].fileSuffix}.json`;
  return fileName.endsWith(suffix) ? fileName.slice(0, -suffix.length) : undefined;
}

/** The code file of a script, relative to the folder. */
export function codeFileOf(key: LogicalKey): string {
  return `${key}.js`;
}

/** The logical key a folder-relative file path belongs to, or undefined for other files. */
export function keyOfFile(relativePath: string): LogicalKey | undefined {
  const [folder, name, ...rest] = relativePath.replace(/\\/g, '/').split('/');
  const kind = IAC_KINDS.find((k) => k === folder);
  if (!kind || !name || rest.length) return undefined;
  const slug = kind === 'scripts' && name.endsWith('.js') ? name.slice(0, -'.js'.length) : slugOfJsonFile(kind, name);
  const key = slug === undefined ? undefined : keyOf(kind, slug);
  return key && kindOfKey(key) ? key : undefined;
}

export function collectionOf(client: IntegratorClient, kind: IacKind): ResourceCollection<ResourceBase> {
  return RESOURCE_KINDS[kind].collection(client);
}
