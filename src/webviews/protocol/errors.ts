/** The errors view's state and the actions its page sends (shared by host and page). */
import type { ErrorRecord, HttpExchange } from '../../api/types';
import { ActionReader, field } from './envelope';

/** The HTTP exchange shown under one error's row: loading, loaded, or why it could not be. */
export interface ShownExchange {
  errorId: string;
  loading?: boolean;
  failure?: string;
  request?: HttpExchange['request'];
  response?: HttpExchange['response'];
}

export interface ErrorsState {
  title: string;
  subtitle: string;
  errors: ErrorRecord[];
  hasMore: boolean;
  busy?: string;
  message?: string;
  exchange?: ShownExchange;
}

export type ErrorsAction =
  | { type: 'resolve'; errorIds: string[] }
  | { type: 'retry'; retryDataKeys: string[] }
  | { type: 'editRetryData'; retryDataKey: string }
  | { type: 'showHttp'; errorId: string }
  | { type: 'hideHttp' }
  | { type: 'more' };

export const readErrorsAction: ActionReader<ErrorsAction> = (a) => {
  switch (a.type) {
    case 'resolve':
      return field.strings(a.errorIds) ? { type: 'resolve', errorIds: a.errorIds } : undefined;
    case 'retry':
      return field.strings(a.retryDataKeys) ? { type: 'retry', retryDataKeys: a.retryDataKeys } : undefined;
    case 'editRetryData':
      return field.string(a.retryDataKey, 200) ? { type: 'editRetryData', retryDataKey: a.retryDataKey } : undefined;
    case 'showHttp':
      return field.string(a.errorId, 200) ? { type: 'showHttp', errorId: a.errorId } : undefined;
    case 'hideHttp':
    case 'more':
      return { type: a.type };
    default:
      return undefined;
  }
};
