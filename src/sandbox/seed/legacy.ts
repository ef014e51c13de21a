/**
 * A small "legacy" integration in the demo account, with the shapes older real accounts hold
 * and the rest of the demo lacks, so that every test and screenshot meets them:
 * - a flow that names its one export and import at the top (`_exportId`/`_importId`), with no
 *   `pageGenerators`/`pageProcessors`, as data-loader and early integration-app flows do;
 * - a `wrapper` connection, whose settings are encrypted (masked on read);
 * - a `wrapper` export and import, and a NetSuite `distributed` (real-time) export with its
 *   masked bearer token;
 * - `_connectorId` on what an integration app manages, and hooks with `_stackId: null`.
 */
import { SeedBuilder } from './builder';

/** An integration app's id: a global id, not a resource of this account. */
const CONNECTOR_ID = '56f2a1b3c4d5e6f708192a3b';

export function addLegacyIntegration(b: SeedBuilder, netsuiteConnectionId: string): void {
  const integration = b.add(
    'integrations',
    {
      name: 'Legacy ERP Connector',
      description: 'Installed from an integration app in 2016; still runs the invoice sync.',
      _connectorId: CONNECTOR_ID,
      mode: 'settings',
      install: [],
      installSteps: [],
      uninstallSteps: [],
      settings: { general: { invoiceStatus: 'open' } },
    },
    900,
  );
  const erp = b.add(
    'connections',
    {
      name: 'Legacy ERP (wrapper)',
      type: 'wrapper',
      _connectorId: CONNECTOR_ID,
      wrapper: {
        unencrypted: { host: 'erp.legacy-partner.example.com', company: 'ACME01' },
        encrypted: '{"apiKey":"legacy-erp-api-key-demo"}',
        pingFunction: 'ping',
        _stackId: null,
      },
      offline: false,
    },
    900,
  );
  const getInvoices = b.add(
    'exports',
    {
      name: 'Legacy ERP - Get Open Invoices',
      _connectionId: erp._id,
      _connectorId: CONNECTOR_ID,
      adaptorType: 'WrapperExport',
      wrapper: { function: 'getOpenInvoices', configuration: { status: 'open', pageSize: 50 } },
      hooks: { preSavePage: { function: null, _scriptId: null, _stackId: null } },
    },
    900,
  );
  const postInvoices = b.add(
    'imports',
    {
      name: 'Legacy ERP - Post Invoices',
      _connectionId: erp._id,
      _connectorId: CONNECTOR_ID,
      adaptorType: 'WrapperImport',
      wrapper: { function: 'postInvoices', configuration: { batchSize: 25 } },
      mapping: { fields: [{ extract: 'id', generate: 'externalId' }], lists: [] },
      hooks: { preMap: { function: null, _scriptId: null, _stackId: null } },
    },
    900,
  );
  b.add(
    'exports',
    {
      name: 'NetSuite - Item Changes (real-time)',
      _connectionId: netsuiteConnectionId,
      _connectorId: CONNECTOR_ID,
      adaptorType: 'NetSuiteExport',
      type: 'distributed',
      distributed: { bearerToken: 'legacy-distributed-token-demo', disabled: false, executionContext: ['userinterface', 'webservices'] },
      netsuite: { type: 'distributed', distributed: { recordType: 'inventoryitem', disabled: false, executionContext: ['userinterface'] } },
      hooks: { preSavePage: { function: null, _scriptId: null, _stackId: null } },
    },
    700,
  );
  b.add(
    'flows',
    {
      name: 'Legacy Invoices to ERP',
      _integrationId: integration._id,
      _connectorId: CONNECTOR_ID,
      _exportId: getInvoices._id,
      _importId: postInvoices._id,
      disabled: false,
      schedule: '? 0 */6 ? * *',
    },
    900,
  );
}
