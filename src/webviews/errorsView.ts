/**
 * "Show Errors" of a flow step (error management 2.0): the open errors, newest first, with
 * time, source, code, message and classification; select some to resolve or retry; open one's
 * retry data to fix it, or the HTTP request and response behind it; more pages follow
 * `nextPageURL`.
 */
import * as vscode from 'vscode';
import { ErrorRecord, HttpExchange } from '../api/types';
import { WebviewPanel } from './webviewPanel';

/** The HTTP exchange shown under one error's row: loading, loaded, or why it could not be. */
export interface ShownExchange {
  errorId: string;
  loading?: boolean;
  failure?: string;
  request?: HttpExchange['request'];
  response?: HttpExchange['response'];
}

export interface ErrorsState {
  type: 'state';
  title: string;
  subtitle: string;
  errors: ErrorRecord[];
  hasMore: boolean;
  busy?: string;
  message?: string;
  exchange?: ShownExchange;
}

export type ErrorsRequest =
  | { type: 'resolve'; errorIds: string[] }
  | { type: 'retry'; retryDataKeys: string[] }
  | { type: 'editRetryData'; retryDataKey: string }
  | { type: 'showHttp'; errorId: string }
  | { type: 'hideHttp' }
  | { type: 'more' };

export interface ErrorsHandlers {
  /** Loads the first page again (after an action). */
  reload(): Promise<void>;
  more(): Promise<void>;
  resolve(errorIds: string[]): Promise<void>;
  retry(retryDataKeys: string[]): Promise<void>;
  editRetryData(retryDataKey: string): Promise<void>;
  showHttp(errorId: string): Promise<void>;
}

export class ErrorsView extends WebviewPanel<ErrorsState, ErrorsRequest> {
  private state: ErrorsState;

  static open(key: string, title: string, subtitle: string, extensionUri: vscode.Uri, handlers: ErrorsHandlers): ErrorsView {
    const existing = WebviewPanel.reveal<ErrorsView>(key);
    if (existing) {
      existing.handlers = handlers;
      return existing;
    }
    return new ErrorsView(key, title, subtitle, extensionUri, handlers);
  }

  private constructor(
    key: string,
    title: string,
    subtitle: string,
    extensionUri: vscode.Uri,
    private handlers: ErrorsHandlers,
  ) {
    super(key, 'integratorIo.errors', title, extensionUri, { script: 'errors.js', style: 'errors.css' });
    this.state = { type: 'state', title, subtitle, errors: [], hasMore: false, busy: 'Loading…' };
  }

  get current(): ErrorsState {
    return this.state;
  }

  show(change: Partial<ErrorsState>): ErrorsState {
    this.state = { ...this.state, ...change };
    for (const key of ['busy', 'message', 'exchange'] as const) if (key in change && change[key] === undefined) delete this.state[key];
    this.post(this.state);
    return this.state;
  }

  protected async onMessage(message: ErrorsRequest): Promise<void> {
    switch (message.type) {
      case 'resolve':
        return this.handlers.resolve(message.errorIds);
      case 'retry':
        return this.handlers.retry(message.retryDataKeys);
      case 'editRetryData':
        return this.handlers.editRetryData(message.retryDataKey);
      case 'showHttp':
        return this.handlers.showHttp(message.errorId);
      case 'hideHttp':
        return void this.show({ exchange: undefined });
      case 'more':
        return this.handlers.more();
    }
  }
}
