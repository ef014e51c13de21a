/**
 * Lists every flow, export, import and connection of a `large:5000` sandbox account through the
 * client, and the same pages through plain `http` requests (keep-alive, JSON.parse), and prints
 * both times and their ratio. The sandbox runs in its own process so it does not share the
 * client's event loop. A measurement, not a test: it asserts nothing.
 *
 *   npm run bench:api [-- --flows 5000 --runs 7 --limit 1000]
 */
import { parseArgs } from 'util';
import { IntegratorClient } from '../../src/api';
import { median, RawHttp, startSandboxProcess } from './benchSupport';

const TOKEN = 'bench-token-0f3a9c2e';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      flows: { type: 'string', default: '5000' },
      runs: { type: 'string', default: '7' },
      limit: { type: 'string', default: '1000' },
    },
  });
  const flows = Number(values.flows);
  const runs = Number(values.runs);
  const limit = Number(values.limit);
  const sandbox = await startSandboxProcess(TOKEN, ['--seed', `large:${flows}`]);
  const { baseUrl } = sandbox;
  const stop = () => sandbox.stop();
  try {
    const client = new IntegratorClient({ baseUrl, token: TOKEN });
    const raw = new RawHttp(TOKEN);
    const rawCount = async (pathAndQuery: string) => (await raw.listAll(`${baseUrl}${pathAndQuery}`)).length;
    const kinds = ['flows', 'exports', 'imports', 'connections'] as const;
    // Warm both paths up once (JIT, sockets).
    for (const kind of kinds) {
      await client[kind].listAll({ limit });
      await rawCount(`/${kind}?limit=${limit}`);
    }
    const rows: { kind: string; records: number; pages: number; client: number; raw: number }[] = [];
    for (const kind of kinds) {
      const clientTimes: number[] = [];
      const rawTimes: number[] = [];
      let records = 0;
      let pages = 0;
      for (let i = 0; i < runs; i++) {
        // Interleave the two sides so drift on a noisy machine hits both alike.
        let started = performance.now();
        pages = 0;
        records = 0;
        for await (const page of client[kind].list({ limit })) {
          pages++;
          records += page.length;
        }
        clientTimes.push(performance.now() - started);
        started = performance.now();
        const rawRecords = await rawCount(`/${kind}?limit=${limit}`);
        rawTimes.push(performance.now() - started);
        if (rawRecords !== records) throw new Error(`raw listing saw ${rawRecords} ${kind}, the client ${records}`);
      }
      rows.push({ kind, records, pages, client: median(clientTimes), raw: median(rawTimes) });
    }
    client.dispose();
    raw.dispose();
    print(rows, flows, runs, limit);
  } finally {
    await stop();
  }
}

function print(
  rows: { kind: string; records: number; pages: number; client: number; raw: number }[],
  flows: number,
  runs: number,
  limit: number,
): void {
  console.log(`\nListing a large:${flows} sandbox account, ${limit} records a page, median of ${runs} runs (sandbox in its own process)\n`);
  console.log('resource      records  pages   client ms    raw ms   client/raw');
  for (const r of rows) {
    console.log(
      `${r.kind.padEnd(12)} ${String(r.records).padStart(8)} ${String(r.pages).padStart(6)} ${r.client.toFixed(1).padStart(11)} ${r.raw.toFixed(1).padStart(9)} ${(r.client / r.raw).toFixed(2).padStart(11)}×`,
    );
  }
  const client = rows.reduce((n, r) => n + r.client, 0);
  const raw = rows.reduce((n, r) => n + r.raw, 0);
  console.log(
    `${'all'.padEnd(12)} ${String(rows.reduce((n, r) => n + r.records, 0)).padStart(8)} ${String(rows.reduce((n, r) => n + r.pages, 0)).padStart(6)} ${client.toFixed(1).padStart(11)} ${raw.toFixed(1).padStart(9)} ${(client / raw).toFixed(2).padStart(11)}×\n`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
