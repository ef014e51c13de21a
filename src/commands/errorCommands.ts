/** "Show Errors" of a flow step: list, resolve, retry (followed like a run), fix retry data. */
import * as vscode from 'vscode';
import { IntegratorClient } from '../api';
import { retryDataUri } from '../documents/retryDataFileSystem';
import { EnvironmentInfo } from '../environments/environment';
import { confirmProductionChange } from '../environments/productionGuard';
import { StepNode } from '../explorer/nodes/resourceNodes';
import { describeError } from '../util/errors';
import { ErrorsState, ErrorsView } from '../webviews/errorsView';
import { CommandDefinition, Services } from './services';
import { displayText } from '../util/displayText';

interface StepRef {
  env: EnvironmentInfo;
  flowId: string;
  stepId: string;
  name: string;
}

/** A flow step named by id through the extension's API; a class instance, which a link cannot pass. */
export class ChosenStep {
  constructor(
    readonly envId: string,
    readonly flowId: string,
    readonly stepId: string,
    readonly name?: string,
  ) {}
}

/** The step a command acts on: a step row of the tree, or one the extension's API named. */
function stepRef(services: Services, arg: unknown): StepRef | undefined {
  if (arg instanceof StepNode) return { env: arg.env, flowId: arg.step.flowId, stepId: arg.resourceId, name: arg.name ?? arg.resourceId };
  if (arg instanceof ChosenStep) {
    const env = services.environments.get(arg.envId);
    return env ? { env, flowId: arg.flowId, stepId: arg.stepId, name: arg.name ?? arg.stepId } : undefined;
  }
  return undefined;
}

/** Opens the errors view of a step; resolves with what it shows once loaded. */
export const showErrorsCommand: CommandDefinition = {
  id: 'integratorIo.showErrors',
  async run(services, arg?: unknown) {
    const ref = stepRef(services, arg);
    if (!ref) {
      void services.notify.info('Pick a flow step with errors in the integrator.io explorer.');
      return undefined;
    }
    const client = await services.environments.client(ref.env);
    const controller = new ErrorsController(services, client, ref);
    return controller.open();
  },
};

/**
 * For the extension's API (tests), not a command: resolves or retries errors of a step by id
 * (`{ resolve: [errorIds] }`, `{ retry: [retryDataKeys] }`) or loads more (`{ more: true }`), as
 * the view's buttons do; returns what the view then shows.
 */
export async function errorsViewAction(
  services: Services,
  step: ChosenStep,
  a: { resolve?: string[]; retry?: string[]; more?: boolean },
): Promise<ErrorsState | undefined> {
  const ref = stepRef(services, step);
  const view = ref && ErrorsView.reveal<ErrorsView>(viewKey(ref));
  if (!ref || !view) return undefined;
  const controller = ErrorsController.of(viewKey(ref)) ?? new ErrorsController(services, await services.environments.client(ref.env), ref);
  if (a.resolve) await controller.resolve(a.resolve);
  if (a.retry) await controller.retry(a.retry);
  if (a.more) await controller.more();
  return view.current;
}

function viewKey(ref: StepRef): string {
  return `errors:${ref.env.id}:${ref.flowId}:${ref.stepId}`;
}

class ErrorsController {
  private static readonly byView = new Map<string, ErrorsController>();
  private view: ErrorsView | undefined;

  /** The controller behind an open errors view (it holds the view's next-page URL). */
  static of(key: string): ErrorsController | undefined {
    return ErrorsController.byView.get(key);
  }

  constructor(
    private readonly services: Services,
    private readonly client: IntegratorClient,
    private readonly ref: StepRef,
  ) {}

  async open(): Promise<ErrorsState> {
    this.view = ErrorsView.open(
      viewKey(this.ref),
      `Errors: ${this.ref.name}`,
      `Open errors of this step in ${this.ref.env.name}`,
      this.services.context.extensionUri,
      {
        reload: () => this.load(),
        more: () => this.more(),
        resolve: (ids) => this.resolve(ids),
        retry: (keys) => this.retry(keys),
        editRetryData: (key) => this.editRetryData(key),
        showHttp: (errorId) => this.showHttp(errorId),
      },
    );
    ErrorsController.byView.set(viewKey(this.ref), this);
    await this.load();
    return this.view.current;
  }

