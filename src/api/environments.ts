/**
 * Where an integrator.io account lives: a region's base URL or a custom one (the local
 * sandbox, a proxy). Checks custom URLs so a token is never sent in clear text to a
 * remote host or to a URL that carries credentials of its own.
 */
import { IntegratorApiError } from './errors';

export type Region = 'na' | 'eu';

export const REGION_BASE_URLS: Readonly<Record<Region, string>> = {
  na: 'https://api.integrator.io/v1',
  eu: 'https://api.eu.integrator.io/v1',
};

export const REGION_LABELS: Readonly<Record<Region, string>> = {
  na: 'North America',
  eu: 'Europe',
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * The one way a base URL is resolved: a region's, or the custom one validated and normalised.
 * Undefined when neither is given (the local sandbox's is known only once it runs).
 */
export function baseUrlOf(target: { region?: Region; baseUrl?: string }): string | undefined {
  if (target.region) return REGION_BASE_URLS[target.region];
  return target.baseUrl === undefined ? undefined : normaliseBaseUrl(target.baseUrl);
}

/**
 * Validates and normalises a base URL (no trailing slash). Refuses anything but http(s),
 * URLs with user:password, query or fragment, and plain http to anything but loopback.
 */
export function normaliseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    // Not repeated: a value in the wrong place may be a token.
    throw refused('The API base URL is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw refused(`Only https:// URLs are allowed (got ${url.protocol}).`);
  }
  if (url.username || url.password) {
    throw refused('A base URL must not contain a user name or password; the API token is sent separately.');
  }
  if (url.search || url.hash) {
    throw refused('A base URL must not contain a query or fragment.');
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw refused(`Plain http:// is only allowed for this machine (localhost); use https:// for ${url.hostname}.`);
  }
  return url.toString().replace(/\/+$/, '');
}

function refused(message: string): IntegratorApiError {
  return new IntegratorApiError({
    status: 0,
    method: 'CONFIG',
    path: 'baseUrl',
    errors: [{ code: 'refused_url', message }],
  });
}
