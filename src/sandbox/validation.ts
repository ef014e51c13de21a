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

export function validate(kind: Kind, doc: JsonObject, store: Store): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const need = (field: string, message = `\`${field}\` is required.`) => errors.push({ code: 'missing_required_field', message, field });
  const invalid = (field: string, message: string) => errors.push({ code: 'invalid_field', message, field });
  const ref = (field: string, target: Kind, id: unknown) => {
    if (typeof id !== 'string' || !store.get(target, id)) {
      errors.push({ code: 'invalid_ref', message: `Invalid reference: ${field}`, field });
    }
  };
  const maxLength = (field: string, max: number) => {
    const value = doc[field];
    if (typeof value === 'string' && value.length > max) invalid(field, `\`${field}\` must be at most ${max} characters.`);
  };

  if (doc.name !== undefined && typeof doc.name !== 'string') invalid('name', '`name` must be a string.');

  switch (kind) {
    case 'integrations':
      if (!doc.name) need('name');
      maxLength('name', 100);
      maxLength('description', 5120);
      break;

    case 'connections':
      if (!doc.name) need('name');
      maxLength('name', 100);
      if (!doc.type) need('type');
      else if (!CONNECTION_TYPES.includes(asText(doc.type))) invalid('type', `\`type\` must be one of: ${CONNECTION_TYPES.join(', ')}.`);
      if (doc.type === 'http' && !isObject(doc.http)) need('http', '`http` is required when `type` is `http`.');
      if (doc.type === 'http' && isObject(doc.http) && !doc.http.baseURI) need('http.baseURI');
      break;

    case 'exports': {
      if (!doc.name) need('name');
      const adaptorType = doc.adaptorType as string | undefined;
      if (adaptorType !== undefined && !EXPORT_ADAPTOR_TYPES.includes(adaptorType)) {
        invalid('adaptorType', `\`adaptorType\` must be one of: ${EXPORT_ADAPTOR_TYPES.join(', ')} (case-sensitive).`);
      }
      if (doc.type !== undefined && !EXPORT_TYPES.includes(asText(doc.type))) {
        invalid('type', `\`type\` must be one of: ${EXPORT_TYPES.join(', ')}; leave it out to export all records.`);
      }
      const connectionless = CONNECTIONLESS_EXPORTS.has(adaptorType ?? '') || doc.type === 'webhook' || doc.type === 'simple';
      if (!connectionless) {
        if (!doc._connectionId) need('_connectionId');
        else ref('_connectionId', 'connections', doc._connectionId);
      }
      if (doc.type === 'test' && isObject(doc.test)) {
        const limit = doc.test.limit;
        if (limit !== undefined && (typeof limit !== 'number' || limit < 1 || limit > 100))
          invalid('test.limit', '`test.limit` must be between 1 and 100.');
      }
      validateHookScripts(doc, store, errors);
      break;
    }

    case 'imports': {
      if (!doc.name) need('name');
      const adaptorType = doc.adaptorType as string | undefined;
      if (adaptorType !== undefined && !IMPORT_ADAPTOR_TYPES.includes(adaptorType)) {
        invalid('adaptorType', `\`adaptorType\` must be one of: ${IMPORT_ADAPTOR_TYPES.join(', ')} (case-sensitive).`);
      }
      if (!doc._connectionId) need('_connectionId');
      else ref('_connectionId', 'connections', doc._connectionId);
      if (doc.mapping !== undefined && doc.mappings !== undefined) {
        invalid('mappings', 'Use either `mapping` (Mapper 1.0) or `mappings` (Mapper 2.0), not both.');
      }
      if (Array.isArray(doc.mappings)) validateMappings2(doc.mappings, 'mappings', errors);
      validateHookScripts(doc, store, errors);
      break;
    }

    case 'flows':
      validateFlow(doc, store, need, invalid, ref);
      break;

    case 'scripts':
      if (!doc.name) need('name');
      maxLength('name', 100);
      maxLength('description', 1024);
      if (doc.content !== undefined && typeof doc.content !== 'string') invalid('content', '`content` must be a string of JavaScript.');
      break;

    case 'filedefinitions':
      if (!doc.name) need('name');
      break;

    default:
      break;
  }
  return errors;
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
