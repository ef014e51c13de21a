/**
 * "Show Errors" of a flow step (error management 2.0): the open errors, newest first; select
 * some to resolve or retry (the retry is followed like a run); open one's retry data to fix it,
 * or the HTTP request and response behind it; more pages follow `nextPageURL`. The page is
 * `pages/errors.ts`; what it may send is `protocol/errors.ts`.
 */
import vscode = require('vscode');
import { IntegratorClient } from '../api';
import { retryDataUri, viewKey } from '../identity';
import { EnvironmentInfo } from '../environments/environment';
import { confirmProductionChange } from '../environments/productionGuard';
import { displayText } from '../util/displayText';
import { describeError } from '../util/errors';
import { Logger } from '../util/logger';
import { Notifier } from '../util/notifier';
import { ErrorsAction, ErrorsState, onShownErrors, readErrorsAction } from './protocol/errors';
import { StatefulPanel } from './statefulPanel';

/** The flow step a view shows. */
export interface StepRef {
  env: EnvironmentInfo;
  flowId: string;
  stepId: string;
  name: string;
}

export interface ErrorsPanelDeps {
  client: IntegratorClient;
  log: Logger;
  notify: Notifier;
  extensionUri: vscode.Uri;
  /** Errors were resolved or retried: counts elsewhere (the tree) are stale. */
  onErrorsChanged(ref: StepRef): void;
}

export class ErrorsPanel extends StatefulPanel<ErrorsState, ErrorsAction> {
  /** The next page's URL (`nextPageURL`), kept as the API gave it. */
  private next: string | undefined;

  static keyOf(ref: Pick<StepRef, 'env' | 'flowId' | 'stepId'>): string {
    return viewKey('errors', ref.env.id, ref.flowId, ref.stepId);
  }

  /** Opens (or reveals) the view and loads the first page again; resolves once it shows. */
  static async show(ref: StepRef, deps: ErrorsPanelDeps): Promise<ErrorsPanel> {
    const { panel } = StatefulPanel.openOrReveal(
      ErrorsPanel.keyOf(ref),
      (p) => (p instanceof ErrorsPanel ? p : undefined),
      () => new ErrorsPanel(ref, deps),
    );
    panel.deps = deps; // a newer client (after a sign-in) replaces the old one
    await panel.load();
    return panel;
  }

  private constructor(
    private readonly ref: StepRef,
    private deps: ErrorsPanelDeps,
  ) {
    super({
      key: ErrorsPanel.keyOf(ref),
      reopen: {
        command: 'integratorIo.showErrors',
        key: ErrorsPanel.keyOf(ref),
        envId: ref.env.id,
        flowId: ref.flowId,
        id: ref.stepId,
        name: ref.name,
      },
      viewType: 'integratorIo.errors',
      title: `Errors: ${ref.name}`,
      page: 'errors',
      extensionUri: deps.extensionUri,
      initial: {
        title: `Errors: ${ref.name}`,
        subtitle: `Open errors of this step in ${ref.env.name}`,
        errors: [],
        hasMore: false,
        busy: 'Loading…',
      },
      readAction: readErrorsAction,
    });
  }

  /** Does what a button of the page does (the page sends the same actions). */
  protected async handle(received: ErrorsAction): Promise<void> {
    // Only errors this view shows can be acted on from it.
    const action = onShownErrors(received, this.current);
    if (!action) return;
    switch (action.type) {
      case 'resolve':
        return this.resolve(action.errorIds);
      case 'retry':
        return this.retry(action.retryDataKeys);
      case 'editRetryData':
        return this.editRetryData(action.retryDataKey);
      case 'showHttp':
        return this.showHttp(action.errorId);
      case 'hideHttp':
        return void this.update({ exchange: undefined });
      case 'more':
        return this.more();
    }
  }

  private async load(): Promise<void> {
    try {
      const page = await this.deps.client.errors.page(this.ref.flowId, this.ref.stepId);
      this.next = page.next;
      this.update({ errors: page.items, hasMore: page.next !== undefined, busy: undefined });
    } catch (err) {
      this.update({ busy: undefined, message: `Could not load the errors: ${describeError(err)}` });
    }
  }

