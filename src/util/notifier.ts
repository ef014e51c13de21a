/**
 * Messages for the user: shown as VS Code notifications and also written to the "integrator.io"
 * output channel, because notifications fade and a user who missed one can read it there. Each
 * message is scrubbed of known secrets first. The last few are kept in `recent`, so scripts and
 * the integration tests see exactly the text a user was shown.
 */
import vscode = require('vscode');
import { Logger } from './logger';
import { displayText } from './displayText';

export type NotificationSeverity = 'error' | 'warning' | 'info';

export interface ShownNotification {
  severity: NotificationSeverity;
  message: string;
  /** The buttons it offered. */
  actions: string[];
  time: number;
}

const KEEP = 50;

export class Notifier {
  private readonly shown: ShownNotification[] = [];

  constructor(private readonly log: Logger) {}

  /** The latest notifications, oldest first. */
  get recent(): readonly ShownNotification[] {
    return this.shown;
  }

  error(message: string, ...actions: string[]): Thenable<string | undefined> {
    const text = this.remember('error', message, actions);
    this.log.error(text);
    return vscode.window.showErrorMessage(text, ...actions);
  }

  warning(message: string, ...actions: string[]): Thenable<string | undefined> {
    const text = this.remember('warning', message, actions);
    this.log.warn(text);
    return vscode.window.showWarningMessage(text, ...actions);
  }

  info(message: string, ...actions: string[]): Thenable<string | undefined> {
    const text = this.remember('info', message, actions);
    this.log.info(text);
    return vscode.window.showInformationMessage(text, ...actions);
  }

  /** Scrubbed of secrets, and with link and icon syntax broken: account text never becomes a link or command. */
  private remember(severity: NotificationSeverity, message: string, actions: string[]): string {
    const text = displayText(this.log.scrub(message));
    this.shown.push({ severity, message: text, actions, time: Date.now() });
    if (this.shown.length > KEEP) this.shown.splice(0, this.shown.length - KEEP);
    return text;
  }
}
