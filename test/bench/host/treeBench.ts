/**
 * Runs inside the test VS Code's extension host (loaded by the runner extension for
 * `npm run bench`): adds the benchmark sandbox (large:10000, in its own process) as an
 * environment, then times the explorer loading its largest lists the way the view does (first
 * page on expand, then "Load more…" to the end), fetches the same pages with plain HTTP in the
 * same process for comparison, counts requests and weighs the heap. Finally it opens the mapping
 * preview that the Node side of the benchmark then drives through the webview.
 */
import * as http from 'http';
import * as v8 from 'v8';
import * as vm from 'vm';
import * as vscode from 'vscode';
import { IntegratorClient } from '../../../src/api';
import type { IntegratorIoApi } from '../../../src/extension';
import { ExplorerNode } from '../../../src/explorer/explorerNode';
import { mappingWorkload, median } from '../benchSupport';

const EXTENSION_ID = 'integrator-io-community.integrator-io';
const RUNS = 3;

export interface TreeBenchResults {
  lists: ListFigures[];
  mapping: { importId: string; firstEvaluationMs: number | undefined };
}

export interface ListFigures {
  category: string;
  rows: number;
  pages: number;
  firstRowsMs: number;
  wholeListMs: number;
  /** Of the whole list: in "Load more…" (fetching pages) and in building the rows afterwards. */
  loadMoreMs: number;
  rowsMs: number;
  /** The whole list with "Load more…" called on the node rather than through VS Code's command dispatch. */
  wholeListWithoutCommandsMs: number;
  /** The same pages through the extension's API client, without the tree. */
  clientAloneMs: number;
  rawFirstPageMs: number;
  rawWholeListMs: number;
  requests: number;
  jsonBytes: number;
  heapGrowthBytes: number;
  /** The heap the same pages take when only parsed and kept. */
  parsedHeapBytes: number;
}

export async function run(): Promise<TreeBenchResults> {
  const baseUrl = required('BENCH_SANDBOX_URL');
  const token = required('BENCH_TOKEN');
  const api = await vscode.extensions.getExtension<IntegratorIoApi>(EXTENSION_ID)!.activate();
  const env = (await api.addEnvironment({ name: 'Bench', baseUrl, token }))!;
  const sandbox = new SandboxAdmin(baseUrl, token);
  const root = (await api.explorer.getChildren()).find((node) => node.id === env.id)!;
  const categories = (await api.explorer.getChildren(root)) ?? [];
  const lists: ListFigures[] = [];
  for (const category of ['Exports', 'Connections']) {
    const node = categories.find((c) => labelOf(c) === category)!;
    lists.push(await measureList(api, node, category, sandbox));
  }
  return { lists, mapping: await openMappingPreview(env.id, baseUrl, token) };
}

async function measureList(api: IntegratorIoApi, node: ExplorerNode, category: string, sandbox: SandboxAdmin): Promise<ListFigures> {
  const firstRows: number[] = [];
  const whole: number[] = [];
  const loadMore: number[] = [];
  const rowsBuilt: number[] = [];
  let rows = 0;
  let urls: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    await sandbox.clearRequests();
    const loaded = await loadWholeList(api, node);
    firstRows.push(loaded.firstRowsMs);
    whole.push(loaded.wholeListMs);
    loadMore.push(loaded.loadMoreMs);
    rowsBuilt.push(loaded.rowsMs);
    rows = loaded.rows;
    urls = (await sandbox.requests()).map((r) => `${r.path}${r.query}`);
  }
  // The same first page, fetched and parsed with plain HTTP, following its Link headers.
  const rawFirst: number[] = [];
  const rawWhole: number[] = [];
  let jsonBytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const raw = await sandbox.fetchAllPages(urls[0]!);
    rawFirst.push(raw.firstPageMs);
    rawWhole.push(raw.wholeListMs);
    jsonBytes = raw.bytes;
  }
  const throughNode: number[] = [];
  for (let i = 0; i < RUNS; i++) throughNode.push((await loadWholeList(api, node, 'node')).wholeListMs);
  // The client alone on the same pages, in the same host: the tree's cost is the rest.
  const clientAlone: number[] = [];
  for (let i = 0; i < RUNS; i++) clientAlone.push(await fetchWithClient(sandbox.urlOf(urls[0]!)));
  // What the loaded list weighs: the heap after loading everything, minus before, both after GC.
  const gc = exposeGc();
  await vscode.commands.executeCommand('integratorIo.refresh', node);
  gc();
  const before = process.memoryUsage().heapUsed;
  await loadWholeList(api, node);
  gc();
  const heapGrowthBytes = process.memoryUsage().heapUsed - before;
  // The floor: the same pages parsed and kept, with nothing else.
  await vscode.commands.executeCommand('integratorIo.refresh', node);
  const kept: unknown[] = [];
  gc();
  const beforeParsed = process.memoryUsage().heapUsed;
  await sandbox.fetchAllPages(urls[0]!, kept);
  gc();
  const parsedHeapBytes = process.memoryUsage().heapUsed - beforeParsed;
  void kept.length;
  return {
    category,
    rows,
    pages: urls.length,
    firstRowsMs: median(firstRows),
    wholeListMs: median(whole),
    loadMoreMs: median(loadMore),
    rowsMs: median(rowsBuilt),
    clientAloneMs: median(clientAlone),
    wholeListWithoutCommandsMs: median(throughNode),
    rawFirstPageMs: median(rawFirst),
    rawWholeListMs: median(rawWhole),
    requests: urls.length,
    jsonBytes,
    heapGrowthBytes,
    parsedHeapBytes,
  };
}

