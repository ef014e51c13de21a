/**
 * What the benchmarks share: a sandbox in its own process (so it never shares an event loop
 * with what is measured), medians, and the results table printed and kept in
 * test/bench/results.json (each benchmark replaces its own sections, keeping the others').
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '../../..');
/** The recorded figures (tracked), written only with BENCH_RECORD=1; a plain run writes to the ignored test-results/. */
const RECORDED_FILE = path.join(ROOT, 'test', 'bench', 'results.json');
const RESULTS_FILE = process.env.BENCH_RECORD === '1' ? RECORDED_FILE : path.join(ROOT, 'test-results', 'bench-results.json');

export interface SandboxProcess {
  baseUrl: string;
  token: string;
  /** Requests the sandbox logged since the last `clearRequests`. */
  requests(): Promise<{ method: string; path: string; query: string; status: number }[]>;
  clearRequests(): Promise<void>;
  stop(): Promise<void>;
}

/** `node dist/sandbox.js` on a free loopback port with the given extra arguments. */
export function startSandboxProcess(token: string, args: string[]): Promise<SandboxProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'sandbox.js'), '--port', '0', '--token', token, '--quiet', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let stopped: Promise<void> | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^(http\S+)\n/.exec(out);
      if (!match) return;
      const baseUrl = match[1]!;
      resolve({
        baseUrl,
        token,
        requests: async () => JSON.parse(await admin(baseUrl, token, 'GET')) as Awaited<ReturnType<SandboxProcess['requests']>>,
        clearRequests: async () => void (await admin(baseUrl, token, 'DELETE')),
        stop: () =>
          (stopped ??= new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.on('exit', () => done());
            child.kill('SIGTERM');
          })),
      });
    });
    child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
}

function admin(baseUrl: string, token: string, method: 'GET' | 'DELETE'): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseUrl}/_sandbox/requests`, { method, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Collects a benchmark's sections, prints each as it comes, and saves them at the end. results.json
 * holds one entry per benchmark (its file's name): the machine, the date and the sections of its
 * last run. A run replaces its own entry whole, so a section a benchmark no longer writes goes
 * with it, and every figure says where and when it was measured.
 */
export class BenchResults {
  private readonly sections: Record<string, Record<string, number | string>> = {};

  /** `benchmark`: the benchmark's name, as `npm run bench:<name>` or its file says it. */
  constructor(private readonly benchmark: string) {}

  record(section: string, figures: Record<string, number | string>): void {
    const rounded = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v]));
    this.sections[section] = rounded;
    console.log(`\n${section}`);
    for (const [name, value] of Object.entries(rounded)) console.log(`  ${name.padEnd(64)} ${String(value).padStart(10)}`);
  }

  /**
   * Replaces this benchmark's entry in results.json, keeping the other benchmarks' entries; the
   * entry it replaces is kept as `before` (one level), so a change's effect reads in one place.
   */
  save(): void {
    const existing = fs.existsSync(RESULTS_FILE) ? (JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8')) as { benchmarks?: unknown }) : {};
    const benchmarks =
      typeof existing.benchmarks === 'object' && existing.benchmarks !== null ? (existing.benchmarks as Record<string, unknown>) : {};
    const previous = benchmarks[this.benchmark];
    const replaced =
      typeof previous === 'object' && previous !== null
        ? Object.fromEntries(Object.entries(previous).filter(([k]) => k !== 'before'))
        : undefined;
    const entry = {
      machine: {
        cpus: os.cpus().length,
        cpu: os.cpus()[0]?.model ?? '',
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
      },
      when: new Date().toISOString(),
      sections: this.sections,
      ...(replaced ? { before: replaced } : {}),
    };
    const written = { benchmarks: { ...benchmarks, [this.benchmark]: entry } };
    fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(written, null, 2)}\n`);
    console.log(`\nWritten to ${path.relative(ROOT, RESULTS_FILE)} (${this.benchmark})`);
  }
}

/** The mapping preview's workload: a 20-field Mapper 1.0 mapping and 100 records of strings. */
export function mappingWorkload(connectionId: string): { importDoc: Record<string, unknown>; records: Record<string, string>[] } {
  const fields = Array.from({ length: 20 }, (_, i) => ({
    extract: `f${i}`,
    generate: `out.f${i}`,
    ...(i % 4 === 0 ? { dataType: 'number' } : {}),
  }));
  const records = Array.from({ length: 100 }, (_, r) => Object.fromEntries(fields.map((_f, i) => [`f${i}`, `${r * 100 + i}`])));
  return { importDoc: { _connectionId: connectionId, mapping: { fields } }, records };
}

/**
 * Plain `http` with keep-alive and JSON.parse, following `rel="next"`: the floor the client and
 * the engine are measured against.
 */
export class RawHttp {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

  constructor(private readonly token: string) {}

  /** Every record of a Link-paged list, from its first page's URL. */
  async listAll<T = unknown>(first: string): Promise<T[]> {
    let next: string | undefined = first;
    const records: T[] = [];
    while (next) {
      const { body, link } = await this.get(next);
      records.push(...(JSON.parse(body) as T[]));
      next = /<([^>]+)>;\s*rel="next"/.exec(link ?? '')?.[1];
    }
    return records;
  }

  get(url: string): Promise<{ body: string; link: string | undefined }> {
    return new Promise((resolve, reject) => {
      http
        .get(url, { agent: this.agent, headers: { Authorization: `Bearer ${this.token}`, Accept: 'application/json' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200) reject(new Error(`${url}: ${res.statusCode} ${body}`));
            else resolve({ body, link: [res.headers.link ?? ''].flat().join(', ') });
          });
          res.on('error', reject);
        })
        .on('error', reject);
    });
  }

  dispose(): void {
    this.agent.destroy();
  }
}
