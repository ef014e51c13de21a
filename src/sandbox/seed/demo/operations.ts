/** Integration 3, Operations & Alerts: file flows (SFTP, S3), listeners and webhooks, and a heartbeat. */
import { SeedBuilder } from '../builder';
import { DemoConnections } from './connections';
import { DemoScripts } from './scriptsAndFiles';

export function addOperationsIntegration(
  b: SeedBuilder,
  { netsuite, sftp, s3, slack, zendesk }: DemoConnections,
  { bankFormat }: DemoScripts,
) {
  const ops = b.add(
    'integrations',
    {
      name: 'Operations & Alerts',
      description: 'Treasury files, support tickets and archives.',
      _registeredConnectionIds: [sftp._id, zendesk._id, slack._id, s3._id],
    },
    60,
  );
  const getStatements = b.add(
    'exports',
    {
      name: 'SFTP - Bank Statements',
      _connectionId: sftp._id,
      adaptorType: 'FTPExport',
      ftp: { directoryPath: '/outbound/statements', fileNameStartsWith: 'STMT_', fileNameEndsWith: '.txt' },
      file: { type: 'filedefinition', output: 'records', fileDefinition: { _fileDefinitionId: bankFormat._id } },
    },
    59,
  );
  const bankDeposits = b.add(
    'imports',
    {
      name: 'NetSuite - Bank Deposits',
      _connectionId: netsuite._id,
      adaptorType: 'NetSuiteDistributedImport',
      netsuite_da: { operation: 'add', recordType: 'deposit' },
      mapping: {
        fields: [
          { extract: 'date', generate: 'trandate', dataType: 'date' },
          { extract: 'amount', generate: 'total', dataType: 'number' },
          { extract: 'reference', generate: 'memo' },
        ],
      },
    },
    59,
  );
  b.add(
    'flows',
    {
      name: 'SFTP Bank Statements to NetSuite',
      _integrationId: ops._id,
      disabled: false,
      schedule: '? 0 6 ? * 1-5',
      timezone: 'Europe/London',
      pageGenerators: [{ _exportId: getStatements._id }],
      pageProcessors: [{ type: 'import', _importId: bankDeposits._id }],
    },
    58,
  );

  const ticketWebhook = b.add(
    'exports',
    {
      name: 'Zendesk - Ticket Webhook',
      adaptorType: 'WebhookExport',
      type: 'webhook',
      webhook: { provider: 'custom', verify: 'token', token: 'zendesk-webhook-demo-secret', path: 'ticket.id' },
    },
    30,
  );
  const urgentToSlack = b.add(
    'imports',
    {
      name: 'Slack - Urgent Ticket Alert',
      _connectionId: slack._id,
      adaptorType: 'RESTImport',
      rest: { relativeURI: ['/chat.postMessage'], method: ['POST'] },
      mapping: {
        fields: [
          { generate: 'channel', hardCodedValue: '#support-urgent' },
          { extract: 'Urgent ticket #{id}: {subject}', generate: 'text' },
        ],
      },
    },
    30,
  );
  const ticketsToS3 = b.add(
    'imports',
    {
      name: 'S3 - Archive Tickets',
      _connectionId: s3._id,
      adaptorType: 'S3Import',
      s3: { region: 'us-east-1', bucket: 'acme-support-archive', fileKey: 'tickets/{{timestamp "YYYY/MM/DD"}}/{{id}}.json' },
      file: { type: 'json' },
    },
    30,
  );
  b.add(
    'flows',
    {
      name: 'Zendesk Tickets Router',
      _integrationId: ops._id,
      disabled: false,
      pageGenerators: [{ _exportId: ticketWebhook._id }],
      routers: [
        {
          id: 'priority',
          name: 'By priority',
          routeRecordsTo: 'first_matching_branch',
          routeRecordsUsing: 'input_filters',
          branches: [
            {
              name: 'Urgent',
              description: 'Urgent tickets alert the on-call channel.',
              inputFilter: {
                type: 'expression',
                expression: { version: '1', rules: ['equals', ['string', ['extract', 'priority']], 'urgent'] },
              },
              pageProcessors: [{ type: 'import', _importId: urgentToSlack._id }],
            },
            { name: 'Everything else', pageProcessors: [{ type: 'import', _importId: ticketsToS3._id }] },
          ],
        },
      ],
    },
    29,
  );

  const githubListener = b.add(
    'exports',
    {
      name: 'GitHub Event Listener',
      adaptorType: 'WebhookExport',
      type: 'webhook',
      hooks: { preSavePage: { _stackId: null, function: null } },
      webhook: { provider: 'github', key: 'github-webhook-demo-key' },
    },
    200,
  );
  const slackHeartbeat = b.add(
    'imports',
    {
      name: 'Slack - Post GitHub Event',
      _connectionId: slack._id,
      adaptorType: 'RESTImport',
      rest: { relativeURI: ['/system/v1/heartbeat'], method: ['PUT'] },
      mapping: {
        fields: [
          { extract: 'timestamp', generate: 'timestamp' },
          { generate: 'key', hardCodedValue: 'sqs_flow' },
        ],
      },
    },
    200,
  );
  b.add(
    'flows',
    {
      name: 'Send GitHub Events to Slack',
      _integrationId: ops._id,
      disabled: false,
      timezone: 'America/Los_Angeles',
      skipRetries: false,
      pageGenerators: [{ _exportId: githubListener._id }],
      pageProcessors: [{ type: 'import', _importId: slackHeartbeat._id }],
    },
    199,
  );

  const nightlyExport = b.add(
    'exports',
    {
      name: 'NetSuite - Closed Orders (nightly)',
      _connectionId: netsuite._id,
      adaptorType: 'NetSuiteExport',
      type: 'delta',
      netsuite: { type: 'search', searches: [{ recordType: 'salesorder', savedSearchId: '1620' }] },
    },
    44,
  );
  const archiveOrders = b.add(
    'imports',
    {
      name: 'S3 - Archive Orders CSV',
      _connectionId: s3._id,
      adaptorType: 'S3Import',
      s3: { region: 'us-east-1', bucket: 'acme-finance-archive', fileKey: 'orders/orders-{{timestamp "YYYY-MM-DD"}}.csv' },
      file: { type: 'csv', csv: { columnDelimiter: ',', includeHeader: true } },
    },
    44,
  );
  b.add(
    'flows',
    {
      name: 'Nightly Order Archive to S3',
      _integrationId: ops._id,
      disabled: false,
      schedule: '? 15 0 ? * *',
      timezone: 'UTC',
      pageGenerators: [{ _exportId: nightlyExport._id }],
      pageProcessors: [{ type: 'import', _importId: archiveOrders._id }],
    },
    43,
  );
  return { getStatements };
}

export type OperationsResources = ReturnType<typeof addOperationsIntegration>;
