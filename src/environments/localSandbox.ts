/**
 * "Start Local Sandbox": runs the sandbox inside the extension host on a free loopback port,
 * with its account kept in the extension's global storage, so a new user can explore without
 * an account. The sandbox code is loaded only when first needed (it is a separate bundle), and
 * stops when the window closes.
 */
import { randomBytes } from 'crypto';
import * as path from 'path';
import vscode = require('vscode');
import type { Sandbox, SandboxOptions } from '../sandbox';
import { Logger } from '../util/logger';

const TOKEN_KEY = 'integratorIo.localSandbox.token';

export interface RunningSandbox {
  baseUrl: string;
  token: string;
}

type SandboxModule = { startSandbox(options: SandboxOptions): Promise<Sandbox> };

/** The user stopped the local sandbox: nothing starts it again but Start Local Sandbox. */
export class SandboxStoppedError extends Error {
  constructor() {
    super('The local sandbox is stopped.');
  }
}

export class LocalSandbox implements vscode.Disposable {
  private sandbox: Sandbox | undefined;
  private starting: Promise<RunningSandbox> | undefined;
  /** Set by Stop Local Sandbox, cleared by Start: a stopped sandbox is not restarted behind the user's back. */
  private stoppedByUser = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: Logger,
  ) {}

  get isRunning(): boolean {
    return this.sandbox !== undefined;
  }

  get isStoppedByUser(): boolean {
    return this.stoppedByUser;
  }

  /**
   * Starts the sandbox if it is not running; resolves with where it listens. After the user
   * stopped it, only an explicit start (Start Local Sandbox) runs it again; anything else gets
   * a SandboxStoppedError, which the tree turns into a "start it again" row.
   */
  ensureRunning(options: { explicitly?: boolean } = {}): Promise<RunningSandbox> {
    if (options.explicitly) this.stoppedByUser = false;
    else if (this.stoppedByUser) return Promise.reject(new SandboxStoppedError());
    if (this.starting) return this.starting;
    this.starting = this.start().catch((err: unknown) => {
      this.starting = undefined;
      throw err;
    });
    return this.starting;
  }

  async stop(options: { byUser?: boolean } = {}): Promise<void> {
    if (options.byUser) this.stoppedByUser = true;
    const sandbox = this.sandbox;
    this.sandbox = undefined;
    this.starting = undefined;
    if (sandbox) {
      await sandbox.close();
      this.log.info('Local sandbox stopped.');
    }
  }

  dispose(): void {
    void this.stop();
  }

  private async start(): Promise<RunningSandbox> {
    const token = await this.token();
    const dataFile = path.join(this.context.globalStorageUri.fsPath, 'sandbox', 'account.json');
    const module = this.load();
    this.sandbox = await module.startSandbox({ token, port: 0, dataFile, seed: 'demo', log: (line) => this.log.debug(line) });
    this.log.info(`Local sandbox listening at ${this.sandbox.baseUrl} (account kept in ${dataFile}).`);
    return { baseUrl: this.sandbox.baseUrl, token };
  }

  /** The sandbox's token: made once, kept in SecretStorage like any other token. */
  private async token(): Promise<string> {
    let token = await this.context.secrets.get(TOKEN_KEY);
    if (!token) {
      token = randomBytes(24).toString('hex');
      await this.context.secrets.store(TOKEN_KEY, token);
    }
    this.log.addSecret(token);
    return token;
  }

  private load(): SandboxModule {
    // A separate bundle, required at run time so that activation does not pay for it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the path is only known at run time
    return require(path.join(this.context.extensionPath, 'dist', 'sandbox-lib.js')) as SandboxModule;
  }
}
