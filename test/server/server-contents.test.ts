import { CreateClusterCommand, ListClustersCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerContents } from '../../core/shell/server/regional-simulators.js';
import { clientFor, startTestServer, type TestServer } from './test-server.js';

/** GET /_sim/contents: what a reset would delete, which `ecs-lab run --endpoint` asks before it resets. */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const contents = async () => (await t.sim('contents')).body as unknown as ServerContents;

describe('what a server holds (GET /_sim/contents)', () => {
  it('is empty on a fresh server, and stays so for reads: listing, the state, the accounts', async () => {
    expect(await contents()).toEqual({ empty: true, places: [], principals: [] });
    const bob = clientFor(t.server, 'eu-west-1', 'bob');
    try {
      expect((await bob.send(new ListClustersCommand({}))).clusterArns).toEqual([]);
    } finally {
      bob.destroy();
    }
    await t.sim('state');
    await t.sim('accounts');
    expect((await contents()).empty).toBe(true);
  });

  it('lists each account and region where something was made, the server\'s own first: keys, clusters, changes; and keys mapped to roles', async () => {
    const alice = clientFor(t.server, 'us-east-1', 'alice');
    try {
      await alice.send(new CreateClusterCommand({ clusterName: 'lab' }));
      await alice.send(new RegisterTaskDefinitionCommand({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', memory: 512 }] }));
    } finally {
      alice.destroy();
    }
    await t.ecs.send(new CreateClusterCommand({ clusterName: 'demo' }));
    await t.sim('control', { target: 'iam', method: 'createRole', args: [{ RoleName: 'developer' }] });
    await t.sim('principals', { accessKeyId: 'AKIADEVELOPER', roleName: 'developer' });
    const { empty, places, principals } = await contents();
    expect(empty).toBe(false);
    expect(places).toEqual([
      { accountId: '123456789012', region: 'us-east-1', accessKeyIds: ['test'], clusters: ['demo'], changes: 2 },
      { accountId: expect.stringMatching(/^\d{12}$/), region: 'us-east-1', accessKeyIds: ['alice'], clusters: ['lab'], changes: 2 },
    ]);
    expect(places[1].accountId).not.toBe('123456789012');
    expect(principals).toEqual([{ accessKeyId: 'AKIADEVELOPER', accountId: '123456789012', roleName: 'developer' }]);
  });

  it('does not count time passing, and is empty again after a reset', async () => {
    await t.sim('advance', { seconds: 60 });
    expect((await contents()).places.map((p) => p.changes)).toEqual([2, 2]);
    await t.sim('reset', {});
    expect(await contents()).toEqual({ empty: true, places: [], principals: [] });
  });
});
