/**
 * The one table of resource kinds: one row per kind, so the tree, the documents, the commands and
 * integration as code (`src/iac`) read what differs between kinds from one place. Plain data: the
 * CLI's engine reads it too.
 */
import { IntegratorClient, ResourceCollection } from '../api';
import { ResourceBase } from '../api/types';

/** A kind is named by its API collection (`/exports`), the plural. */
export type ResourceKind = 'integrations' | 'flows' | 'exports' | 'imports' | 'connections' | 'scripts' | 'filedefinitions';

export interface ResourceKindInfo {
  kind: ResourceKind;
  /** "export": used in context values, messages and (with `iac/`) folder problems. */
  singular: string;
  /** "Exports": the tree's category label. */
  label: string;
  /** Codicon id. */
  icon: string;
  /**
   * `export`: the word before `.json` in the kind's file names (`Orders.export.json` as a document,
   * `exports/orders.export.json` in a pulled folder), which is what attaches a JSON schema.
   */
  fileSuffix: string;
  /** The JSON schema in `media/schemas/` that package.json attaches to `*.<fileSuffix>.json`; scripts have none. */
  schema?: string;
  /** Fields a list needs for labels and descriptions (undefined: all); the rest waits until a document is opened. */
  listFields?: readonly string[];
  collection(client: IntegratorClient): ResourceCollection<ResourceBase>;
}

export const RESOURCE_KINDS: Readonly<Record<ResourceKind, ResourceKindInfo>> = {
  integrations: {
    kind: 'integrations',
    singular: 'integration',
    label: 'Integrations',
    icon: 'package',
    fileSuffix: 'integration',
    schema: 'integration.schema.json',
    listFields: ['description', 'sandbox'],
    collection: (c) => c.integrations,
  },
  flows: {
    kind: 'flows',
    singular: 'flow',
    label: 'Flows',
    icon: 'type-hierarchy-sub',
    fileSuffix: 'flow',
    schema: 'flow.schema.json',
    // Flows keep their step lists: the tree builds step nodes from them without further requests.
    listFields: undefined,
    collection: (c) => c.flows,
  },
  connections: {
    kind: 'connections',
    singular: 'connection',
    label: 'Connections',
    icon: 'plug',
    fileSuffix: 'connection',
    schema: 'connection.schema.json',
    listFields: ['type', 'offline', 'http.baseURI', 'rest.baseURI'],
    collection: (c) => c.connections,
  },
  exports: {
    kind: 'exports',
    singular: 'export',
    label: 'Exports',
    icon: 'cloud-download',
    fileSuffix: 'export',
    schema: 'export.schema.json',
    listFields: ['adaptorType', 'type', 'isLookup', '_connectionId'],
    collection: (c) => c.exports,
  },
  imports: {
    kind: 'imports',
    singular: 'import',
    label: 'Imports',
    icon: 'cloud-upload',
    fileSuffix: 'import',
    schema: 'import.schema.json',
    listFields: ['adaptorType', '_connectionId'],
    collection: (c) => c.imports,
  },
  scripts: {
    kind: 'scripts',
    singular: 'script',
    label: 'Scripts',
    icon: 'file-code',
    fileSuffix: 'script',
    listFields: ['description'],
    collection: (c) => c.scripts,
  },
  filedefinitions: {
    kind: 'filedefinitions',
    singular: 'file definition',
    label: 'File Definitions',
    icon: 'symbol-ruler',
    fileSuffix: 'filedefinition',
    schema: 'filedefinition.schema.json',
    listFields: ['description', 'format'],
    collection: (c) => c.fileDefinitions,
  },
};

/** Every kind, in the table's order. */
export const ALL_KINDS: readonly ResourceKind[] = Object.values(RESOURCE_KINDS).map((info) => info.kind);

/** The categories under an environment, in the order the tree shows them (flows live under their integration). */
export const CATEGORY_ORDER: readonly ResourceKind[] = ['integrations', 'connections', 'exports', 'imports', 'scripts', 'filedefinitions'];

/** Whether text (from a URI, a view's state, an API answer) names a kind of the table. */
export function isResourceKind(text: unknown): text is ResourceKind {
  return typeof text === 'string' && Object.hasOwn(RESOURCE_KINDS, text);
}

/**
 * How a kind's document name ends: `.export.json`; `.js` for scripts, whose document is their
 * code (in a pulled folder a script has both: `.script.json` settings beside `.js` code).
 */
export function documentSuffix(kind: ResourceKind): string {
  return kind === 'scripts' ? '.js' : `.${RESOURCE_KINDS[kind].fileSuffix}.json`;
}
