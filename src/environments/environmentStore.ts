/**
 * The environments the user has added: their metadata in global state, their tokens in
 * SecretStorage only, the active one, and one API client per environment.
 */
import vscode = require('vscode');
import { ACTIVE_KEY, ENVIRONMENTS_KEY, setHasEnvironmentsContext } from './storageKeys';
import { IntegratorApiError, IntegratorClient, normaliseBaseUrl } from '../api';
import { REGION_BASE_URLS } from '../api/environments';
import { isObject } from '../util/guards';
import { Logger } from '../util/logger';
import { EnvironmentInfo, fixedBaseUrl, SANDBOX_ENVIRONMENT_ID } from './environment';
import { LocalSandbox } from './localSandbox';
import { tokenMask } from '../agentTools/redact';

const tokenKey = (id: string) => `integratorIo.token.${id}`;

/** Thrown when an environment has no token (signed out). */
export class NotSignedInError extends Error {
  constructor(readonly environment: EnvironmentInfo) {
    super(`Not signed in to "${environment.name}".`);
  }
}

export class EnvironmentStore implements vscode.Disposable {
  private readonly clients = new Map<string, IntegratorClient>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when environments are added, removed or changed, or the active one changes. */
  readonly onDidChange = this.changed.event;

  private readonly configSubscription: vscode.Disposable;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly sandbox: LocalSandbox,
    private readonly log: Logger,
  ) {
    // Clients are built with the time-out setting; rebuild them when it changes.
    this.configSubscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('integratorIo.requestTimeoutSeconds')) for (const id of [...this.clients.keys()]) this.dropClient(id);
    });
  }

  list(): EnvironmentInfo[] {
    return this.context.globalState.get<EnvironmentInfo[]>(ENVIRONMENTS_KEY, []);
  }

  get(id: string): EnvironmentInfo | undefined {
    return this.list().find((e) => e.id === id);
  }

  get active(): EnvironmentInfo | undefined {
    const id = this.context.globalState.get<string>(ACTIVE_KEY);
    return (id && this.get(id)) || this.list()[0];
  }

  async setActive(id: string): Promise<void> {
    await this.context.globalState.update(ACTIVE_KEY, id);
    this.changed.fire();
  }

  /** Adds or replaces an environment and its token. */
  async save(env: EnvironmentInfo, token?: string): Promise<void> {
    if (env.baseUrl) env.baseUrl = normaliseBaseUrl(env.baseUrl);
    if (token) {
      this.log.addSecret(token);
      await this.context.secrets.store(tokenKey(env.id), token);
    }
    const others = this.list().filter((e) => e.id !== env.id);
    // Replaced where it stands: the local sandbox is saved again on each start (a new port), and
    // moving it to the end swapped the tree's environments after every reload.
    const at = this.list().findIndex((e) => e.id === env.id);
    await this.context.globalState.update(
      ENVIRONMENTS_KEY,
      at < 0 ? [...others, env] : this.list().map((e) => (e.id === env.id ? env : e)),
    );
    this.dropClient(env.id);
    if (!this.context.globalState.get(ACTIVE_KEY) || others.length === 0) await this.context.globalState.update(ACTIVE_KEY, env.id);
    await this.updateContextKeys();
    this.changed.fire();
  }

  async remove(id: string): Promise<void> {
    await this.context.secrets.delete(tokenKey(id));
    await this.context.globalState.update(
      ENVIRONMENTS_KEY,
      this.list().filter((e) => e.id !== id),
    );
    if (this.context.globalState.get(ACTIVE_KEY) === id) await this.context.globalState.update(ACTIVE_KEY, this.list()[0]?.id);
    this.dropClient(id);
    if (id === SANDBOX_ENVIRONMENT_ID) await this.sandbox.stop();
    await this.updateContextKeys();
    this.changed.fire();
  }

  /** Forgets the token; the environment stays, and asks to sign in again. */
  async signOut(id: string): Promise<void> {
    await this.context.secrets.delete(tokenKey(id));
    this.dropClient(id);
    this.changed.fire();
  }

  async hasToken(env: EnvironmentInfo): Promise<boolean> {
    return env.kind === 'sandbox' || (await this.context.secrets.get(tokenKey(env.id))) !== undefined;
  }

  /**
   * Text with the token of every signed-in environment (and of the local sandbox, when it runs)
   * replaced by "******", and any piece of one of 8 characters or more (what a cut leaves): for
   * text that leaves the extension, such as an agent tool's answer, which account text may have
   * put a token in (a script that holds its key). The tokens are read once for the returned
   * function and never leave it.
   */
  async tokenRedactor(): Promise<(text: string) => string> {
    const tokens: string[] = [];
    for (const env of this.list()) {
      const token = await this.currentToken(env);
      // Too short a token would blank out ordinary text; no real token is.
      if (token && token.length >= 4) tokens.push(token);
    }
    // Whole, and any piece of one a cut left (agentTools/redact.ts).
    return tokenMask(tokens);
  }

  /** An environment's token as it is now: the local sandbox's only while it runs (this never starts it). */
  private async currentToken(env: EnvironmentInfo): Promise<string | undefined> {
    if (env.kind !== 'sandbox') return this.context.secrets.get(tokenKey(env.id));
    return this.sandbox.isRunning ? (await this.sandbox.ensureRunning()).token : undefined;
  }

  /** The API client of an environment; starts the local sandbox when that is the environment. */
  async client(env: EnvironmentInfo): Promise<IntegratorClient> {
    const cached = this.clients.get(env.id);
    if (cached && (env.kind !== 'sandbox' || this.sandbox.isRunning)) return cached;
    this.dropClient(env.id);
    let baseUrl: string;
    let token: string | undefined;
    if (env.kind === 'sandbox') {
      ({ baseUrl, token } = await this.sandbox.ensureRunning());
    } else {
      baseUrl = fixedBaseUrl(env) ?? '';
      token = await this.context.secrets.get(tokenKey(env.id));
      if (!token) throw new NotSignedInError(env);
    }
    this.log.addSecret(token);
    const timeoutSeconds = vscode.workspace.getConfiguration('integratorIo').get<number>('requestTimeoutSeconds', 30);
    const client = new IntegratorClient({
      baseUrl,
      token,
      timeoutMs: timeoutSeconds * 1000,
      ...(env.aShareId ? { aShareId: env.aShareId } : {}),
      userAgent: `integrator-io-vscode/${this.version()}`,
      onAttempt: (a) => this.log.debug(`${env.name}: ${a.method} ${a.url} → ${a.status || 'no answer'} (${a.durationMs} ms)`),
    });
    this.clients.set(env.id, client);
    return client;
  }

  /** Sets `integratorIo.hasEnvironments`, which the welcome view and menus read. */
  async updateContextKeys(): Promise<void> {
    await setHasEnvironmentsContext(this.context.globalState);
  }

  dispose(): void {
    this.configSubscription.dispose();
    for (const id of [...this.clients.keys()]) this.dropClient(id);
    this.changed.dispose();
  }

  private dropClient(id: string): void {
    this.clients.get(id)?.dispose();
    this.clients.delete(id);
  }

  /** The extension's version, from its package.json (VS Code hands that over untyped). */
  private version(): string {
    const manifest: unknown = this.context.extension.packageJSON;
    return isObject(manifest) && typeof manifest.version === 'string' ? manifest.version : 'unknown';
  }
}

/** Checks a token against an environment before anything is saved; returns the user id. */
export async function verifyToken(baseUrl: string, token: string, aShareId?: string): Promise<string> {
  const client = new IntegratorClient({ baseUrl, token, maxRetries: 1, timeoutMs: 20_000, ...(aShareId ? { aShareId } : {}) });
  try {
    return (await client.tokenInfo())._userId;
  } catch (err) {
    if (err instanceof IntegratorApiError && err.isUnauthorized) {
      // The region hint only where there is a region: a custom server's tokens are its own.
      const regional = Object.values(REGION_BASE_URLS).some((url) => new URL(url).host === new URL(baseUrl).host);
      throw new Error(
        `The token was refused by ${new URL(baseUrl).host} (401). Check the token` +
          (regional ? ", and the region: North America and EU tokens do not work on each other's API." : '.'),
      );
    }
    throw err;
  } finally {
    client.dispose();
  }
}