/**
 * Expands the node from scratch, then "Load more…" until the whole list shows: through the
 * command, as a click does, or by calling the node (the extension's own work, without VS Code's
 * command dispatch).
 */
async function loadWholeList(
  api: IntegratorIoApi,
  node: ExplorerNode,
  via: 'command' | 'node' = 'command',
): Promise<{ firstRowsMs: number; wholeListMs: number; rows: number; loadMoreMs: number; rowsMs: number }> {
  await vscode.commands.executeCommand('integratorIo.refresh', node);
  const started = performance.now();
  let children = (await api.explorer.getChildren(node)) ?? [];
  const firstRowsMs = performance.now() - started;
  let loadMoreMs = 0;
  let rowsMs = 0;
  for (;;) {
    const last = children.at(-1);
    if (!last || labelOf(last) !== 'Load more…') break;
    const before = performance.now();
    if (via === 'command')
      await vscode.commands.executeCommand('integratorIo.loadMore', ...((last.treeItem().command?.arguments ?? []) as unknown[]));
    else await (node as ExplorerNode & { loadMore(): Promise<void> }).loadMore();
    const between = performance.now();
    children = (await api.explorer.getChildren(node)) ?? [];
    loadMoreMs += between - before;
    rowsMs += performance.now() - between;
  }
  return { firstRowsMs, wholeListMs: performance.now() - started, rows: children.length, loadMoreMs, rowsMs };
}

/** Fetches every page from `url` on with the extension's client, following its `next` links. */
async function fetchWithClient(url: string): Promise<number> {
  const client = new IntegratorClient({ baseUrl: required('BENCH_SANDBOX_URL'), token: required('BENCH_TOKEN') });
  try {
    const started = performance.now();
    let page = await client.nextPage<unknown>(url);
    while (page.next) page = await client.nextPage<unknown>(page.next);
    return performance.now() - started;
  } finally {
    client.dispose();
  }
}

/** Creates an import with a 20-field mapping and opens its preview with 100 sample records. */
async function openMappingPreview(envId: string, baseUrl: string, token: string): Promise<TreeBenchResults['mapping']> {
  const client = new IntegratorClient({ baseUrl, token });
  try {
    const [connection] = (await client.connections.firstPage({ limit: 1 })).items;
    const { importDoc, records } = mappingWorkload(connection!._id);
    const created = await client.imports.create({ name: 'Bench - 20-field mapping', adaptorType: 'HTTPImport', ...importDoc });
    const state = await vscode.commands.executeCommand<{ durationMs?: number }>(
      'integratorIo.previewMapping',
      (await vscode.extensions.getExtension<IntegratorIoApi>(EXTENSION_ID)!.activate()).resource(
        envId,
        'imports',
        created._id,
        created.name,
      ),
      { records: JSON.stringify(records, null, 2) },
    );
    return { importId: created._id, firstEvaluationMs: state.durationMs };
  } finally {
    client.dispose();
  }
}

function labelOf(node: ExplorerNode): string {
  const label = node.treeItem().label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

/** The extension host runs without --expose-gc; V8 can still be asked for `gc` afterwards. */
function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through npm run bench`);
  return value;
}

/** The sandbox's request log, and plain keep-alive HTTP for the raw side of the comparison. */
class SandboxAdmin {
  private readonly agent = new http.Agent({ keepAlive: true });
  private readonly origin: string;
  private readonly prefix: string;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {
    const url = new URL(baseUrl);
    this.origin = url.origin;
    this.prefix = url.pathname.replace(/\/$/, '');
  }

  async requests(): Promise<{ path: string; query: string }[]> {
    return JSON.parse((await this.get(`${this.baseUrl}/_sandbox/requests`)).body) as { path: string; query: string }[];
  }

  async clearRequests(): Promise<void> {
    await this.get(`${this.baseUrl}/_sandbox/requests`, 'DELETE');
  }

  /** The absolute URL of a path and query as the request log shows them. */
  urlOf(pathAndQuery: string): string {
    return `${this.origin}${this.prefix}${pathAndQuery}`;
  }

  async fetchAllPages(pathAndQuery: string, keep?: unknown[]): Promise<{ firstPageMs: number; wholeListMs: number; bytes: number }> {
    const started = performance.now();
    let firstPageMs = 0;
    let bytes = 0;
    let next: string | undefined = this.urlOf(pathAndQuery);
    while (next) {
      const page = await this.get(next);
      const parsed: unknown = JSON.parse(page.body);
      keep?.push(parsed);
      bytes += Buffer.byteLength(page.body);
      if (!firstPageMs) firstPageMs = performance.now() - started;
      next = /<([^>]+)>;\s*rel="next"/.exec(page.link ?? '')?.[1];
    }
    return { firstPageMs, wholeListMs: performance.now() - started, bytes };
  }

  private get(url: string, method = 'GET'): Promise<{ body: string; link: string | undefined }> {
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method, agent: this.agent, headers: { Authorization: `Bearer ${this.token}` } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ body, link: [res.headers.link ?? []].flat().join(', ') || undefined }));
      });
      req.on('error', reject);
      req.end();
    });
  }
}
