/**
 * Shapes of integrator.io resources, as far as the client relies on them. Documents are
 * open-ended JSON: every interface keeps an index signature so nothing the API returns is lost
 * on a round trip (PUT replaces the whole resource).
 */

export type JsonObject = { [key: string]: unknown };

/*
 * Reading JSON that came from outside (an account, a folder, another process, a sandboxed
 * script): checked where it is read, never asserted. Here, beside the type, because every layer
 * that reads documents may import api/types.ts (the webview pages included).
 */

/** Whether a value is a JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value[key]` when `value` is a JSON object, else undefined. */
export function field(value: unknown, key: string): unknown {
  return isJsonObject(value) ? value[key] : undefined;
}

/** The JSON objects of a list (anything else in it left out); none when `value` is not a list. */
export function jsonObjects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}

/** A field of an object that is text, or undefined (any other value, or not an object at all). */
export function textField(value: unknown, key: string): string | undefined {
  const text = field(value, key);
  return typeof text === 'string' ? text : undefined;
}

/** A field of an object that is a number, or undefined (any other value, or not an object at all). */
export function numberField(value: unknown, key: string): number | undefined {
  const number = field(value, key);
  return typeof number === 'number' ? number : undefined;
}

/** What the API sends in place of a stored secret; a write that sends it back keeps the secret. */
export const MASK = '******';

/** Fields the server sets on every resource. */
export interface ResourceBase extends JsonObject {
  _id: string;
  name?: string;
  createdAt?: string;
  lastModified?: string;
}

export interface Integration extends ResourceBase {
  description?: string;
  _registeredConnectionIds?: string[];
  flowGroupings?: { _id: string; name: string }[];
  sandbox?: boolean;
}

export interface PageGenerator extends JsonObject {
  _exportId: string;
  schedule?: string;
  skipRetries?: boolean;
}

export interface PageProcessor extends JsonObject {
  type: 'export' | 'import';
  _exportId?: string;
  _importId?: string;
  proceedOnFailure?: boolean;
  responseMapping?: JsonObject;
  hooks?: Hooks;
}

export interface Router extends JsonObject {
  id?: string;
  name?: string;
  branches?: { name?: string; pageProcessors?: PageProcessor[]; nextRouterId?: string }[];
  /** A router that picks its branches by script. */
  script?: HookRef;
}

export interface Flow extends ResourceBase {
  _integrationId?: string;
  disabled?: boolean;
  schedule?: string;
  timezone?: string;
  pageGenerators?: PageGenerator[];
  pageProcessors?: PageProcessor[];
  routers?: Router[];
  /** Legacy single-step flows. */
  _exportId?: string;
  _importId?: string;
  lastExecutedAt?: string;
}

export interface Export extends ResourceBase {
  _connectionId?: string;
  adaptorType?: string;
  type?: string;
  isLookup?: boolean;
  hooks?: Hooks;
  filter?: ScriptStep;
  transform?: ScriptStep;
}

export interface Import extends ResourceBase {
  _connectionId?: string;
  adaptorType?: string;
  mapping?: Mapping;
  mappings?: Mapper2Field[];
  hooks?: Hooks;
  filter?: ScriptStep;
  transform?: ScriptStep;
}

/** The hooks a step names by field (`hooks.preSavePage`…); filters, transforms and routers name theirs as `script`. */
export type HookName = 'preSavePage' | 'preMap' | 'postMap' | 'postSubmit' | 'postAggregate' | 'postResponseMap';

/** A hook's function in a script: `{ _scriptId, function }`. */
export interface HookRef extends JsonObject {
  _scriptId?: string;
  function?: string;
}

export type Hooks = Partial<Record<HookName, HookRef>>;

/** A filter or a transform: rules, or a script's function (`type: 'script'`). */
export interface ScriptStep extends JsonObject {
  type?: string;
  script?: HookRef;
}

export interface Connection extends ResourceBase {
  type?: string;
  offline?: boolean;
  debugDate?: string;
}

export interface Script extends ResourceBase {
  description?: string;
  /** Only on GET by id; lists omit it. */
  content?: string;
}

