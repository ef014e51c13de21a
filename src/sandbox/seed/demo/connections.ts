/** The demo account's connections: HTTP, NetSuite, Salesforce, Snowflake, Slack, SFTP (which fails its ping), S3 and Zendesk. */
import { SeedBuilder } from '../builder';

export function addConnections(b: SeedBuilder) {
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
  return { shopify, netsuite, salesforce, snowflake, slack, sftp, s3, zendesk };
}

export type DemoConnections = ReturnType<typeof addConnections>;
