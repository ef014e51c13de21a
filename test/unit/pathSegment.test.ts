import * as assert from 'assert';
import { startTestSandbox, TestSandbox } from '../support/sandbox';

describe('ids in request paths', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startTestSandbox();
  });
  after(() => sandbox.close());

  it('refuses ".", ".." and "" (they would step out of the resource), sending nothing', async () => {
    const { client } = sandbox;
    await sandbox.clearRequests();
    for (const id of ['.', '..', ''])
      await assert.rejects(client.flows.get(id), /is not an id a request path can name/, `flows.get(${JSON.stringify(id)})`);
    await assert.rejects(client.connectionActions.importMap('..', {}, [{ a: 1 }]), /is not an id a request path can name/);
    await assert.rejects(client.jobs.get('..'), /is not an id a request path can name/);
    assert.deepStrictEqual(await sandbox.requests(), [], 'no request reached the API');
  });

  it('still encodes an id with other dots and slashes as one segment', async () => {
    const { client } = sandbox;
    await sandbox.clearRequests();
    await assert.rejects(client.flows.get('../x'));
    const [request] = await sandbox.requests();
    assert.strictEqual(request?.path, '/flows/..%2Fx');
  });
});
