/**
 * Starts a real sandbox on loopback for a test file, with fast simulated jobs, and builds
 * clients against it. Nothing of the project is stubbed: requests go over HTTP.
 */
import { IntegratorClient } from '../../src/api';
import { TransportOptions } from '../../src/api/transport';
import { Sandbox, SandboxOptions, startSandbox } from '../../src/sandbox';
import { FaultSettings } from '../../src/sandbox/faults';
import { RequestLogEntry } from '../../src/sandbox/services';

export const TEST_TOKEN = 'test-token-5b1f0c9e2a7d4e3f';

export interface TestSandbox {
  sandbox: Sandbox;
  client: IntegratorClient;
  /** A client with other transport options (time-outs, retries). */
  clientWith(options: Partial<TransportOptions>): IntegratorClient;
  /** Sets fault switches through the admin route, as a test run would. */
  setFaults(settings: Partial<FaultSettings>): Promise<void>;
  /** API requests the sandbox received since the last `clearRequests`. */
  requests(): Promise<RequestLogEntry[]>;
  clearRequests(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestSandbox(options: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({
    token: TEST_TOKEN,
    seed: 'demo',
    ...options,
    settings: { timing: { queuedMs: 30, stepMs: 40, cancelMs: 30 }, ...options.settings },
  });
  const clients: IntegratorClient[] = [];
  const clientWith = (extra: Partial<TransportOptions>) => {
    const client = new IntegratorClient({ baseUrl: sandbox.baseUrl, token: TEST_TOKEN, retryBaseDelayMs: 20, ...extra });
    clients.push(client);
    return client;
  };
  const admin = clientWith({ maxRetries: 0 });
  return {
    sandbox,
    client: clientWith({}),
    clientWith,
    async setFaults(settings) {
      await admin.transport.request({ method: 'PUT', path: '/_sandbox/faults', body: settings });
    },
    async requests() {
      return (await admin.transport.request<RequestLogEntry[]>({ path: '/_sandbox/requests' })).body;
    },
    async clearRequests() {
      await admin.transport.request({ method: 'DELETE', path: '/_sandbox/requests' });
    },
    async close() {
      for (const c of clients) c.dispose();
      await sandbox.close();
    },
  };
}

/** Collects an async iterator of pages, counting the pages. */
export async function pagesOf<T>(pages: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const page of pages) out.push(page);
  return out;
}
