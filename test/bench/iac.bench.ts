/**
 * Integration as code on one integration of 500 flows (`large:500:500`: 500 flows, exports,
 * imports and connections, 2,001 resources), the sandbox in its own process:
 * - a pull (requests, engine, 2,001 files written) against fetching the same documents with
 *   plain `http` and JSON.parse, the same requests in the same order, and against that plus
 *   dumping each document to a file of its own (what a plain script would do): on loopback, and
 *   with 50 ms added to every request, as a real API over a network adds;
 * - a plan of the unchanged folder: its time, its requests, and that it writes nothing.
 * Medians of several runs, the two sides interleaved. A measurement, not a test.
 *
 *   npm run bench:iac [-- --flows 500 --runs 5]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { IntegratorClient } from '../../src/api';
import { environmentNameOf } from '../../src/iac/bindings';
import { makePlan, planExitCode } from '../../src/iac/plan';
import { pull } from '../../src/iac/pull';
import { BenchResults, median, RawHttp, startSandboxProcess } from './benchSupport';

const TOKEN = 'bench-token-iac-4d2a7e';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { flows: { type: 'string', default: '500' }, runs: { type: 'string', default: '5' } } });
  const flows = Number(values.flows);
  const runs = Number(values.runs);
  // One entry for both latencies: each run of the benchmark replaces its entry whole.
  const results = new BenchResults('iac');
  for (const latency of [0, 50]) await measure(results, flows, runs, latency);
  results.save();
}

async function measure(results: BenchResults, flows: number, runs: number, latency: number): Promise<void> {
  const sandbox = await startSandboxProcess(TOKEN, ['--seed', `large:${flows}:${flows}`, '--latency', String(latency)]);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-iac-'));
  const client = new IntegratorClient({ baseUrl: sandbox.baseUrl, token: TOKEN });
  const raw = new RawHttp(TOKEN);
  try {
    const [integration] = await client.integrations.listAll({ include: ['name'] });
    const environment = environmentNameOf(sandbox.baseUrl);
    const pullOnce = async (n: number) => {
      const dir = path.join(work, `pull-${n}`);
      const started = performance.now();
      const report = await pull({ client, baseUrl: sandbox.baseUrl, environment, integration: integration!._id, dir });
      return { ms: performance.now() - started, resources: report.resources, dir };
    };
    // Warm both sides up once (JIT, sockets).
    await pullOnce(0);
    await fetchRaw(raw, sandbox.baseUrl, integration!._id);
    const pullTimes: number[] = [];
    const rawTimes: number[] = [];
    const dumpTimes: number[] = [];
    let resources = 0;
    let documents = 0;
    for (let i = 1; i <= runs; i++) {
      const pulled = await pullOnce(i);
      pullTimes.push(pulled.ms);
      resources = pulled.resources;
      let started = performance.now();
      documents = (await fetchRaw(raw, sandbox.baseUrl, integration!._id)).length;
      rawTimes.push(performance.now() - started);
      started = performance.now();
      const dump = path.join(work, `dump-${i}`);
      fs.mkdirSync(dump);
      for (const doc of await fetchRaw(raw, sandbox.baseUrl, integration!._id))
        fs.writeFileSync(path.join(dump, `${doc._id}.json`), JSON.stringify(doc, null, 2));
      dumpTimes.push(performance.now() - started);
    }
    if (documents !== resources) throw new Error(`raw fetching saw ${documents} documents, the pull ${resources}`);

    const dir = path.join(work, 'pull-1');
    const planTimes: number[] = [];
    let requests: { method: string }[] = [];
    let exitCode = -1;
    for (let i = 0; i < runs; i++) {
      await sandbox.clearRequests();
      const started = performance.now();
      const { plan } = await makePlan({ client, baseUrl: sandbox.baseUrl, environment, dir });
      planTimes.push(performance.now() - started);
      exitCode = planExitCode(plan);
      requests = await sandbox.requests();
    }
    const pullMs = median(pullTimes);
    const rawMs = median(rawTimes);
    const dumpMs = median(dumpTimes);
    results.record(
      `integration as code, one integration of ${flows} flows (${resources} resources), +${latency} ms a request, median of ${runs}`,
      {
        'pull: requests, engine and files written (ms)': pullMs,
        'the same documents fetched raw: same requests, JSON.parse (ms)': rawMs,
        'pull / raw fetch': pullMs / rawMs,
        'fetched raw and dumped, one file a document (ms)': dumpMs,
        'pull / raw fetch and dump': pullMs / dumpMs,
        'files written by a pull': countFiles(dir),
        'plan of the unchanged folder (ms)': median(planTimes),
        'plan: requests': requests.length,
        'plan: writes (POST, PUT, PATCH, DELETE)': requests.filter((r) => r.method !== 'GET').length,
        'plan: exit code (0 = nothing to do)': exitCode,
      },
    );
  } finally {
    client.dispose();
    raw.dispose();
    fs.rmSync(work, { recursive: true, force: true });
    await sandbox.stop();
  }
}

function countFiles(dir: string): number {
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) n++;
  return n;
}

/** The integration and its four lists, in parallel as the pull reads them, with plain http: the documents. */
async function fetchRaw(raw: RawHttp, baseUrl: string, id: string): Promise<{ _id: string }[]> {
  const integration = JSON.parse((await raw.get(`${baseUrl}/integrations/${id}`)).body) as { _id: string };
  const lists = await Promise.all(
    ['flows', 'exports', 'imports', 'connections'].map((kind) => raw.listAll<{ _id: string }>(`${baseUrl}/integrations/${id}/${kind}`)),
  );
  return [integration, ...lists.flat()];
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
