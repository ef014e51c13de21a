/**
 * The resource kinds the sandbox serves under `/<plural>`, and what differs between them:
 * which fields hold secrets (masked on read), which JSON Patch paths are allowed.
 */

export const SANDBOX_KINDS = [
  'integrations',
  'flows',
  'exports',
  'imports',
  'connections',
  'scripts',
  'filedefinitions',
  'apis',
  'accesstokens',
] as const;

export type Kind = (typeof SANDBOX_KINDS)[number];

/** Audit entries name resources in the singular. */
export const SINGULAR: Record<Kind, string> = {
  integrations: 'integration',
  flows: 'flow',
  exports: 'export',
  imports: 'import',
  connections: 'connection',
  scripts: 'script',
  filedefinitions: 'filedefinition',
  apis: 'api',
  accesstokens: 'accesstoken',
};

export const SECRET_MASK = '******';

/**
 * Fields the API never returns in clear text: the one list the sandbox masks on read and keeps
 * on write. From the API reference and recorded real payloads; the JSON schemas mark the same
 * fields `writeOnly`, and a unit test keeps the two equal.
 */
export const SECRET_PATHS: Partial<Record<Kind, readonly string[]>> = {
  connections: [
    'rest.bearerToken',
    'rest.password',
    'rest.refreshToken',
    'http.auth.token.token',
    'http.auth.token.refreshToken',
    'http.auth.basic.password',
    'http.auth.oauth.clientSecret',
    'http.encrypted',
    'netsuite.password',
    'netsuite.tokenSecret',
    'salesforce.bearerToken',
    'salesforce.refreshToken',
    'wrapper.encrypted',
    'ftp.password',
    'ftp.pgpEncryptKey',
    's3.secretKey',
    'rdbms.password',
    'mongodb.password',
    'jdbc.password',
  ],
  exports: ['webhook.key', 'webhook.token', 'webhook.password', 'distributed.bearerToken'],
  accesstokens: ['token'],
};

/** Paths (JSON Pointer, first segment or whole) each kind accepts in PATCH. */
export const PATCH_WHITELIST: Partial<Record<Kind, readonly string[]>> = {
  flows: [
    '/name',
    '/description',
    '/schedule',
    '/timezone',
    '/disabled',
    '/runPageGeneratorsInParallel',
    '/aliases',
    '/pageGenerators',
    '/routers',
  ],
  exports: ['/assistantMetadata', '/netsuite/distributed/disabled', '/salesforce/distributed/disabled', '/debugUntil'],
  imports: ['/assistantMetadata', '/debugUntil'],
  connections: ['/debugDate'],
  scripts: ['/debugUntil'],
  accesstokens: ['/revoked'],
};

/** Kinds whose `adaptorType` the server works out when a client leaves it out. */
export const ADAPTOR_SUFFIX: Partial<Record<Kind, string>> = { exports: 'Export', imports: 'Import' };

/** The adaptorType prefix for a connection type (`http` → `HTTP`). */
export const ADAPTOR_PREFIX: Record<string, string> = {
  http: 'HTTP',
  rest: 'REST',
  netsuite: 'NetSuite',
  salesforce: 'Salesforce',
  rdbms: 'RDBMS',
  mongodb: 'Mongodb',
  jdbc: 'JDBC',
  dynamodb: 'Dynamodb',
  ftp: 'FTP',
  s3: 'S3',
  as2: 'AS2',
  van: 'VAN',
  wrapper: 'Wrapper',
  filesystem: 'FileSystem',
};
