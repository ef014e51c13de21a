/**
 * The account's version of a pulled folder's file, for the diff editor and the gutter's quick diff:
 *
 *   integrator-io-account:/<file path>?<environment id>#<version>
 *
 * `version` counts the folder's plans: the gutter's quick diff asks for the original again when
 * the view's resources change, and a new URI is a new document read afresh. A change event on the
 * same URI alone left the gutter comparing with the account as it was before an apply.
 */
import { ACCOUNT_VERSION_SCHEME } from './schemes';
import { UriParts, uriParts } from './uriParts';

export interface AccountVersionRef {
  /** The path of the folder's file (a `file:` URI's path). */
  filePath: string;
  envId: string;
  version: number;
}

export function accountVersionUriParts({ filePath, envId, version }: AccountVersionRef): UriParts {
  return uriParts(ACCOUNT_VERSION_SCHEME, { path: filePath, query: envId, fragment: String(version) });
}

/** Which file, environment and plan an account version's URI names; undefined for anything else. */
export function parseAccountVersionUri(uri: UriParts): AccountVersionRef | undefined {
  if (uri.scheme !== ACCOUNT_VERSION_SCHEME || !uri.query || !/^\d{1,15}$/.test(uri.fragment)) return undefined;
  // A folder's files are named by normalized paths: a `..` or an empty step is no file of one.
  const steps = uri.path.split('/');
  if (steps[0] !== '' || steps.slice(1).some((s) => s === '' || s === '.' || s === '..')) return undefined;
  return { filePath: uri.path, envId: uri.query, version: Number(uri.fragment) };
}
