/**
 * Error management 2.0: a flow step's open and resolved errors, resolving, retrying and the
 * retry data behind each error. `:stepId` is the step's `_exportId` or `_importId`. Lists page
 * with `nextPageURL` in the body.
 */
import { pathSegment } from './pathSegment';
import { collect, nextPageUrlPages, Page } from './paging';
import { CallOptions } from './resources';
import { Transport } from './transport';
import { ErrorRecord, HttpExchange, RetryData } from './types';

export interface ErrorQuery {
  occurredAt_gte?: string;
  occurredAt_lte?: string;
  source?: string | string[];
  classification?: string | string[];
  _flowJobId?: string;
}

export interface ResolvedErrorQuery {
  resolvedAt_gte?: string;
  resolvedAt_lte?: string;
  _flowJobId?: string;
}

/** Open-error counts per step of a flow. */
export interface FlowErrorSummary {
  flowErrors: { _expOrImpId: string; numError: number; lastErrorAt?: string }[];
}

/** Open-error counts per flow of an integration. */
export type IntegrationErrorSummary = { _flowId: string; numError: number; lastErrorAt?: string }[];

export class ErrorsApi {
  constructor(private readonly transport: Transport) {}

  /** Open errors of a step, page by page. */
  list(flowId: string, stepId: string, query: ErrorQuery = {}, options: CallOptions = {}): AsyncGenerator<ErrorRecord[]> {
    return nextPageUrlPages<ErrorRecord>(this.transport, this.stepPath(flowId, stepId, 'errors'), 'errors', { ...query }, options);
  }

  listAll(flowId: string, stepId: string, query: ErrorQuery = {}, options: CallOptions = {}): Promise<ErrorRecord[]> {
    return collect(this.list(flowId, stepId, query, options));
  }

  /**
   * One page of a step's open errors, with the `nextPageURL` of the next page when there is one;
   * pass that back as `next` for the page after.
   */
  async page(flowId: string, stepId: string, next?: string, options: CallOptions = {}): Promise<Page<ErrorRecord>> {
    const path = next ?? this.stepPath(flowId, stepId, 'errors');
    const body = (
      await this.transport.request<{ errors?: ErrorRecord[]; nextPageURL?: string } | undefined>({ path, signal: options.signal })
    ).body;
    const items = Array.isArray(body?.errors) ? body.errors : [];
    return body?.nextPageURL ? { items, next: body.nextPageURL } : { items };
  }

  /** Resolved errors of a step, page by page. */
  listResolved(flowId: string, stepId: string, query: ResolvedErrorQuery = {}, options: CallOptions = {}): AsyncGenerator<ErrorRecord[]> {
    return nextPageUrlPages<ErrorRecord>(this.transport, this.stepPath(flowId, stepId, 'resolved'), 'resolved', { ...query }, options);
  }

  /** Marks errors resolved by `errorId`. */
  async resolve(flowId: string, stepId: string, errorIds: string[], options: CallOptions = {}): Promise<void> {
    await this.transport.request({
      method: 'PUT',
      path: this.stepPath(flowId, stepId, 'resolved'),
      body: { errors: errorIds },
      signal: options.signal,
    });
  }

  /** Retries errors by `retryDataKey`; the retry runs as a job of type `retry`. Never sent twice. */
  async retry(
    flowId: string,
    stepId: string,
    retryDataKeys: string[],
    options: CallOptions = {},
  ): Promise<{ _jobId?: string } | undefined> {
    const response = await this.transport.request<{ _jobId?: string } | undefined>({
      method: 'POST',
      path: this.stepPath(flowId, stepId, 'retry'),
      body: { retryDataKeys },
      signal: options.signal,
    });
    return response.body;
  }

  async getRetryData(flowId: string, stepId: string, retryDataKey: string, options: CallOptions = {}): Promise<RetryData> {
    return (
      await this.transport.request<RetryData>({
        path: this.stepPath(flowId, stepId, pathSegment(retryDataKey), 'data'),
        signal: options.signal,
      })
    ).body;
  }

  /** Replaces the retry data (send the whole object back with `data` edited). */
  async updateRetryData(
    flowId: string,
    stepId: string,
    retryDataKey: string,
    retryData: RetryData,
    options: CallOptions = {},
  ): Promise<RetryData | undefined> {
    const path = this.stepPath(flowId, stepId, pathSegment(retryDataKey), 'data');
    return (await this.transport.request<RetryData | undefined>({ method: 'PUT', path, body: retryData, signal: options.signal })).body;
  }

  /** The HTTP request and response behind an error, by its `reqAndResKey`. */
  async httpExchange(flowId: string, stepId: string, reqAndResKey: string, options: CallOptions = {}): Promise<HttpExchange> {
    const path = this.stepPath(flowId, stepId, 'requests', pathSegment(reqAndResKey));
    return (await this.transport.request<HttpExchange>({ path, signal: options.signal })).body;
  }

  async flowSummary(flowId: string, options: CallOptions = {}): Promise<FlowErrorSummary> {
    const body = (
      await this.transport.request<FlowErrorSummary | undefined>({
        path: `/flows/${pathSegment(flowId)}/errors`,
        signal: options.signal,
      })
    ).body;
    return body ?? { flowErrors: [] };
  }

  async integrationSummary(integrationId: string, options: CallOptions = {}): Promise<IntegrationErrorSummary> {
    const path = `/integrations/${pathSegment(integrationId)}/errors`;
    return (await this.transport.request<IntegrationErrorSummary | undefined>({ path, signal: options.signal })).body ?? [];
  }

  private stepPath(flowId: string, stepId: string, ...rest: string[]): string {
    return [`/flows`, pathSegment(flowId), pathSegment(stepId), ...rest].join('/');
  }
}
