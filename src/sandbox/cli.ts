/**
 * `node dist/sandbox.js --port <port> --token <token> [--data FILE] [--seed demo|empty|large:N]`
 *
 * Starts the sandbox on 127.0.0.1, prints its base URL (`http://127.0.0.1:<port>/v1`) on
 * standard output once it listens, logs to standard error, and stops cleanly on SIGINT/SIGTERM
 * after the data file is written.
 */
import { parseArgs } from 'util';
import { parseFaultSettings } from './faults';
import { startSandbox, SandboxOptions } from './server';

const USAGE = `Usage: node dist/sandbox.js --token <token> [options]

  --port <n>               Port on 127.0.0.1 (0 picks a free one; default 0)
  --token <t>              Bearer token clients must send (or INTEGRATOR_SANDBOX_TOKEN)
  --data <file>            Keep the account in this JSON file (loaded if present)
  --seed <s>               demo (default), empty, or large:N (N flows with their steps)
  --page-size <n>          Records per list page without ?limit= (default 1000)
  --error-page-size <n>    Errors per page of a step's error list (default 100)
  --jobs-cap <n>           Most jobs one /jobs answer holds (default 1000)
  --validation-status <n>  Status of validation errors (default 422)
  --job-step-ms <n>        How long each simulated job step takes (default 400)
  --latency <ms>           Added to every request (default 0)
  --faults <json>          Fault settings, e.g. '{"rules":[{"kind":"rate_limit","times":2}]}'
  --rate-limit <c/r>       Leaky bucket: capacity/refill per second, e.g. 1000/300 (default off)
  --quiet                  Log nothing but the base URL
  --help                   Show this text`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      token: { type: 'string' },
      data: { type: 'string' },
      seed: { type: 'string', default: 'demo' },
      'page-size': { type: 'string' },
      'error-page-size': { type: 'string' },
      'jobs-cap': { type: 'string' },
      'validation-status': { type: 'string' },
      'job-step-ms': { type: 'string' },
      latency: { type: 'string' },
      faults: { type: 'string' },
      'rate-limit': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const token = values.token ?? process.env.INTEGRATOR_SANDBOX_TOKEN;
  if (!token) throw new Error('A token is required: --token <token> or INTEGRATOR_SANDBOX_TOKEN.');
  const log = values.quiet ? () => undefined : (line: string) => process.stderr.write(`${line}\n`);

  const settings: NonNullable<SandboxOptions['settings']> = {};
  if (values['page-size']) settings.pageSize = positive(values['page-size'], '--page-size');
  if (values['error-page-size']) settings.errorPageSize = positive(values['error-page-size'], '--error-page-size');
  if (values['jobs-cap']) settings.jobsPageCap = positive(values['jobs-cap'], '--jobs-cap');
  if (values['validation-status']) settings.validationStatus = positive(values['validation-status'], '--validation-status');
  if (values['job-step-ms']) settings.timing = { stepMs: positive(values['job-step-ms'], '--job-step-ms') };
  const faults: unknown = values.faults ? JSON.parse(values.faults) : {};
  // --latency adds to --faults; settings that are not an object are refused as they are.
  const faultInput =
    values.latency && typeof faults === 'object' && faults !== null ? { ...faults, latencyMs: Number(values.latency) } : faults;
  const options: SandboxOptions = {
    token,
    port: Number(values.port),
    seed: values.seed,
    settings,
    faults: parseFaultSettings(faultInput),
    log,
  };
  if (values.data) options.dataFile = values.data;
  if (values['rate-limit']) {
    const [capacity, refill] = values['rate-limit'].split('/').map(Number);
    if (!capacity || !refill) throw new Error('--rate-limit takes capacity/refill, e.g. 1000/300.');
    options.rateLimit = { capacity, refillPerSecond: refill };
  }

  const sandbox = await startSandbox(options);
  process.stdout.write(`${sandbox.baseUrl}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`sandbox: ${signal}, stopping`);
    sandbox.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log(`sandbox: failed to stop cleanly: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} takes a whole number above 0.`);
  return n;
}

main().catch((err: unknown) => {
  process.stderr.write(`sandbox: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}\n`);
  process.exit(2);
});
