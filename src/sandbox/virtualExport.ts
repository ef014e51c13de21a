/**
 * Virtual exports: records an export definition would produce through a connection, one page
 * at a time. Each page returns a signed `pagedExportState` that the client sends back unchanged
 * for the next page; the last page says `done: true`.
 */
import { createHmac, timingSafeEqual } from 'crypto';
import { SandboxError } from './apiError';
import { hashString, isObject, JsonObject } from './json';
import { flavourOf, generateRecords } from './records';

export interface PagedExportState {
  searchId: string;
  pageIndex: number;
  pageSize: number;
  totalPages: number;
  totalRecords: number;
  done: boolean;
  issuedAt: number;
  sig: string;
}

export interface ExportPage {
  data: JsonObject[];
  dataURIs: null[];
  pagedExportState: PagedExportState;
}

const DEFAULT_PAGE_SIZE = 20;

/**
 * How many records the export yields in total: fixed by what the definition reads (ids left
 * out, so the same demo export yields the same count in every account), and always more than
 * one default page of 20, so paging can be tried on any export.
 */
export function totalRecordsFor(exportDoc: JsonObject): number {
  if (exportDoc.type === 'test' && isObject(exportDoc.test)) return Math.max(1, Math.min(100, Number(exportDoc.test.limit ?? 1)));
  return 21 + (hashString(stableDefinition(exportDoc).replace(/"[0-9a-f]{24}"/g, '""')) % 40);
}

export function exportPage(connectionId: string, exportDoc: JsonObject, previous: unknown, secret: string): ExportPage {
  const state = previous === undefined ? undefined : verify(previous, secret);
  const pageSize = state?.pageSize ?? clampPageSize(exportDoc.pageSize);
  const totalRecords = state?.totalRecords ?? totalRecordsFor(exportDoc);
  const totalPages = Math.max(1, Math.ceil(totalRecords / pageSize));
  const pageIndex = state ? state.pageIndex : 0;
  if (state?.done)
    throw SandboxError.badRequest('invalid_paged_export_state', 'The export is already done; start again without pagedExportState.');
  const searchId =
    state?.searchId ?? `SANDBOX_${hashString(connectionId + stableDefinition(exportDoc)).toString(16)}_${Date.now().toString(16)}`;
  const from = pageIndex * pageSize;
  const count = Math.max(0, Math.min(pageSize, totalRecords - from));
  const data = generateRecords(`${connectionId}|${stableDefinition(exportDoc)}`, flavourOf(exportDoc), from, count);
  const nextIndex = pageIndex + 1;
  const unsigned = {
    searchId,
    pageIndex: nextIndex,
    pageSize,
    totalPages,
    totalRecords,
    done: nextIndex >= totalPages,
    issuedAt: Math.floor(Date.now() / 1000),
  };
  return { data, dataURIs: data.map(() => null), pagedExportState: { ...unsigned, sig: sign(unsigned, secret) } };
}

function verify(value: unknown, secret: string): PagedExportState {
  if (!isObject(value) || typeof value.sig !== 'string') throw invalidState();
  const { sig, ...rest } = value;
  const expected = sign(rest, secret);
  const a = Buffer.from(sig);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw invalidState();
  // Signed by this sandbox and checked above: it is the state it made.
  return value as unknown as PagedExportState;
}

function sign(state: JsonObject, secret: string): string {
  const canonical = JSON.stringify(
    Object.keys(state)
      .sort()
      .map((k) => [k, state[k]]),
  );
  return createHmac('sha256', secret).update(canonical).digest('hex');
}

function clampPageSize(value: unknown): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 1000) : DEFAULT_PAGE_SIZE;
}

/** The definition without fields that do not change what it reads. */
function stableDefinition(exportDoc: JsonObject): string {
  const copy: JsonObject = { ...exportDoc };
  for (const field of ['_id', 'name', 'description', 'createdAt', 'lastModified', 'pageSize', 'asynchronous']) delete copy[field];
  return JSON.stringify(copy);
}

function invalidState(): SandboxError {
  return SandboxError.badRequest(
    'invalid_paged_export_state',
    'pagedExportState is not valid: send back the one from the previous page unchanged.',
    'pagedExportState',
  );
}
