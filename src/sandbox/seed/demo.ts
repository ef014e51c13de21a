/**
 * The `demo` account: a small, believable integrator.io account with three integrations, nine
 * flows (one with several page generators and processors, one with a router), exports and
 * imports of several adaptor types, connections of several types (the SFTP one fails its ping),
 * hook scripts, file definitions, audit history, past jobs and open errors; and a small legacy
 * integration with the older shapes real accounts hold (see legacy.ts).
 */
import { AccountData, SandboxUser } from '../account';
import { JsonObject } from '../json';
import { generateRecords } from '../records';
import { SeedBuilder } from './builder';
import { addLegacyIntegration } from './legacy';
import { HOOK_SCRIPTS } from './scripts';

const TEAMMATE: SandboxUser = { _id: '5f0c1a2b3c4d5e6f70819202', email: 'maria.ops@example.com', name: 'Maria Ops' };

export function demoAccount(user: SandboxUser): AccountData {
  const b = new SeedBuilder(user, 1);

  // Connections ------------------------------------------------------------------------------
  const shopify = b.add(
    'connections',
    {
      name: 'Shopify Store',
      type: 'http',
      http: {
        formType: 'assistant',
        baseURI: 'https://demo-store.myshopify.com/admin/api/2024-01',
        mediaType: 'json',
        ping: { relativeURI: '/shop.json', method: 'GET' },
        auth: { type: 'token', token: { token: 'demo-shopify-access-token', location: 'header', headerName: 'X-Shopify-Access-Token' } },
        concurrencyLevel: 2,
      },
      offline: false,
    },
    120,
  );
  const netsuite = b.add(
    'connections',
    {
      name: 'NetSuite Production',
      type: 'netsuite',
      netsuite: { account: 'TSTDRV1234567', environment: 'production', authType: 'token-auto', tokenSecret: 'ns-secret-demo', roleId: '3' },
      offline: false,
    },
    120,
  );
  const salesforce = b.add(
    'connections',
    {
      name: 'Salesforce',
      type: 'salesforce',
      salesforce: {
        sandbox: false,
        packagedOAuth: true,
        bearerToken: 'sf-access-demo',
        refreshToken: 'sf-refresh-demo',
        info: { organization_id: '00D5g000004XyZ' },
      },
      offline: false,
    },
    90,
  );
  const snowflake = b.add(
    'connections',
    {
      name: 'Snowflake Analytics',
      type: 'rdbms',
      rdbms: {
        type: 'snowflake',
        host: 'acme.snowflakecomputing.com',
        database: 'ANALYTICS',
        user: 'CELIGO_LOADER',
        password: 'snowflake-demo-pass',
        options: [],
      },
      offline: false,
    },
    90,
  );
  const slack = b.add(
    'connections',
    {
      name: 'Slack API',
      type: 'rest',
      rest: {
        baseURI: 'https://slack.com/api',
        bearerToken: 'demo-slack-bot-token',
        tokenLocation: 'header',
        mediaType: 'json',
        authType: 'token',
        encryptedFields: [],
        unencryptedFields: [],
        scope: [],
        pingRelativeURI: 'api.test',
      },
      offline: false,
    },
    200,
  );
  const sftp = b.add(
    'connections',
    {
      name: 'Bank SFTP',
      type: 'ftp',
      ftp: {
        type: 'sftp',
        hostURI: 'sftp.bank-partner.example.com',
        port: 22,
        username: 'acme-treasury',
        password: 'expired-2026-09-password',
        usePassiveMode: true,
      },
      offline: true,
    },
    60,
  );
  const s3 = b.add(
    'connections',
    {
      name: 'Amazon S3 Archive',
      type: 's3',
      s3: { accessKeyId: 'demo-aws-access-key-id', secretKey: 's3-demo-secret', region: 'us-east-1' },
      offline: false,
    },
    45,
  );
  const zendesk = b.add(
    'connections',
    {
      name: 'Zendesk Support',
      type: 'http',
      http: {
        formType: 'assistant',
        baseURI: 'https://acme.zendesk.com/api/v2',
        mediaType: 'json',
        ping: { relativeURI: '/users/me.json', method: 'GET' },
        auth: { type: 'basic', basic: { username: 'integrations@acme.example.com/token', password: 'zendesk-demo-token' } },
      },
      offline: false,
    },
    30,
  );

  // Scripts and file definitions -------------------------------------------------------------
  const scripts: Partial<Record<(typeof HOOK_SCRIPTS)[number]['key'], JsonObject & { _id: string }>> = {};
  for (const s of HOOK_SCRIPTS)
    scripts[s.key] = b.add('scripts', { name: s.name, description: s.description, content: s.content }, s.daysAgo);
  const bankFormat = b.add(
    'filedefinitions',
    {
      name: 'Bank Statement (fixed width)',
      description: 'Daily statement lines from the bank partner, 80 characters a line.',
      format: 'fixed',
      fixedWidth: {
        rowDelimiter: '\n',
        fields: [
          { name: 'date', startPosition: 1, endPosition: 8, dataType: 'date', format: 'YYYYMMDD' },
          { name: 'reference', startPosition: 9, endPosition: 20, dataType: 'string' },
          { name: 'description', startPosition: 21, endPosition: 60, dataType: 'string' },
          { name: 'amount', startPosition: 61, endPosition: 74, dataType: 'number', implicitDecimals: 2 },
          { name: 'currency', startPosition: 75, endPosition: 77, dataType: 'string' },
        ],
      },
    },
    60,
  );
  b.add(
    'filedefinitions',
    {
      name: 'EDI X12 850 Purchase Order',
      description: 'Inbound purchase orders from retail partners.',
      format: 'delimited/edifact',
      edix12: { version: '004010', transactionSet: '850', segmentDelimiter: '~', elementDelimiter: '*' },
    },
    40,
  );

  // Integration 1: Shopify ↔ NetSuite ----------------------------------------------------------
  const commerce = b.add(
    'integrations',
    {
      name: 'Shopify - NetSuite Order Sync',
      description: 'Orders, fulfillments and inventory between the Shopify store and NetSuite.',
      sandbox: false,
      _registeredConnectionIds: [shopify._id, netsuite._id],
      flowGroupings: [],
    },
    120,
  );
  const getOrders = b.add(
    'exports',
    {
      name: 'Shopify - Get Orders',
      _connectionId: shopify._id,
      adaptorType: 'HTTPExport',
      type: 'delta',
      delta: { dateField: 'updated_at', lagOffset: 300000 },
      http: {
        method: 'GET',
        relativeURI: '/orders.json?status=any&updated_at_min={{lastExportDateTime}}',
        successMediaType: 'json',
        paging: { method: 'linkheader', linkHeaderRelation: 'next' },
        response: { resourcePath: 'orders' },
      },
      hooks: { preSavePage: { function: 'preSavePage', _scriptId: scripts.skipTestOrders!._id } },
      pageSize: 20,
    },
    118,
  );
  const customerLookup = b.add(
    'exports',
    {
      name: 'NetSuite - Customer Lookup',
      _connectionId: netsuite._id,
      adaptorType: 'NetSuiteExport',
      isLookup: true,
      netsuite: {
        type: 'search',
        searches: [{ recordType: 'customer', criteria: [{ field: 'email', operator: 'is', searchValue: '{{data.email}}' }] }],
      },
    },
    118,
  );
  const salesOrderImport = b.add(
    'imports',
    {
      name: 'NetSuite - Create Sales Orders',
      _connectionId: netsuite._id,
      adaptorType: 'NetSuiteDistributedImport',
      distributed: true,
      netsuite_da: { operation: 'add', recordType: 'salesorder', internalIdLookup: { expression: '["externalid","is","{{{id}}}"]' } },
      mapping: {
        fields: [
          { extract: 'email', generate: 'email' },
          { extract: 'name', generate: 'externalId' },
          { extract: 'customerLookup.internalId', generate: 'entity', internalId: true },
          { extract: 'created_at', generate: 'trandate', dataType: 'date' },
          { generate: 'orderstatus', hardCodedValue: 'B' },
          { extract: 'total_price', generate: 'custbody_shopify_total', dataType: 'number' },
        ],
        lists: [
          {
            generate: 'item',
            fields: [
              { extract: 'line_items[*].sku', generate: 'item', lookupName: 'itemBySku' },
              { extract: 'line_items[*].quantity', generate: 'quantity', dataType: 'number' },
              { extract: 'line_items[*].price', generate: 'rate', dataType: 'number' },
            ],
          },
        ],
      },
      hooks: { preMap: { function: 'preMap', _scriptId: scripts.buildLines!._id } },
    },
    118,
  );
  const markSynced = b.add(
    'imports',
    {
      name: 'Shopify - Tag Order as Synced',
      _connectionId: shopify._id,
      adaptorType: 'HTTPImport',
      http: {
        method: ['PUT'],
        relativeURI: ['/orders/{{{id}}}.json'],
        requestMediaType: 'json',
        body: ['{"order":{"id":{{id}},"tags":"celigo-synced"}}'],
      },
      mapping: {
        fields: [
          { extract: 'id', generate: 'id' },
          { generate: 'tags', hardCodedValue: 'celigo-synced' },
        ],
      },
    },
    118,
  );
  const ordersFlow = b.add(
    'flows',
    {
      name: 'Shopify Orders to NetSuite Sales Orders',
      _integrationId: commerce._id,
      disabled: false,
      schedule: '? */15 * * * *',
      timezone: 'America/New_York',
      skipRetries: false,
      pageGenerators: [{ _exportId: getOrders._id, skipRetries: false }],
      pageProcessors: [
        {
          type: 'export',
          _exportId: customerLookup._id,
          responseMapping: { fields: [{ extract: 'data[0]', generate: 'customerLookup' }], lists: [] },
        },
        {
          type: 'import',
          _importId: salesOrderImport._id,
          responseMapping: { fields: [{ extract: 'id', generate: 'netsuiteOrderId' }], lists: [] },
        },
        { type: 'import', _importId: markSynced._id, proceedOnFailure: true, responseMapping: { fields: [], lists: [] } },
      ],
    },
    117,
  );
  b.account.simulation.errorEvery[salesOrderImport._id] = 9;

  const getFulfillments = b.add(
    'exports',
    {
      name: 'NetSuite - Item Fulfillments',
      _connectionId: netsuite._id,
      adaptorType: 'NetSuiteExport',
      type: 'delta',
      delta: { dateField: 'lastmodifieddate' },
      netsuite: { type: 'search', searches: [{ recordType: 'itemfulfillment', savedSearchId: '1432' }] },
    },
    100,
  );
  const createFulfillment = b.add(
    'imports',
    {
      name: 'Shopify - Create Fulfillments',
      _connectionId: shopify._id,
      adaptorType: 'HTTPImport',
      http: { method: ['POST'], relativeURI: ['/orders/{{{shopifyOrderId}}}/fulfillments.json'], requestMediaType: 'json' },
      mappings: [
        {
          generate: 'fulfillment',
          dataType: 'object',
          status: 'Active',
          mappings: [
            { generate: 'location_id', dataType: 'number', extract: '$.locationId', default: '61234567', status: 'Active' },
            { generate: 'tracking_number', dataType: 'string', extract: '$.trackingNumbers', status: 'Active' },
            { generate: 'notify_customer', dataType: 'boolean', extract: 'true', status: 'Active' },
          ],
        },
      ],
    },
    100,
  );
  const fulfillmentFlow = b.add(
    'flows',
    {
      name: 'NetSuite Fulfillments to Shopify',
      _integrationId: commerce._id,
      disabled: false,
      schedule: '? 0 * ? * *',
      timezone: 'America/New_York',
      pageGenerators: [{ _exportId: getFulfillments._id }],
      pageProcessors: [{ type: 'import', _importId: createFulfillment._id }],
    },
    99,
  );

  const getInventory = b.add(
    'exports',
    {
      name: 'NetSuite - Inventory Levels',
      _connectionId: netsuite._id,
      adaptorType: 'NetSuiteExport',
      netsuite: { type: 'search', searches: [{ recordType: 'inventoryitem', savedSearchId: '1501' }] },
    },
    80,
  );
  const setInventory = b.add(
    'imports',
    {
      name: 'Shopify - Set Inventory Levels',
      _connectionId: shopify._id,
      adaptorType: 'HTTPImport',
      http: { method: ['POST'], relativeURI: ['/inventory_levels/set.json'], requestMediaType: 'json' },
      mapping: {
        fields: [
          { extract: 'itemId', generate: 'sku' },
          { extract: 'quantityAvailable', generate: 'available', dataType: 'number' },
          { generate: 'location_id', hardCodedValue: 61234567 },
        ],
      },
    },
    80,
  );
  const inventoryFlow = b.add(
    'flows',
    {
      name: 'NetSuite Inventory to Shopify',
      _integrationId: commerce._id,
      disabled: true,
      schedule: '? 0 2 ? * *',
      timezone: 'America/New_York',
      pageGenerators: [{ _exportId: getInventory._id }],
      pageProcessors: [{ type: 'import', _importId: setInventory._id }],
    },
    79,
  );
  // History: the flow ran at 01:00 until a teammate moved it to 02:00 and paused it.
  Object.assign(inventoryFlow, { disabled: false, schedule: '? 0 1 ? * *' });
  b.update('flows', inventoryFlow, { disabled: true, schedule: '? 0 2 ? * *' }, 20, 'ui', TEAMMATE);

  // Integration 2: Salesforce → Snowflake ------------------------------------------------------
  const analytics = b.add(
    'integrations',
    {
      name: 'Salesforce - Snowflake Analytics',
      description: 'Nightly loads of CRM data into the analytics warehouse.',
      _registeredConnectionIds: [salesforce._id, snowflake._id, slack._id],
    },
    90,
  );
  const getAccounts = b.add(
    'exports',
    {
      name: 'Salesforce - Accounts',
      _connectionId: salesforce._id,
      adaptorType: 'SalesforceExport',
      type: 'delta',
      delta: { dateField: 'LastModifiedDate' },
      salesforce: { type: 'soql', api: 'rest', soql: { query: 'SELECT Id, Name, Industry, AnnualRevenue, LastModifiedDate FROM Account' } },
    },
    89,
  );
  const loadAccounts = b.add(
    'imports',
    {
      name: 'Snowflake - Merge Accounts',
      _connectionId: snowflake._id,
      adaptorType: 'RDBMSImport',
      rdbms: { queryType: ['MERGE'], query: ['MERGE INTO DIM_ACCOUNT USING (SELECT {{Id}} AS ID) s ON DIM_ACCOUNT.ID = s.ID …'] },
      mapping: {
        fields: [
          { extract: 'Id', generate: 'ID' },
          { extract: 'Name', generate: 'NAME' },
          { extract: 'AnnualRevenue', generate: 'ANNUAL_REVENUE', dataType: 'number' },
        ],
      },
    },
    89,
  );
  b.add(
    'flows',
    {
      name: 'Salesforce Accounts to Snowflake',
      _integrationId: analytics._id,
      disabled: false,
      schedule: '? 30 1 ? * *',
      timezone: 'UTC',
      pageGenerators: [{ _exportId: getAccounts._id }],
      pageProcessors: [{ type: 'import', _importId: loadAccounts._id }],
    },
    88,
  );

  const getOpps = b.add(
    'exports',
    {
      name: 'Salesforce - Opportunities',
      _connectionId: salesforce._id,
      adaptorType: 'SalesforceExport',
      type: 'delta',
      delta: { dateField: 'LastModifiedDate' },
      salesforce: {
        type: 'soql',
        api: 'rest',
        soql: { query: 'SELECT Id, Name, StageName, Amount, CloseDate, AccountId FROM Opportunity' },
      },
    },
    70,
  );
  const getOppLines = b.add(
    'exports',
    {
      name: 'Salesforce - Opportunity Line Items',
      _connectionId: salesforce._id,
      adaptorType: 'SalesforceExport',
      type: 'delta',
      delta: { dateField: 'LastModifiedDate' },
      salesforce: {
        type: 'soql',
        api: 'rest',
        soql: { query: 'SELECT Id, OpportunityId, Product2.Name, Quantity, UnitPrice FROM OpportunityLineItem' },
      },
    },
    70,
  );
  const accountDimLookup = b.add(
    'exports',
    {
      name: 'Snowflake - Account Dimension Lookup',
      _connectionId: snowflake._id,
      adaptorType: 'RDBMSExport',
      isLookup: true,
      rdbms: { query: 'SELECT ACCOUNT_KEY FROM DIM_ACCOUNT WHERE ID = {{data.AccountId}}' },
    },
    70,
  );
  const loadOpps = b.add(
    'imports',
    {
      name: 'Snowflake - Merge Opportunities',
      _connectionId: snowflake._id,
      adaptorType: 'RDBMSImport',
      rdbms: { queryType: ['MERGE'], query: ['MERGE INTO FACT_OPPORTUNITY …'] },
      mappings: [
        { generate: 'ID', dataType: 'string', extract: '$.Id', status: 'Active' },
        { generate: 'NAME', dataType: 'string', extract: '$.Name', status: 'Active' },
        { generate: 'STAGE', dataType: 'string', extract: '$.StageName', status: 'Active' },
        { generate: 'AMOUNT', dataType: 'number', extract: '$.Amount', default: '0', status: 'Active' },
        { generate: 'ACCOUNT_KEY', dataType: 'number', extract: '$.accountKey', status: 'Active' },
      ],
      hooks: { postSubmit: { function: 'postSubmit', _scriptId: scripts.warehouseAudit!._id } },
    },
    70,
  );
  const loadOppLines = b.add(
    'imports',
    {
      name: 'Snowflake - Merge Opportunity Lines',
      _connectionId: snowflake._id,
      adaptorType: 'RDBMSImport',
      rdbms: { queryType: ['MERGE'], query: ['MERGE INTO FACT_OPPORTUNITY_LINE …'] },
      mapping: {
        fields: [
          { extract: 'Id', generate: 'ID' },
          { extract: 'OpportunityId', generate: 'OPPORTUNITY_ID' },
          { extract: 'Quantity', generate: 'QUANTITY', dataType: 'number' },
        ],
      },
    },
    70,
  );
  const notifySlack = b.add(
    'imports',
    {
      name: 'Slack - Post Load Summary',
      _connectionId: slack._id,
      adaptorType: 'RESTImport',
      rest: { relativeURI: ['/chat.postMessage'], method: ['POST'] },
      mapping: {
        fields: [
          { generate: 'channel', hardCodedValue: '#revops-data' },
          { extract: 'Opportunity {Name} moved to {StageName}', generate: 'text' },
        ],
      },
    },
    70,
  );
  const oppsFlow = b.add(
    'flows',
    {
      name: 'Salesforce Opportunities to Snowflake',
      description: 'Loads opportunities and their line items, keyed to the account dimension, then posts a summary to Slack.',
      _integrationId: analytics._id,
      disabled: false,
      schedule: '? 0 3 ? * *',
      timezone: 'UTC',
      runPageGeneratorsInParallel: false,
      pageGenerators: [{ _exportId: getOpps._id }, { _exportId: getOppLines._id }],
      pageProcessors: [
        {
          type: 'export',
          _exportId: accountDimLookup._id,
          responseMapping: { fields: [{ extract: 'data[0].ACCOUNT_KEY', generate: 'accountKey' }], lists: [] },
        },
        { type: 'import', _importId: loadOpps._id },
        { type: 'import', _importId: loadOppLines._id },
        { type: 'import', _importId: notifySlack._id, proceedOnFailure: true },
      ],
    },
    69,
  );
  b.account.simulation.errorEvery[loadOpps._id] = 12;
  const oppsDescription = oppsFlow.description;
  Object.assign(oppsFlow, { schedule: '? 0 4 ? * *' });
  delete (oppsFlow as { description?: string }).description;
  b.update('flows', oppsFlow, { schedule: '? 0 3 ? * *', description: oppsDescription }, 14, 'ui', TEAMMATE);

  // Integration 3: Operations & Alerts ----------------------------------------------------------
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

  // Unattached resources, as real accounts have --------------------------------------------------
  b.add(
    'imports',
    {
      name: 'Upload File to FTP Site',
      _connectionId: sftp._id,
      adaptorType: 'FTPImport',
      distributed: false,
      file: {
        skipAggregation: false,
        type: 'csv',
        csv: { rowDelimiter: '\n', columnDelimiter: ',', includeHeader: false, wrapWithQuotes: false },
      },
      ftp: { directoryPath: '/test', fileName: 'file-{{timestamp}}.csv' },
      mapping: {
        fields: [
          { extract: 'internal_id', generate: 'id' },
          { extract: 'item_id', generate: 'sku' },
          { extract: 'name', generate: 'name' },
          { extract: 'sales_description', generate: 'description' },
          { extract: 'rate', generate: 'price' },
          { extract: 'qty_on_hand', generate: 'qty' },
        ],
      },
    },
    150,
  );
  b.add(
    'apis',
    {
      name: 'Order Status API',
      description: 'Lets the storefront ask for an order’s NetSuite status.',
      version: 'v1',
      _scriptId: scripts.orderStatusApi!._id,
    },
    25,
  );
  b.add(
    'accesstokens',
    {
      name: 'CI deploy token',
      description: 'Used by the release pipeline.',
      fullAccess: true,
      revoked: false,
      token: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
    },
    15,
  );
  b.add(
    'accesstokens',
    {
      name: 'Storefront (Order Status API only)',
      fullAccess: false,
      _apiIds: [],
      revoked: false,
      autoPurgeAt: b.ago(-30).toISOString(),
      token: 'f6e5d4c3b2a1f6e5d4c3b2a1f6e5d4c3',
    },
    10,
  );

  // History ----------------------------------------------------------------------------------------
  // Each update below starts from an earlier value, so the audit trail has real changes.
  Object.assign(getOrders, { pageSize: 50, delta: { dateField: 'updated_at' } });
  b.update('exports', getOrders, { pageSize: 20, delta: { dateField: 'updated_at', lagOffset: 300000 } }, 30, 'ui', TEAMMATE);
  const finalMapping = salesOrderImport.mapping;
  salesOrderImport.mapping = { ...finalMapping, fields: finalMapping.fields.filter((f) => f.generate !== 'custbody_shopify_total') };
  b.update('imports', salesOrderImport, { mapping: finalMapping }, 12, 'api');
  Object.assign(sftp, { offline: false });
  b.update('connections', sftp, { offline: true }, 3, 'system');
  const skipTestOrders = scripts.skipTestOrders!;
  const finalContent = String(skipTestOrders.content);
  skipTestOrders.content = finalContent.replace(/\n {4}if \(!order\.email\) \{[\s\S]*?\n {4}\}/, '');
  b.update('scripts', skipTestOrders, { content: finalContent }, 6, 'ui', TEAMMATE);

  for (const day of [4, 3, 2]) b.pastRun(fulfillmentFlow, day, { records: 6 + day });
  b.pastRun(ordersFlow, 2, { records: 18 });
  const ordersRun = b.pastRun(ordersFlow, 0.2, {
    records: 24,
    errors: { [salesOrderImport._id]: generateRecords('demo-orders', 'order', 0, 3) },
  });
  b.openErrors(ordersRun, salesOrderImport._id, generateRecords('demo-orders', 'order', 0, 3), {
    code: 'INVALID_KEY_OR_REF',
    message: (r) => `Invalid entity reference key for customer "${String(r.email)}": no NetSuite customer matches this email.`,
    classification: 'missing',
  });
  const oppsRun = b.pastRun(oppsFlow, 0.8, { records: 30, errors: { [loadOpps._id]: generateRecords('demo-opps', 'opportunity', 0, 2) } });
  b.openErrors(oppsRun, loadOpps._id, generateRecords('demo-opps', 'opportunity', 0, 2), {
    code: 'NUMERIC_VALUE_OUT_OF_RANGE',
    message: (r) => `Numeric value '${String(r.Amount)}' is out of range for column AMOUNT NUMBER(10,2) in FACT_OPPORTUNITY.`,
    classification: 'value',
  });
  const statementsFlow = b.account.resources.flows.find((f) => f.name === 'SFTP Bank Statements to NetSuite')!;
  const statementsRun = b.pastRun(statementsFlow, 1, { records: 0, failed: true });
  b.openErrors(
    statementsRun,
    getStatements._id,
    [{ id: 'STMT_20261127.txt' }],
    {
      code: 'AUTHENTICATION_FAILED',
      message: () => 'Authentication failed: sftp.bank-partner.example.com rejected the credentials (401 Unauthorized).',
      source: 'connection',
      classification: 'connection',
    },
    0,
  );

  // A file flow records the files it wrote on its job; a run stopped by hand says who stopped it.
  const flowNamed = (name: string) => b.account.resources.flows.find((f) => f.name === name)!;
  b.pastRun(flowNamed('Nightly Order Archive to S3'), 1.5, { records: 42 });
  b.pastRun(flowNamed('NetSuite Inventory to Shopify'), 2.5, { records: 15, canceled: true });

  addLegacyIntegration(b, netsuite._id);
  return b.finish();
}
