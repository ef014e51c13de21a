/**
 * The shape of a sandbox account: everything the sandbox knows, in one JSON-serialisable
 * object. This is what `--data FILE` holds.
 */
import { Kind } from './kinds';
import { JsonObject } from './json';

export interface SandboxUser {
  _id: string;
  email: string;
  name: string;
}

/** A resource as the store keeps it: whatever its kind, it has its id. */
export interface StoredResource extends JsonObject {
  _id: string;
}

/** Whether a document has its id (every stored one has). */
export function hasId(doc: JsonObject): doc is StoredResource {
  return typeof doc._id === 'string';
}

export interface StoredJob extends JsonObject {
  _id: string;
  type: 'flow' | 'export' | 'import' | 'retry' | 'bulk_retry';
  status: 'queued' | 'running' | 'completed' | 'failed' | 'canceled' | 'canceling' | 'retrying';
  createdAt: string;
  lastModified: string;
  _flowId?: string;
  _integrationId?: string;
  _exportId?: string;
  _importId?: string;
  _flowJobId?: string;
}

/** An error of a flow step; resolved ones carry `resolvedAt`/`resolvedBy`. */
export interface StoredError extends JsonObject {
  _flowId: string;
  _stepId: string;
  errorId: string;
  occurredAt: string;
  source: string;
  code: string;
  message: string;
  classification: string;
  retryDataKey: string;
  _flowJobId?: string;
  resolvedAt?: string;
  resolvedBy?: string;
  /** Set when the retry data was replaced (PUT …/data): a retry can then succeed. */
  retryDataEditedAt?: string;
}

/** The HTTP exchange behind an error's `reqAndResKey` (see `requestLog.ts`). */
export interface StoredRequest extends JsonObject {
  key: string;
  time: string;
  _flowId: string;
  _stepId: string;
  request: { method: string; url: string; headers: Record<string, string>; body: string };
  response: { statusCode: number; headers: Record<string, string>; body: string };
}

export interface AuditRecord extends JsonObject {
  _id: string;
  resourceType: string;
  _resourceId: string;
  source: string;
  event: 'create' | 'update' | 'delete';
  time: string;
  byUser: SandboxUser;
  fieldChanges: { fieldPath: string; oldValue?: unknown; newValue?: unknown }[];
}

/** How simulated runs behave, per import: every Nth record fails with a believable error. */
export interface Simulation {
  errorEvery: Record<string, number>;
}

export interface AccountData {
  version: 1;
  user: SandboxUser;
  resources: Record<Kind, StoredResource[]>;
  jobs: StoredJob[];
  errors: StoredError[];
  retryData: Record<string, JsonObject>;
  /** By `reqAndResKey`. */
  requests: Record<string, StoredRequest>;
  audit: AuditRecord[];
  debugLogs: Record<string, string[]>;
  state: Record<string, unknown>;
  simulation: Simulation;
  nextErrorNumber: number;
}

export function emptyAccount(user: SandboxUser): AccountData {
  // Every kind, in SANDBOX_KINDS's order (the data file's); the type refuses a kind left out.
  const resources: Record<Kind, StoredResource[]> = {
    integrations: [],
    flows: [],
    exports: [],
    imports: [],
    connections: [],
    scripts: [],
    filedefinitions: [],
    apis: [],
    accesstokens: [],
  };
  return {
    version: 1,
    user,
    resources,
    jobs: [],
    errors: [],
    retryData: {},
    requests: {},
    audit: [],
    debugLogs: {},
    state: {},
    simulation: { errorEvery: {} },
    nextErrorNumber: 1,
  };
}

export const DEFAULT_USER: SandboxUser = {
  _id: '5f0c1a2b3c4d5e6f70819201',
  email: 'sandbox.developer@example.com',
  name: 'Sandbox Developer',
};
