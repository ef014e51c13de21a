/** Integration 1, Shopify ↔ NetSuite: orders (several page generators and processors, a lookup), fulfillments, and a paused inventory flow. */
import { SeedBuilder } from '../builder';
import { TEAMMATE } from './people';
import { DemoConnections } from './connections';
import { DemoScripts } from './scriptsAndFiles';

export function addCommerceIntegration(b: SeedBuilder, { shopify, netsuite }: DemoConnections, { scripts }: DemoScripts) {
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
  return { getOrders, salesOrderImport, ordersFlow, fulfillmentFlow };
}

export type CommerceResources = ReturnType<typeof addCommerceIntegration>;
