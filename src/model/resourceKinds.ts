/**
 * The table of resource kinds the extension shows and edits: one row per kind, so the tree,
 * the documents and the commands read what differs between kinds from one place.
 */
import { IntegratorClient, ResourceCollection } from '../api';
import { ResourceBase } from '../api/types';

export type ResourceKind = 'integrations' | 'flows' | 'exports' | 'imports' | 'connections' | 'scripts' | 'filedefinitions';

export interface ResourceKindInfo {
  kind: ResourceKind;
  /** "export": used in context values, file names and messages. */
  singular: string;
  /** "Exports": the tree's category label. */
  label: string;
  /** Codicon id. */
  icon: string;
  /** Whether the kind has its own top-level category under an environment. */
  category: boolean;
  collection(client: IntegratorClient): ResourceCollection<ResourceBase>;
}

export const RESOURCE_KINDS: Readonly<Record<ResourceKind, ResourceKindInfo>> = {
  integrations: {
    kind: 'integrations',
    singular: 'integration',
    label: 'Integrations',
    icon: 'package',
    category: true,
    collection: (c) => c.integrations,
  },
  flows: { kind: 'flows', singular: 'flow', label: 'Flows', icon: 'type-hierarchy-sub', category: false, collection: (c) => c.flows },
  connections: {
    kind: 'connections',
    singular: 'connection',
    label: 'Connections',
    icon: 'plug',
    category: true,
    collection: (c) => c.connections,
  },
  exports: { kind: 'exports', singular: 'export', label: 'Exports', icon: 'cloud-download', category: true, collection: (c) => c.exports },
  imports: { kind: 'imports', singular: 'import', label: 'Imports', icon: 'cloud-upload', category: true, collection: (c) => c.imports },
  scripts: { kind: 'scripts', singular: 'script', label: 'Scripts', icon: 'file-code', category: true, collection: (c) => c.scripts },
  filedefinitions: {
    kind: 'filedefinitions',
    singular: 'file definition',
    label: 'File Definitions',
    icon: 'symbol-ruler',
    category: true,
    collection: (c) => c.fileDefinitions,
  },
};

/** The categories under an environment, in the order the tree shows them. */
export const CATEGORY_ORDER: readonly ResourceKind[] = ['integrations', 'connections', 'exports', 'imports', 'scripts', 'filedefinitions'];

/** Fields a list needs for labels and descriptions; everything else waits until a document is opened. */
export const LIST_FIELDS: Readonly<Record<ResourceKind, readonly string[] | undefined>> = {
  integrations: ['description', 'sandbox'],
  // Flows keep their step lists: the tree builds step nodes from them without further requests.
  flows: undefined,
  connections: ['type', 'offline', 'http.baseURI', 'rest.baseURI'],
  exports: ['adaptorType', 'type', 'isLookup', '_connectionId'],
  imports: ['adaptorType', '_connectionId'],
  scripts: ['description'],
  filedefinitions: ['description', 'format'],
};
