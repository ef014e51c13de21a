/**
 * Validation the sandbox applies on create and update, collecting every problem at once (the
 * API answers several validation errors in one envelope). Rules follow the API reference:
 * required fields, case-sensitive enums, references that must exist, `pageProcessors` xor
 * `routers`, and the 6-field cron with a leading `?`.
 */
import { ErrorDetail } from './apiError';
import { asText, isObject, JsonObject } from './json';
import { Kind } from './kinds';
import { Store } from './store';

export const EXPORT_ADAPTOR_TYPES = [
  'HTTPExport',
  'RESTExport',
  'NetSuiteExport',
  'SalesforceExport',
  'RDBMSExport',
  'MongodbExport',
  'JDBCExport',
  'DynamodbExport',
  'FTPExport',
  'S3Export',
  'AS2Export',
  'VANExport',
  'WebhookExport',
  'SimpleExport',
  'WrapperExport',
  'FileSystemExport',
];

export const IMPORT_ADAPTOR_TYPES = [
  'HTTPImport',
  'RESTImport',
  'NetSuiteDistributedImport',
  'NetSuiteImport',
  'SalesforceImport',
  'RDBMSImport',
  'MongodbImport',
  'DynamodbImport',
  'JDBCImport',
  'FTPImport',
  'S3Import',
  'AS2Import',
  'VANImport',
  'FileSystemImport',
  'WrapperImport',
  'ToolImport',
  'AiAgentImport',
  'GuardrailImport',
];

export const EXPORT_TYPES = ['delta', 'once', 'test', 'webhook', 'distributed', 'tranlinedelta', 'simple', 'blob', 'stream'];

export const CONNECTION_TYPES = [
  'netsuite',
  'salesforce',
  'ftp',
  's3',
  'wrapper',
  'http',
  'rdbms',
  'mongodb',
  'as2',
  'filesystem',
  'mcp',
  'dynamodb',
  'jdbc',
  'van',
  'rest',
];

/** Exports that need no connection. */
const CONNECTIONLESS_EXPORTS = new Set(['WebhookExport', 'SimpleExport']);

/** Collects the errors of one document, with the checks every kind uses. */
class Checks {
  readonly errors: ErrorDetail[] = [];

  constructor(
    readonly doc: JsonObject,
    readonly store: Store,
  ) {}

  readonly need = (field: string, message = `\`${field}\` is required.`): void => {
    this.errors.push({ code: 'missing_required_field', message, field });
  };

  readonly invalid = (field: string, message: string): void => {
    this.errors.push({ code: 'invalid_field', message, field });
  };

  readonly ref = (field: string, target: Kind, id: unknown): void => {
    if (typeof id !== 'string' || !this.store.get(target, id)) {
      this.errors.push({ code: 'invalid_ref', message: `Invalid reference: ${field}`, field });
    }
  };

  required(field: string): void {
    if (!this.doc[field]) this.need(field);
  }

  maxLength(field: string, max: number): void {
    const value = this.doc[field];
    if (typeof value === 'string' && value.length > max) this.invalid(field, `\`${field}\` must be at most ${max} characters.`);
  }

  /** One of `allowed`, when given at all. */
  oneOf(field: string, allowed: readonly string[], message: string): void {
    const value = this.doc[field];
    if (value !== undefined && !allowed.includes(asText(value))) this.invalid(field, message);
  }
}

