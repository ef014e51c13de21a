/**
 * integrator-api calls for a hook debugged in another process (Debug Hook…: the script runs in
 * the Node process VS Code's debugger starts, not in the extension). The extension serves the
 * calls on loopback, with a secret that only the run's request file carries; the debugged
 * process sends each call here and blocks until the answer comes (syncCall.ts). The account's
 * token never leaves the extension: the bridge performs the call with the run's own `api`
 * (which asks first where the environment requires it).
 */
import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import * as http from 'http';
import { field } from '../api/types';

export interface ApiBridge {
  url: string;
  secret: string;
  close(): Promise<void>;
}

/** The largest call body accepted: a call carries an export or an import and its records. */
const MAX_BODY_BYTES = 20 * 1024 * 1024;

export async function startApiBridge(api: (path: string, args: unknown[]) => Promise<unknown>): Promise<ApiBridge> {
  const secret = randomBytes(24).toString('hex');
  const server = http.createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || !sameSecret(req.headers['x-integrator-io-bridge'], secret)) return reply(403, { error: 'not this run' });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      let call: unknown;
      try {
        call = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return reply(400, { error: 'the call is not JSON' });
      }
      const path = field(call, 'path');
      const args = field(call, 'args');
      if (typeof path !== 'string' || !Array.isArray(args)) return reply(400, { error: 'a call has a path and args' });
      api(path, args).then(
        (result) => reply(200, { result: result === undefined ? null : result }),
        (err: unknown) => reply(200, { error: err instanceof Error ? err.message : String(err) }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  // Listening on a port, the server has an address with one (a string is a pipe's or a socket's path).
  if (address === null || typeof address === 'string') throw new Error('the bridge is not listening on a port');
  const { port } = address;
  return {
    url: `http://127.0.0.1:${port}/`,
    secret,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // the caller's kept-alive socket would hold close() for seconds
      }),
  };
}

/**
 * Whether a request carries the run's secret, in a time that does not tell how much of a guess
 * was right (`!==` stops at the first differing character). Both sides are hashed first, as
 * timingSafeEqual needs equal lengths and the length of a guess must not matter either.
 */
export function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(secret));
}