export type FileDefinition = ResourceBase;
export type Api = ResourceBase;

export interface AccessToken extends ResourceBase {
  fullAccess?: boolean;
  revoked?: boolean;
  autoPurgeAt?: string;
}

/** Mapper 1.0 (`mapping`). */
export interface Mapping extends JsonObject {
  fields?: MappingField[];
  lists?: MappingList[];
}

export interface MappingField extends JsonObject {
  generate: string;
  extract?: string;
  hardCodedValue?: unknown;
  default?: unknown;
  dataType?: string;
  lookupName?: string;
  discardIfEmpty?: boolean;
}

export interface MappingList extends JsonObject {
  generate: string;
  fields: (MappingField & { isKey?: boolean })[];
}

/** Mapper 2.0 (`mappings`), recursive. */
export interface Mapper2Field extends JsonObject {
  generate?: string;
  dataType?: string;
  extract?: string;
  default?: unknown;
  status?: string;
  mappings?: Mapper2Field[];
  buildArrayHelper?: { extract?: string; mappings?: Mapper2Field[] }[];
}

export type JobType = 'flow' | 'export' | 'import' | 'retry' | 'bulk_retry';
export type JobStatus = 'queued' | 'running' | 'completed' | 'failed' | 'canceled' | 'canceling' | 'retrying';

export interface Job extends JsonObject {
  _id: string;
  type: JobType;
  status: JobStatus;
  _integrationId?: string;
  _flowId?: string;
  _exportId?: string;
  _importId?: string;
  _flowJobId?: string;
  oIndex?: number;
  startedAt?: string;
  endedAt?: string;
  createdAt: string;
  lastModified?: string;
  numSuccess?: number;
  numError?: number;
  numIgnore?: number;
  numExport?: number;
  numResolved?: number;
  numOpenError?: number;
  numPagesGenerated?: number;
  numPagesProcessed?: number;
  doneExporting?: boolean;
  children?: Job[];
}

/** An open or resolved error of a flow step (error management 2.0). */
export interface ErrorRecord extends JsonObject {
  errorId: string;
  occurredAt: string;
  source: string;
  code: string;
  message: string;
  classification?: string;
  traceKey?: string;
  retryDataKey?: string;
  _flowJobId?: string;
  oIndex?: string | number;
  /** Names the HTTP exchange behind the error, on steps that talk HTTP. */
  reqAndResKey?: string;
  resolvedBy?: string;
  resolvedAt?: string;
}

/** The HTTP request a step sent and the response it got, behind an error's `reqAndResKey`. */
export interface HttpExchange extends JsonObject {
  key?: string;
  time?: string;
  request?: { method?: string; url?: string; headers?: Record<string, string>; body?: string };
  response?: { statusCode?: number; headers?: Record<string, string>; body?: string };
}

export interface RetryData extends JsonObject {
  data: unknown;
  stage?: string;
  traceKey?: string;
}

export interface AuditEntry extends JsonObject {
  _id: string;
  resourceType: string;
  _resourceId: string;
  source: string;
  event?: string;
  time?: string;
  byUser?: { _id: string; email?: string; name?: string };
  fieldChanges: { fieldPath: string; oldValue?: unknown; newValue?: unknown }[];
}

export interface TokenInfo extends JsonObject {
  _userId: string;
  scope?: string;
}

/** `{ "<plural>": [{id, name}] }` */
export type Dependencies = Record<string, { id: string; name?: string; dependencyIds?: unknown }[]>;

export interface PagedExportState extends JsonObject {
  pageIndex?: number;
  pageSize?: number;
  totalPages?: number;
  totalRecords?: number;
  done?: boolean;
}

export interface ExportPage {
  data: unknown[];
  dataURIs?: (string | null)[];
  pagedExportState?: PagedExportState;
}

export interface ImportResult extends JsonObject {
  statusCode: number;
  id?: string;
  _json?: unknown;
  errors?: { code: string; message: string }[];
}

export type PingResult = { ok: true } | { ok: false; code: string; message: string };
