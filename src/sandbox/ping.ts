/**
 * How the sandbox decides whether a connection "works", since it cannot reach the real
 * application. Deterministic rules, so demos and tests know what to expect:
 * - a credential whose value starts with `expired` or `invalid` is rejected (401);
 * - a host ending in `.invalid` cannot be found;
 * - an HTTP connection without a base URI cannot be pinged;
 * everything else answers healthy.
 */
import { asText, getPath, isObject, JsonObject } from './json';
import { SECRET_PATHS } from './kinds';

export type PingOutcome = { ok: true } | { ok: false; code: number | string; message: string };

export function pingConnection(connection: JsonObject): PingOutcome {
  const type = asText(connection.type);
  const block = isObject(connection[type]) ? connection[type] : {};
  const baseURI = typeof block.baseURI === 'string' ? block.baseURI : typeof block.hostURI === 'string' ? block.hostURI : undefined;
  const host = hostOf(baseURI ?? (typeof block.host === 'string' ? block.host : undefined));

  if ((type === 'http' || type === 'rest') && !baseURI) {
    return { ok: false, code: 400, message: 'Base URI is required to ping this connection.' };
  }
  if (host?.endsWith('.invalid')) {
    return { ok: false, code: 'ENOTFOUND', message: `getaddrinfo ENOTFOUND ${host}` };
  }
  for (const path of SECRET_PATHS.connections ?? []) {
    const value = getPath(connection, path);
    if (typeof value === 'string' && /^(expired|invalid)/i.test(value)) {
      const where = host ?? type;
      return {
        ok: false,
        code: 401,
        message: `Authentication failed: ${where} rejected the credentials (401 Unauthorized). Update the connection's credentials and try again.`,
      };
    }
  }
  return { ok: true };
}

function hostOf(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  try {
    return new URL(uri.includes('://') ? uri : `https://${uri}`).hostname;
  } catch {
    return undefined;
  }
}
