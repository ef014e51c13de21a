/**
 * The `large:N` account, for benchmarks: N flows, each with its own export, import and
 * connection, spread over integrations of 100 flows (`large:N:P` for P flows an integration). No audit history or jobs.
 */
import { AccountData, SandboxUser } from '../account';
import { SeedBuilder } from './builder';

const FLOWS_PER_INTEGRATION = 100;

export function largeAccount(user: SandboxUser, flowCount: number, flowsPerIntegration = FLOWS_PER_INTEGRATION): AccountData {
  const b = new SeedBuilder(user, 2, false);
  const integrations = Array.from({ length: Math.max(1, Math.ceil(flowCount / flowsPerIntegration)) }, (_, i) =>
    b.add('integrations', { name: `Integration ${String(i + 1).padStart(3, '0')}`, description: `Bulk integration ${i + 1}` }, 30),
  );
  for (let i = 0; i < flowCount; i++) {
    const n = String(i + 1).padStart(5, '0');
    const connection = b.add(
      'connections',
      {
        name: `Connection ${n}`,
        type: 'http',
        http: {
          baseURI: `https://api${i % 50}.example.com/v2`,
          mediaType: 'json',
          auth: { type: 'token', token: { token: `token-${n}` } },
        },
      },
      20,
    );
    const exp = b.add(
      'exports',
      {
        name: `Export ${n}`,
        _connectionId: connection._id,
        adaptorType: 'HTTPExport',
        http: { method: 'GET', relativeURI: `/records?batch=${n}`, successMediaType: 'json' },
      },
      20,
    );
    const imp = b.add(
      'imports',
      {
        name: `Import ${n}`,
        _connectionId: connection._id,
        adaptorType: 'HTTPImport',
        http: { method: ['POST'], relativeURI: ['/records'] },
        mapping: {
          fields: [
            { extract: 'id', generate: 'externalId' },
            { extract: 'name', generate: 'name' },
          ],
        },
      },
      20,
    );
    b.add(
      'flows',
      {
        name: `Flow ${n}`,
        _integrationId: integrations[Math.floor(i / flowsPerIntegration)]!._id,
        disabled: i % 7 === 0,
        schedule: '? 0 */6 ? * *',
        pageGenerators: [{ _exportId: exp._id }],
        pageProcessors: [{ type: 'import', _importId: imp._id }],
      },
      19,
    );
  }
  return b.finish();
}