  private get currentView(): ErrorsView {
    this.view ??= ErrorsView.reveal<ErrorsView>(viewKey(this.ref));
    if (!this.view) throw new Error('The errors view is closed.');
    return this.view;
  }

  async load(): Promise<void> {
    const page = await this.client.errors.page(this.ref.flowId, this.ref.stepId);
    this.next = page.next;
    this.currentView.show({ errors: page.items, hasMore: page.next !== undefined, busy: undefined });
  }

  /** The next page's URL (`nextPageURL`), kept as the API gave it. */
  private next: string | undefined;

  async more(): Promise<void> {
    if (!this.next) return;
    const page = await this.client.errors.page(this.ref.flowId, this.ref.stepId, this.next);
    this.next = page.next;
    this.currentView.show({ errors: [...this.currentView.current.errors, ...page.items], hasMore: page.next !== undefined });
  }

  /** Resolving and retrying change the account: in production they ask first, as saves do. */
  private confirm(action: 'resolve' | 'retry', count: number): Promise<boolean> {
    const what = `${count} error${count === 1 ? '' : 's'} of step "${this.ref.name}"`;
    return confirmProductionChange(this.ref.env, { action, what });
  }

  async resolve(errorIds: string[]): Promise<void> {
    if (!errorIds.length) return void this.services.notify.info('Select the errors to resolve first.');
    if (!(await this.confirm('resolve', errorIds.length))) return;
    this.currentView.show({ busy: `Resolving ${errorIds.length}…` });
    try {
      await this.client.errors.resolve(this.ref.flowId, this.ref.stepId, errorIds);
      this.services.log.info(`${this.ref.env.name}: resolved ${errorIds.length} error(s) of "${this.ref.name}".`);
      await this.load();
      this.currentView.show({ message: `Resolved ${errorIds.length}.` });
      this.refreshTree();
    } catch (err) {
      this.currentView.show({ busy: undefined, message: `Could not resolve: ${describeError(err)}` });
    }
  }

  /** Retries, then follows the retry job like a run and reloads the list. */
  async retry(retryDataKeys: string[]): Promise<void> {
    if (!retryDataKeys.length) return void this.services.notify.info('Select the errors to retry first.');
    if (!(await this.confirm('retry', retryDataKeys.length))) return;
    this.currentView.show({ busy: `Retrying ${retryDataKeys.length}…` });
    try {
      const started = await this.client.errors.retry(this.ref.flowId, this.ref.stepId, retryDataKeys);
      const jobId = started?._jobId;
      const job = jobId
        ? await vscode.window.withProgress(
            {
              location: vscode.ProgressLocation.Notification,
              title: displayText(`Retrying ${retryDataKeys.length} record(s) of "${this.ref.name}"`),
            },
            () => this.client.jobs.follow(jobId, { timeoutMs: 10 * 60_000 }),
          )
        : undefined;
      await this.load();
      const summary = job ? `Retry ${job.status}: ${job.numSuccess ?? 0} succeeded, ${job.numError ?? 0} failed again.` : 'Retry started.';
      this.currentView.show({ message: summary });
      this.services.log.info(`${this.ref.env.name}: ${summary}`);
      this.refreshTree();
    } catch (err) {
      this.currentView.show({ busy: undefined, message: `Could not retry: ${describeError(err)}` });
    }
  }

  async editRetryData(retryDataKey: string): Promise<void> {
    const uri = retryDataUri(this.ref.env.id, this.ref.flowId, this.ref.stepId, retryDataKey);
    await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  }

  /** Shows the HTTP request and response behind an error under its row, as the web UI does. */
  async showHttp(errorId: string): Promise<void> {
    const error = this.currentView.current.errors.find((e) => e.errorId === errorId);
    if (!error?.reqAndResKey) return void this.currentView.show({ exchange: { errorId, failure: 'This error has no HTTP request.' } });
    this.currentView.show({ exchange: { errorId, loading: true } });
    try {
      const { request, response } = await this.client.errors.httpExchange(this.ref.flowId, this.ref.stepId, error.reqAndResKey);
      this.currentView.show({ exchange: { errorId, request, response } });
    } catch (err) {
      this.currentView.show({ exchange: { errorId, failure: `Could not load the HTTP request: ${describeError(err)}` } });
    }
  }

  private refreshTree(): void {
    for (const node of this.services.explorer.loadedResources()) {
      if (node.id.includes(this.ref.flowId)) this.services.explorer.refresh(node);
    }
  }
}
