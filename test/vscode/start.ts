/**
 * `npm start`: the extension with the local sandbox, for trying it out.
 * - With VS Code's `code` command on the PATH: opens VS Code with this extension in development
 *   mode and a workspace whose settings start the sandbox.
 * - Without it: starts the test VS Code (code-server) in the browser with the extension
 *   installed and the sandbox started, and prints the address to open.
 */
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ensureCodeServer, ROOT, startCodeServer } from './codeServer';

const SETTINGS = { 'integratorIo.localSandbox.startAutomatically': true };

function hasCode(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const workspace = path.join(ROOT, '.vscode-test', 'start-workspace');
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(SETTINGS, null, 2));

  if (hasCode() && !process.env.INTEGRATOR_START_IN_BROWSER) {
    console.log('Opening VS Code with the integrator.io extension and the local sandbox…');
    spawn('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, workspace], { stdio: 'inherit', detached: true }).unref();
    return;
  }

  ensureCodeServer();
  const runDir = path.join(ROOT, '.vscode-test', 'start');
  fs.rmSync(runDir, { recursive: true, force: true });
  const port = Number(process.env.PORT ?? 8080);
  const server = await startCodeServer({ runDir, port, settings: SETTINGS });
  console.log(`\nVS Code with the integrator.io extension is running at:\n\n    ${server.url}\n`);
  console.log('Open it in a browser (on another machine: ssh -L 8080:127.0.0.1:8080 …). The local sandbox starts with the window.');
  console.log('Press Ctrl-C to stop.\n');
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.process.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