/** What the API checks per kind before it stores a document (kinds not listed: only `name`'s type). */
const VALIDATORS: Partial<Record<Kind, (c: Checks) => void>> = {
  integrations(c) {
    c.required('name');
    c.maxLength('name', 100);
    c.maxLength('description', 5120);
  },
  connections(c) {
    const { doc } = c;
    c.required('name');
    c.maxLength('name', 100);
    if (!doc.type) c.need('type');
    else c.oneOf('type', CONNECTION_TYPES, `\`type\` must be one of: ${CONNECTION_TYPES.join(', ')}.`);
    if (doc.type === 'http' && !isObject(doc.http)) c.need('http', '`http` is required when `type` is `http`.');
    if (doc.type === 'http' && isObject(doc.http) && !doc.http.baseURI) c.need('http.baseURI');
  },
  exports(c) {
    const { doc } = c;
    c.required('name');
    c.oneOf('adaptorType', EXPORT_ADAPTOR_TYPES, `\`adaptorType\` must be one of: ${EXPORT_ADAPTOR_TYPES.join(', ')} (case-sensitive).`);
    c.oneOf('type', EXPORT_TYPES, `\`type\` must be one of: ${EXPORT_TYPES.join(', ')}; leave it out to export all records.`);
    const connectionless = CONNECTIONLESS_EXPORTS.has(asText(doc.adaptorType ?? '')) || doc.type === 'webhook' || doc.type === 'simple';
    if (!connectionless) {
      if (!doc._connectionId) c.need('_connectionId');
      else c.ref('_connectionId', 'connections', doc._connectionId);
    }
    if (doc.type === 'test' && isObject(doc.test)) {
      const limit = doc.test.limit;
      if (limit !== undefined && (typeof limit !== 'number' || limit < 1 || limit > 100))
        c.invalid('test.limit', '`test.limit` must be between 1 and 100.');
    }
    validateHookScripts(doc, c.store, c.errors);
  },
  imports(c) {
    const { doc } = c;
    c.required('name');
    c.oneOf('adaptorType', IMPORT_ADAPTOR_TYPES, `\`adaptorType\` must be one of: ${IMPORT_ADAPTOR_TYPES.join(', ')} (case-sensitive).`);
    if (!doc._connectionId) c.need('_connectionId');
    else c.ref('_connectionId', 'connections', doc._connectionId);
    if (doc.mapping !== undefined && doc.mappings !== undefined) {
      c.invalid('mappings', 'Use either `mapping` (Mapper 1.0) or `mappings` (Mapper 2.0), not both.');
    }
    if (Array.isArray(doc.mappings)) validateMappings2(doc.mappings, 'mappings', c.errors);
    validateHookScripts(doc, c.store, c.errors);
  },
  flows(c) {
    validateFlow(c.doc, c.store, c.need, c.invalid, c.ref);
  },
  scripts(c) {
    c.required('name');
    c.maxLength('name', 100);
    c.maxLength('description', 1024);
    if (c.doc.content !== undefined && typeof c.doc.content !== 'string') c.invalid('content', '`content` must be a string of JavaScript.');
  },
  filedefinitions(c) {
    c.required('name');
  },
};

export function validate(kind: Kind, doc: JsonObject, store: Store): ErrorDetail[] {
  const checks = new Checks(doc, store);
  if (doc.name !== undefined && typeof doc.name !== 'string') checks.invalid('name', '`name` must be a string.');
  VALIDATORS[kind]?.(checks);
  return checks.errors;
}

