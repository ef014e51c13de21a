/**
 * How an integration is laid out as a folder: one file per resource, named by a logical key
 * `<kind>/<slug>` and the kind's suffix (`exports/shopify-get-orders` is
 * `exports/shopify-get-orders.export.json`; the suffix gives the file its JSON schema in any
 * editor, as Salesforce DX's `*.cls-meta.xml` does), scripts' code beside their settings
 * (`scripts/<slug>.js`), and per-environment binding files under `.integrator-io/`. The kinds are
 * listed here once; nothing else in the engine lists them.
 */
import { IntegratorClient, ResourceCollection } from '../api';
import { ResourceBase } from '../api/types';

export const IAC_KINDS = ['integrations', 'connections', 'scripts', 'filedefinitions', 'exports', 'imports', 'flows'] as const;
export type IacKind = (typeof IAC_KINDS)[number];

/** `exports/shopify-get-orders`: a resource's name in the folder, the same in every environment. */
export type LogicalKey = string;

/** The folder, inside the pulled folder, that holds one binding file per environment. */
export const BINDINGS_DIR = '.integrator-io';

const SINGULAR: Record<IacKind, string> = {
  integrations: 'integration',
  connections: 'connection',
  scripts: 'script',
  filedefinitions: 'file definition',
  exports: 'export',
  imports: 'import',
  flows: 'flow',
};

/** The file suffix before `.json`, the same the resource documents' schemas match. */
const FILE_SUFFIX: Record<IacKind, string> = {
  integrations: 'integration',
  connections: 'connection',
  scripts: 'script',
  filedefinitions: 'filedefinition',
  exports: 'export',
  imports: 'import',
  flows: 'flow',
};

const KEY_PATTERN = new RegExp(`^(${IAC_KINDS.join('|')})/([a-z0-9][a-z0-9-]*)$`);

export function keyOf(kind: IacKind, slug: string): LogicalKey {
  return `${kind}/${slug}`;
}

/** The kind a logical key names, or undefined when the text is not a logical key. */
export function kindOfKey(text: string): IacKind | undefined {
  const match = KEY_PATTERN.exec(text);
  return match ? (match[1] as IacKind) : undefined;
}

export function isLogicalKey(text: unknown): text is LogicalKey {
  return typeof text === 'string' && KEY_PATTERN.test(text);
}

export function singularOf(kind: IacKind): string {
  return SINGULAR[kind];
}

/** The settings file of a resource, relative to the folder (always with `/`). */
export function jsonFileOf(key: LogicalKey): string {
  return `${key}.${FILE_SUFFIX[kindOfKey(key) ?? 'flows']}.json`;
}

/** The settings file's name inside its kind's folder, for a slug. */
export function jsonFileName(kind: IacKind, slug: string): string {
  return `${slug}.${FILE_SUFFIX[kind]}.json`;
}

/** The slug of a settings file's name in a kind's folder, or undefined for other files. */
export function slugOfJsonFile(kind: IacKind, fileName: string): string | undefined {
  const suffix = `.${FILE_SUFFIX[kind]}.json`;
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
  switch (kind) {
    case 'integrations':
      return client.integrations;
    case 'connections':
      return client.connections;
    case 'scripts':
      return client.scripts;
    case 'filedefinitions':
      return client.fileDefinitions;
    case 'exports':
      return client.exports;
    case 'imports':
      return client.imports;
    case 'flows':
      return client.flows;
  }
}
