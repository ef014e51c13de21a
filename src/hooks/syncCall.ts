/**
 * Synchronous integrator-api calls for a debugged hook (debugEntry.ts): the script uses the
 * results without `await`, as on the server, so each call blocks the process while a short-lived
 * helper process sends it to the extension's bridge (apiBridge.ts) and prints the answer.
 *
 * A helper process rather than a helper thread: VS Code's debugger attaches to every worker
 * thread of the process it debugs (and would show the helper beside the script). The helper runs
 * without the debugger's NODE_OPTIONS, so it is not attached. Starting it costs some 50 ms a
 * call, which a debugging session does not notice.
 */
import { spawnSync } from 'child_process';
import { field } from '../api/types';
import { CallHost } from './integratorApiShim';

/** How long a call may wait: the extension may be asking the user whether to allow it. */
const CALL_LIMIT_MS = 10 * 60_000;

/** The helper: reads { url, secret, call } on stdin, POSTs the call, prints the bridge's JSON answer. */
const HELPER = `
const http = require('http');
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => {
  const { url, secret, call } = JSON.parse(input);
  const body = JSON.stringify(call);
  const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-integrator-io-bridge': secret, 'content-length': Buffer.byteLength(body) } }, (res) => {
    res.pipe(process.stdout);
  });
  req.on('error', (err) => process.stdout.write(JSON.stringify({ error: 'the extension could not be reached (' + err.message + ')' })));
  req.end(body);
});
`;

export function syncBridgeCaller(bridge: { url: string; secret: string }): CallHost {
  return (path, args) => {
    const helper = spawnSync(process.execPath, ['-e', HELPER], {
      input: JSON.stringify({ url: bridge.url, secret: bridge.secret, call: { path, args } }),
      env: { ...process.env, NODE_OPTIONS: '' },
      timeout: CALL_LIMIT_MS,
      maxBuffer: 256 * 1024 * 1024,
      encoding: 'utf8',
    });
    if (helper.error) throw new Error(`integrator-api ${path}: ${helper.error.message}`);
    // The bridge's answer: { result } or { error }.
    let answer: unknown;
    try {
      answer = JSON.parse(helper.stdout);
    } catch {
      throw new Error(`integrator-api ${path}: the extension sent no answer${helper.stderr ? ` (${helper.stderr.trim()})` : ''}`);
    }
    const error = field(answer, 'error');
    if (error !== undefined)
      throw new Error(`integrator-api ${path}: ${typeof error === 'string' ? error : 'an error that could not be read'}`);
    return field(answer, 'result');
  };
}
