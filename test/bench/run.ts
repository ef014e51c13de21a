/**
 * `npm run bench`: measurements that run in Node against a sandbox in its own process. Prints a
 * table and writes the same figures to test/bench/results.json. Medians of several runs; a
 * comparison measures both sides in the same run. Nothing here asserts a time.
 *
 * Sections: listing a large account (client vs raw HTTP, requests per page); the API round
 * trips of opening (GET) and saving (GET + PUT) a document at 0 and 50 ms added latency;
 * mapping evaluations per second (20 fields × 100 records); the sandbox under 32 concurrent
 * clients (requests/s, p99) and the consistency of its data file afterwards.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { IntegratorClient } from '../../src/api';
import { BenchResults, mappingWorkload, median, round, startSandboxProcess as startSandboxProcessAs } from './benchSupport';

const TOKEN = 'bench-token-7c1e4b9a';
const results = new BenchResults('api');
const record = results.record.bind(results);
const startSandboxProcess = (args: string[]) => startSandboxProcessAs(TOKEN, args);

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  try {
    await listing();
    await roundTrips();
    await mappingThroughput();
    await sandboxUnderLoad(path.join(dir, 'account.json'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  results.save();
}

async function listing(): Promise<void> {
  const sandbox = await startSandboxProcess(['--seed', 'large:10000']);
  const client = new IntegratorClient({ baseUrl: sandbox.baseUrl, token: TOKEN });
  try {
    await client.flows.listAll({ limit: 1000 }); // warm up
    const firstPage: number[] = [];
    const whole: number[] = [];
    for (let i = 0; i < 5; i++) {
      let started = performance.now();
      const pages = client.flows.list({ limit: 1000 });
      await pages.next();
      firstPage.push(performance.now() - started);
      await pages.return(undefined);
      started = performance.now();
      await client.flows.listAll({ limit: 1000 });
      whole.push(performance.now() - started);
    }
    const requests = await requestCount(client, () => client.flows.listAll({ limit: 1000 }));
    record('listing large:10000 flows', {
      'first page (1000 flows) ms': median(firstPage),
      'all 10,000 flows ms': median(whole),
      'requests for 10 pages': requests,
    });
  } finally {
    client.dispose();
    await sandbox.stop();
  }
}

async function roundTrips(): Promise<void> {
  const figures: Record<string, number> = {};
  for (const latency of [0, 50]) {
    const sandbox = await startSandboxProcess(['--latency', String(latency)]);
    const client = new IntegratorClient({ baseUrl: sandbox.baseUrl, token: TOKEN });
    try {
      const [exp] = await client.exports.listAll({ limit: 1 });
      const opens: number[] = [];
      const saves: number[] = [];
      for (let i = 0; i < 7; i++) {
        let started = performance.now();
        const doc = await client.exports.get(exp!._id); // open: one GET
        opens.push(performance.now() - started);
        started = performance.now();
        await client.exports.get(exp!._id); // save: the conflict check…
        await client.exports.update(exp!._id, { ...doc, description: `bench ${i}` }); // …and one PUT
        saves.push(performance.now() - started);
      }
      figures[`open (1 GET) at +${latency} ms, ms`] = median(opens);
      figures[`save (GET + PUT) at +${latency} ms, ms`] = median(saves);
    } finally {
      client.dispose();
      await sandbox.stop();
    }
  }
  record('document round trips (API side of open and save)', figures);
}

async function mappingThroughput(): Promise<void> {
  const sandbox = await startSandboxProcess([]);
  const client = new IntegratorClient({ baseUrl: sandbox.baseUrl, token: TOKEN });
  try {
    const [connection] = await client.connections.listAll({ limit: 1 });
    const { importDoc, records } = mappingWorkload(connection!._id);
    const rates: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      let count = 0;
      while (performance.now() - started < 2000) {
        await client.connectionActions.importMap(connection!._id, importDoc, records);
        count++;
      }
      rates.push(count / ((performance.now() - started) / 1000));
    }
    record('mapping preview evaluations (API only; the webview render is not in this figure)', {
      '20 fields × 100 records, evaluations/s': median(rates),
    });
  } finally {
    client.dispose();
    await sandbox.stop();
  }
}

async function sandboxUnderLoad(dataFile: string): Promise<void> {
  const sandbox = await startSandboxProcess(['--data', dataFile, '--seed', 'large:1000']);
  const clients = Array.from({ length: 32 }, () => new IntegratorClient({ baseUrl: sandbox.baseUrl, token: TOKEN, maxRetries: 0 }));
  try {
    const flows = await clients[0]!.flows.listAll({ limit: 1000, include: ['name'] });
    const lastWrite = new Map<string, string>();
    const latencies: number[] = [];
    let failures = 0;
    const deadline = Date.now() + 10_000;
    let sequence = 0;
    await Promise.all(
      clients.map(async (client, c) => {
        let i = 0;
        while (Date.now() < deadline && i < 100_000) {
          const flow = flows[(c * 31 + i) % flows.length]!;
          const kind = i % 10;
          const started = performance.now();
          try {
            if (kind < 3) await client.flows.firstPage({ limit: 100 });
            else if (kind < 8) await client.flows.get(flow._id);
            else {
              const description = `load ${++sequence}`;
              const doc = await client.flows.get(flow._id);
              await client.flows.update(flow._id, { ...doc, description });
              lastWrite.set(flow._id, description);
            }
            latencies.push(performance.now() - started);
          } catch {
            failures++;
          }
          i++;
        }
      }),
    );
    const elapsed = 10;
    latencies.sort((a, b) => a - b);
    await sandbox.stop();
    const saved = JSON.parse(fs.readFileSync(dataFile, 'utf8')) as { resources: { flows: { _id: string; description?: string }[] } };
    const byId = new Map(saved.resources.flows.map((f) => [f._id, f.description]));
    const missing = [...lastWrite].filter(([id, description]) => byId.get(id) !== description).length;
    record('sandbox under 32 concurrent clients (30% list, 50% get, 20% get+put; data file on)', {
      'operations/s': Math.round(latencies.length / elapsed),
      'p50 ms': round(latencies[Math.floor(latencies.length * 0.5)] ?? 0),
      'p99 ms': round(latencies[Math.floor(latencies.length * 0.99)] ?? 0),
      failures,
      'acknowledged writes missing from the data file': missing,
    });
  } finally {
    for (const client of clients) client.dispose();
    await sandbox.stop();
  }
}

/** How many requests `action` makes, counted by the sandbox. */
async function requestCount(client: IntegratorClient, action: () => Promise<unknown>): Promise<number> {
  await client.transport.request({ method: 'DELETE', path: '/_sandbox/requests' });
  await action();
  return (await client.transport.request<unknown[]>({ path: '/_sandbox/requests' })).body.length;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
