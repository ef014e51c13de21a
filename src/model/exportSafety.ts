/**
 * Does running this export only read? An export run as a preview (a virtual export through its
 * connection) performs what the export says against the source application: an HTTP export's
 * method and path, a database export's query as written, a file export's delete or move after
 * reading. A try (an agent's preview, an agent's run of a hook) must never send what may write,
 * so this is an allow-list of what can only read, not a list of what is known to write:
 *
 *   HTTPExport, RESTExport   method GET (absent means GET)
 *   NetSuiteExport           a search (web services or the integrator.io RESTlet, without
 *                            SuiteScript hooks of its own)
 *   SalesforceExport         a SOQL query (SOQL selects; it cannot change records)
 *   export type              all (absent), delta or test: `once` marks each record read as
 *                            exported, a write back to the application
 *
 * Anything else is refused with the reason: SQL, MongoDB and DynamoDB queries are run as
 * written; FTP, S3 and file-system exports may delete or move the files they read; wrappers run
 * their own code; an unknown kind is not known to read.
 */
import { isJsonObject, JsonObject } from '../api/types';
import { quotedName } from './accountText';

export type ExportSafety = { readsOnly: true } | { readsOnly: false; reason: string };

/** The adaptor block each kind that may be run reads its request from. */
const BLOCK_OF: Readonly<Record<string, string>> = {
  HTTPExport: 'http',
  RESTExport: 'rest',
  NetSuiteExport: 'netsuite',
  SalesforceExport: 'salesforce',
  RDBMSExport: 'rdbms',
  JDBCExport: 'jdbc',
  MongodbExport: 'mongodb',
  DynamodbExport: 'dynamodb',
  FTPExport: 'ftp',
  S3Export: 's3',
  FileSystemExport: 'filesystem',
  AS2Export: 'as2',
  VANExport: 'van',
  WrapperExport: 'wrapper',
  SimpleExport: 'simple',
};

/** Why the kinds that are not allowed may write: said to the user, so the refusal explains itself. */
const WHY_NOT: Readonly<Record<string, string>> = {
  RDBMSExport: 'a SQL export runs its query as written, and SQL can change data',
  JDBCExport: 'a JDBC export runs its query as written, and SQL can change data',
  MongodbExport: 'a MongoDB export runs its query as written; it is not checked to only read',
  DynamodbExport: 'a DynamoDB export runs its query as written; it is not checked to only read',
  FTPExport: 'an FTP export may delete or move the files it reads',
  S3Export: 'an S3 export may delete or move the files it reads',
  FileSystemExport: 'a file-system export may delete or move the files it reads',
  WrapperExport: "a wrapper export runs the wrapper's own code",
};

const READING_TYPES: readonly (string | undefined)[] = [undefined, 'all', 'delta', 'test'];

const refused = (reason: string): ExportSafety => ({ readsOnly: false, reason });
/** Account text in a reason: quoted on one line and short, so it cannot restate the sentence around it. */
const quoted = (text: string) => quotedName(text.slice(0, 40));

/** The export's kind: its adaptorType, or for an older export without one, its only adaptor block. */
function kindOf(doc: JsonObject): string | undefined {
  if (typeof doc.adaptorType === 'string') return doc.adaptorType;
  const kinds = Object.entries(BLOCK_OF).filter(([, block]) => isJsonObject(doc[block]));
  return kinds.length === 1 ? kinds[0]![0] : undefined;
}

/** Whether running `doc` as a preview can only read the source application; when not, why. */
export function exportReadsOnly(doc: JsonObject): ExportSafety {
  const kind = kindOf(doc);
  if (!kind) return refused('its kind (adaptorType) is not stated, so what it runs is not known');
  const type = doc.type === undefined || doc.type === null ? undefined : JSON.stringify(doc.type).replace(/^"|"$/g, '');
  if (type === 'once') return refused('a "once" export marks each record it reads as exported, a write back to the application');
  if (!READING_TYPES.includes(type)) return refused(`its type ${quoted(String(type))} is not one known to only read`);
  const block = BLOCK_OF[kind];
  // The application is told what to do by the kind's block; another kind's block beside it
  // (an HTTP export that also holds an rdbms query) leaves open which one is run.
  const others = Object.values(BLOCK_OF).filter((b) => b !== block && doc[b] !== undefined && doc[b] !== null);
  if (block && others.length) return refused(`it holds a "${others[0]}" block besides its ${kind} one`);
  switch (kind) {
    case 'HTTPExport':
    case 'RESTExport':
      return methodOf(doc[block!]);
    case 'NetSuiteExport':
      return netSuiteSearch(doc.netsuite);
    case 'SalesforceExport':
      return isJsonObject(doc.salesforce) && doc.salesforce.type === 'soql'
        ? { readsOnly: true }
        : refused('only a Salesforce SOQL export is known to only read');
    default:
      return refused(WHY_NOT[kind] ?? `its kind ${quoted(kind)} is not one known to only read`);
  }
}

function methodOf(block: unknown): ExportSafety {
  const method = isJsonObject(block) ? block.method : undefined;
  if (method === undefined || method === null) return { readsOnly: true };
  if (typeof method === 'string' && method.toUpperCase() === 'GET') return { readsOnly: true };
  return refused(
    `its HTTP method is ${quoted(typeof method === 'string' ? method : JSON.stringify(method))}, and only GET is known to only read`,
  );
}

function netSuiteSearch(block: unknown): ExportSafety {
  if (!isJsonObject(block)) return refused('it holds no NetSuite search');
  if (block.type === 'search') return { readsOnly: true };
  // The RESTlet runs the saved search; SuiteScript hooks of its own would run in NetSuite.
  if (block.type === 'restlet' && !(isJsonObject(block.restlet) && block.restlet.hooks)) return { readsOnly: true };
  return refused('only a NetSuite search (without SuiteScript hooks) is known to only read');
}

/**
 * The export as a try sends it: without what integrator.io would run of the account's code on its
 * side during the run (the export's hooks, a script transform or filter), since that code may call
 * the API or the application and write. What it reads is then the application's records before
 * those scripts, which is what a hook's own sample should be. `dropped` names what was left out.
 */
export function withoutServerScripts(doc: JsonObject): { doc: JsonObject; dropped: string[] } {
  const copy: JsonObject = { ...doc };
  const dropped: string[] = [];
  if (copy.hooks !== undefined) {
    delete copy.hooks;
    dropped.push('hooks');
  }
  for (const key of ['transform', 'filter'] as const) {
    const part = copy[key];
    if (isJsonObject(part) && (part.type === 'script' || part.script !== undefined)) {
      delete copy[key];
      dropped.push(`${key} script`);
    }
  }
  return { doc: copy, dropped };
}
