/**
 * Which adaptorType an export or import can have, given the type of the connection it uses:
 * what the editor suggests first, so an HTTP connection's export is offered HTTPExport rather
 * than the whole list.
 */
const FAMILY: Readonly<Record<string, string[]>> = {
  http: ['HTTP'],
  rest: ['REST', 'HTTP'],
  netsuite: ['NetSuite'],
  salesforce: ['Salesforce'],
  rdbms: ['RDBMS'],
  mongodb: ['Mongodb'],
  jdbc: ['JDBC'],
  dynamodb: ['Dynamodb'],
  ftp: ['FTP'],
  s3: ['S3'],
  as2: ['AS2'],
  van: ['VAN'],
  wrapper: ['Wrapper'],
  filesystem: ['FileSystem'],
};

/** Adaptor types that fit a connection type, best first; empty when the type is unknown. */
export function adaptorTypesFor(connectionType: string, kind: 'exports' | 'imports'): string[] {
  const suffix = kind === 'exports' ? 'Export' : 'Import';
  return (FAMILY[connectionType] ?? []).flatMap((family) =>
    // NetSuite imports: the SuiteApp (distributed) import is today's; web services the older one.
    family === 'NetSuite' && kind === 'imports' ? ['NetSuiteDistributedImport', 'NetSuiteImport'] : [`${family}${suffix}`],
  );
}
