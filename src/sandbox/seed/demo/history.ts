/** What happened to the demo account before today: changes (the audit history), past runs, and open errors. */
import { generateRecords } from '../../records';
import { SeedBuilder } from '../builder';
import { TEAMMATE } from './people';
import { DemoConnections } from './connections';
import { DemoScripts } from './scriptsAndFiles';
import type { CommerceResources } from './commerce';
import type { AnalyticsResources } from './analytics';
import type { OperationsResources } from './operations';

export function addHistory(
  b: SeedBuilder,
  { sftp }: DemoConnections,
  { scripts }: DemoScripts,
  { getOrders, salesOrderImport, ordersFlow, fulfillmentFlow }: CommerceResources,
  { loadOpps, oppsFlow }: AnalyticsResources,
  { getStatements }: OperationsResources,
) {
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
}
