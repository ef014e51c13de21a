/** Turns any failure into a sentence a user can act on. */
import { IntegratorApiError } from '../api';

export function describeError(err: unknown): string {
  if (err instanceof IntegratorApiError) {
    if (err.isUnauthorized) return 'The API token was refused (401): it is wrong, expired or revoked, or belongs to the other region.';
    if (err.status === 403) return `Not allowed (403): ${err.userMessage}`;
    if (err.isNotFound) return `Not found (404): ${err.userMessage}`;
    if (err.code === 'timeout') return `The server did not answer in time. ${err.userMessage}`;
    if (err.code === 'network_error') return `The server could not be reached: ${err.userMessage}`;
    if (err.status === 429) return `The API is rate-limiting requests; try again in ${err.retryAfterSeconds ?? 'a few'} seconds.`;
    if (err.status >= 500) return `The server failed (${err.status}): ${err.userMessage}`;
    return err.userMessage || err.message;
  }
  return err instanceof Error ? err.message : String(err);
}