  private async more(): Promise<void> {
    if (!this.next) return;
    try {
      const page = await this.deps.client.errors.page(this.ref.flowId, this.ref.stepId, this.next);
      this.next = page.next;
      this.update({ hasMore: page.next !== undefined }, { errors: page.items }); // only the new page travels
    } catch (err) {
      this.update({ message: `Could not load more: ${describeError(err)}` });
    }
  }

  /** Resolving and retrying change the account: in production they ask first, as saves do. */
  private confirm(action: 'resolve' | 'retry', count: number): Promise<boolean> {
    const what = `${count} error${count === 1 ? '' : 's'} of step "${this.ref.name}"`;
    return confirmProductionChange(this.ref.env, { action, what });
  }

  private async resolve(errorIds: string[]): Promise<void> {
    if (!errorIds.length) return void this.deps.notify.info('Select the errors to resolve first.');
    if (!(await this.confirm('resolve', errorIds.length))) return;
    this.update({ busy: `Resolving ${errorIds.length}…` });
    try {
      await this.deps.client.errors.resolve(this.ref.flowId, this.ref.stepId, errorIds);
      this.deps.log.info(`${this.ref.env.name}: resolved ${errorIds.length} error(s) of "${this.ref.name}".`);
      await this.load();
      this.update({ message: `Resolved ${errorIds.length}.` });
      this.deps.onErrorsChanged(this.ref);
    } catch (err) {
      this.update({ busy: undefined, message: `Could not resolve: ${describeError(err)}` });
    }
  }

  /** Retries, then follows the retry job like a run and reloads the list. */
  private async retry(retryDataKeys: string[]): Promise<void> {
    if (!retryDataKeys.length) return void this.deps.notify.info('Select the errors to retry first.');
    if (!(await this.confirm('retry', retryDataKeys.length))) return;
    this.update({ busy: `Retrying ${retryDataKeys.length}…` });
    try {
      const started = await this.deps.client.errors.retry(this.ref.flowId, this.ref.stepId, retryDataKeys);
      const jobId = started?._jobId;
      const job = jobId
        ? await vscode.window.withProgress(
            {
              location: vscode.ProgressLocation.Notification,
              title: displayText(`Retrying ${retryDataKeys.length} record(s) of "${this.ref.name}"`),
            },
            () => this.deps.client.jobs.follow(jobId, { timeoutMs: 10 * 60_000 }),
          )
        : undefined;
      await this.load();
      const summary = job ? `Retry ${job.status}: ${job.numSuccess ?? 0} succeeded, ${job.numError ?? 0} failed again.` : 'Retry started.';
      this.update({ message: summary });
      this.deps.log.info(`${this.ref.env.name}: ${summary}`);
      this.deps.onErrorsChanged(this.ref);
    } catch (err) {
      this.update({ busy: undefined, message: `Could not retry: ${describeError(err)}` });
    }
  }

  private async editRetryData(retryDataKey: string): Promise<void> {
    // Named for what it is: "<step> – <error code>" (the key when the account gives neither), beside this view.
    const error = this.current.errors.find((e) => e.retryDataKey === retryDataKey);
    const label = [this.ref.name, error?.code].filter(Boolean).join(' – ');
    const uri = retryDataUri({ envId: this.ref.env.id, flowId: this.ref.flowId, stepId: this.ref.stepId, retryDataKey, label });
    await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  }

  /** Shows the HTTP request and response behind an error under its row, as the web UI does. */
  private async showHttp(errorId: string): Promise<void> {
    const error = this.current.errors.find((e) => e.errorId === errorId);
    if (!error?.reqAndResKey) return void this.update({ exchange: { errorId, failure: 'This error has no HTTP request.' } });
    this.update({ exchange: { errorId, loading: true } });
    try {
      const { request, response } = await this.deps.client.errors.httpExchange(this.ref.flowId, this.ref.stepId, error.reqAndResKey);
      this.update({ exchange: { errorId, request, response } });
    } catch (err) {
      this.update({ exchange: { errorId, failure: `Could not load the HTTP request: ${describeError(err)}` } });
    }
  }
}