function validateFlow(
  doc: JsonObject,
  store: Store,
  need: (field: string, message?: string) => void,
  invalid: (field: string, message: string) => void,
  ref: (field: string, target: Kind, id: unknown) => void,
): void {
  if (!doc.name) need('name');
  maxLengthOf(doc, 'name', 100, invalid);
  if (doc._integrationId !== undefined && doc._integrationId !== null) ref('_integrationId', 'integrations', doc._integrationId);
  if (doc.disabled !== undefined && typeof doc.disabled !== 'boolean') invalid('disabled', '`disabled` must be true or false.');
  if (doc.schedule !== undefined && doc.schedule !== null && doc.schedule !== '' && !isValidCron(asText(doc.schedule))) {
    invalid('schedule', 'Invalid cron expression: integrator.io uses 6 fields starting with "?" for seconds, e.g. "? 0 2 ? * *".');
  }
  if (doc.pageProcessors !== undefined && doc.routers !== undefined) {
    invalid('routers', '`pageProcessors` is not allowed when `routers` is present');
  }
  if (doc.pageGenerators !== undefined) {
    if (!Array.isArray(doc.pageGenerators)) invalid('pageGenerators', '`pageGenerators` must be an array.');
    else
      doc.pageGenerators.forEach((pg: unknown, i: number) => {
        const field = `pageGenerators[${i}]._exportId`;
        if (!isObject(pg) || !pg._exportId) need(field);
        else ref(field, 'exports', pg._exportId);
      });
  }
  const checkProcessors = (list: unknown, base: string) => {
    if (list === undefined) return;
    if (!Array.isArray(list)) return invalid(base, `\`${base}\` must be an array.`);
    list.forEach((pp: unknown, i: number) => {
      const at = `${base}[${i}]`;
      if (!isObject(pp)) return invalid(at, 'A page processor must be an object.');
      if (pp.type !== 'export' && pp.type !== 'import') return invalid(`${at}.type`, '`type` must be "export" or "import".');
      if (pp.type === 'export') {
        if (!pp._exportId) return need(`${at}._exportId`);
        ref(`${at}._exportId`, 'exports', pp._exportId);
        const lookup = store.get('exports', asText(pp._exportId));
        if (lookup && lookup.isLookup !== true) invalid(`${at}._exportId`, 'A page processor export must be a lookup (`isLookup: true`).');
      } else {
        if (!pp._importId) return need(`${at}._importId`);
        ref(`${at}._importId`, 'imports', pp._importId);
      }
    });
  };
  checkProcessors(doc.pageProcessors, 'pageProcessors');
  if (doc.routers !== undefined) {
    if (!Array.isArray(doc.routers)) invalid('routers', '`routers` must be an array.');
    else
      doc.routers.forEach((router: unknown, r: number) => {
        if (!isObject(router)) return invalid(`routers[${r}]`, 'A router must be an object.');
        const branches = router.branches;
        if (!Array.isArray(branches)) return need(`routers[${r}].branches`);
        branches.forEach((branch: unknown, b: number) => {
          if (isObject(branch)) checkProcessors(branch.pageProcessors, `routers[${r}].branches[${b}].pageProcessors`);
        });
      });
  }
}

function maxLengthOf(doc: JsonObject, field: string, max: number, invalid: (field: string, message: string) => void): void {
  const value = doc[field];
  if (typeof value === 'string' && value.length > max) invalid(field, `\`${field}\` must be at most ${max} characters.`);
}

function validateHookScripts(doc: JsonObject, store: Store, errors: ErrorDetail[]): void {
  if (!isObject(doc.hooks)) return;
  for (const [hook, value] of Object.entries(doc.hooks)) {
    if (isObject(value) && typeof value._scriptId === 'string' && !store.get('scripts', value._scriptId)) {
      errors.push({ code: 'invalid_ref', message: `Invalid reference: hooks.${hook}._scriptId`, field: `hooks.${hook}._scriptId` });
    }
  }
}

function validateMappings2(mappings: unknown[], base: string, errors: ErrorDetail[]): void {
  mappings.forEach((m, i) => {
    const at = `${base}[${i}]`;
    if (!isObject(m)) return;
    if (m.status === undefined)
      errors.push({ code: 'invalid_field', message: 'Mapping object must have status field present.', field: `${at}.status` });
    if (typeof m.generate === 'string' && m.generate.includes('.')) {
      errors.push({
        code: 'invalid_field',
        message: 'Mapper 2.0 `generate` does not take dot notation; nest `mappings` instead.',
        field: `${at}.generate`,
      });
    }
    if (Array.isArray(m.mappings)) validateMappings2(m.mappings, `${at}.mappings`, errors);
  });
}

/**
 * integrator.io's schedule: 6 space-separated fields (seconds, minutes, hours, day of month,
 * month, day of week) where the seconds field is `?`.
 */
export function isValidCron(expression: string): boolean {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 6 || fields[0] !== '?') return false;
  const ranges: [number, number][] = [
    [0, 59],
    [0, 23],
    [1, 31],
    [1, 12],
    [0, 7],
  ];
  return fields.slice(1).every((field, i) => isValidCronField(field, ranges[i]!));
}

function isValidCronField(field: string, [min, max]: [number, number]): boolean {
  if (field === '?' || field === '*') return true;
  return field.split(',').every((part) => {
    const match = /^(\*|\d+(?:-\d+)?)(?:\/(\d+))?$/.exec(part);
    if (!match) return /^[A-Za-z]{3}(-[A-Za-z]{3})?$/.test(part);
    const [, range, step] = match;
    if (step !== undefined && Number(step) < 1) return false;
    if (range === '*') return true;
    return range!.split('-').every((n) => Number(n) >= min && Number(n) <= max);
  });
}
