/** Resources in no integration, as real accounts have: an import, an API and access tokens. */
import { SeedBuilder } from '../builder';
import { DemoConnections } from './connections';
import { DemoScripts } from './scriptsAndFiles';

export function addUnattachedResources(b: SeedBuilder, { sftp }: DemoConnections, { scripts }: DemoScripts) {
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
}
