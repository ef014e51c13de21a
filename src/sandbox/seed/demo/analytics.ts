/** Integration 2, Salesforce → Snowflake: nightly loads of CRM data, with a router and a Slack notice. */
import { SeedBuilder } from '../builder';
import { TEAMMATE } from './people';
import { DemoConnections } from './connections';
import { DemoScripts } from './scriptsAndFiles';

export function addAnalyticsIntegration(b: SeedBuilder, { salesforce, snowflake, slack }: DemoConnections, { scripts }: DemoScripts) {
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
  return { loadOpps, oppsFlow };
}

export type AnalyticsResources = ReturnType<typeof addAnalyticsIntegration>;
