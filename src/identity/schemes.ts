/**
 * The URI schemes of the extension, apart from the files that build and parse them so that
 * activation can register providers for them without loading anything else.
 */

/** A resource's document, read and written through the API: `integrator-io://<environment id>/…`. */
export const RESOURCE_SCHEME = 'integrator-io';
/** Read-only copies of the server's version, for diffs. */
export const REMOTE_SCHEME = 'integrator-io-remote';
/** Retry data documents: `integrator-io-retry://<environment id>/<flow id>/<step id>/<retryDataKey>/<step – code>.retrydata.json`. */
export const RETRY_DATA_SCHEME = 'integrator-io-retry';
/** Audit diff sides: `integrator-io-audit://<env>/<kind>/<resource id>/<entry id>/<field path>/before.json` (or `after.json`). */
export const AUDIT_SCHEME = 'integrator-io-audit';
/** The account's version of a pulled folder's file: `integrator-io-account:/<file path>?<environment id>#<version>`. */
export const ACCOUNT_VERSION_SCHEME = 'integrator-io-account';
/** Explorer rows' marks, read back from the URI: `integrator-io-row:/<row id>?errors=3`. */
export const ROW_SCHEME = 'integrator-io-row';
