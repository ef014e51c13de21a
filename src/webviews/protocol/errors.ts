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

/**
 * The action as far as it names errors the view shows: a page message is checked like any other
 * input, and one naming an error the list does not hold (forged, or the list has since changed)
 * must not resolve, retry or open it. Ids not shown are dropped; undefined when nothing is left
 * of a selection that named some, so that no empty action is taken either.
 */
export function onShownErrors(action: ErrorsAction, state: Pick<ErrorsState, 'errors'>): ErrorsAction | undefined {
  const errorIds = new Set(state.errors.map((e) => e.errorId));
  const retryDataKeys = new Set(state.errors.flatMap((e) => (e.retryDataKey ? [e.retryDataKey] : [])));
  const kept = (ids: string[], shown: Set<string>) => {
    const known = ids.filter((id) => shown.has(id));
    return ids.length && !known.length ? undefined : known;
  };
  switch (action.type) {
    case 'resolve': {
      const ids = kept(action.errorIds, errorIds);
      return ids && { type: 'resolve', errorIds: ids };
    }
    case 'retry': {
      const keys = kept(action.retryDataKeys, retryDataKeys);
      return keys && { type: 'retry', retryDataKeys: keys };
    }
    case 'editRetryData':
      return retryDataKeys.has(action.retryDataKey) ? action : undefined;
    case 'showHttp':
      return errorIds.has(action.errorId) ? action : undefined;
    default:
      return action;
  }
}
