/**
 * The extension's log, shown in the "integrator.io" output channel. Every line passes through
 * `scrub`, which removes any secret the extension knows of (tokens are registered as soon as
 * they are read), so a token can never reach the log even if some message carried it.
 */
import vscode = require('vscode');

export class Logger implements vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;
  private readonly secrets = new Set<string>();

  constructor(name = 'integrator.io') {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  /** Remembers a secret so that it is scrubbed from every later line. */
  addSecret(secret: string | undefined): void {
    if (secret && secret.length >= 4) this.secrets.add(secret);
  }

  scrub(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('[redacted]');
    return out;
  }

  info(message: string): void {
    this.channel.info(this.scrub(message));
  }

  warn(message: string): void {
    this.channel.warn(this.scrub(message));
  }

  error(message: string, err?: unknown): void {
    const detail = err instanceof Error ? err.message : typeof err === 'string' ? err : err === undefined ? '' : JSON.stringify(err);
    this.channel.error(this.scrub(detail ? `${message}: ${detail}` : message));
  }

  debug(message: string): void {
    this.channel.debug(this.scrub(message));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
