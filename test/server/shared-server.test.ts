import {
  CreateClusterCommand,
  DescribeClustersCommand,
  ListClustersCommand,
  ListContainerInstancesCommand,
  RegisterTaskDefinitionCommand,
  type ECSClient,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEcsServer, type EcsServer } from '../../core/shell/server/start-server.js';
import { clientFor, sdkFailure } from './test-server.js';

/** A /_sim/ request as curl would make it, with the instructor's token or without. */
async function control(server: EcsServer, route: string, options: { token?: string; tokenInQuery?: boolean; body?: string; query?: string } = {}) {
  const query = new URLSearchParams(options.query);
  if (options.token && options.tokenInQuery) query.set('token', options.token);
  const headers: Record<string, string> = options.token && !options.tokenInQuery ? { Authorization: `Bearer ${options.token}` } : {};
  const response = await fetch(`${server.url}/_sim/${route}?${query}`, options.body === undefined ? { headers } : { method: 'POST', headers, body: options.body });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const accountOf = (arn: string | undefined) => arn?.split(':')[4];

describe('one server for a class (serve --host 0.0.0.0)', () => {
  let server: EcsServer;
  let alice: ECSClient;
  let bob: ECSClient;
  let aliceCluster: string;
  beforeAll(async () => {
    server = await startEcsServer({ port: 0, host: '0.0.0.0', clock: 'manual' });
    alice = clientFor(server, 'us-east-1', 'alice');
    bob = clientFor(server, 'us-east-1', 'bob');
    aliceCluster = (await alice.send(new CreateClusterCommand({ clusterName: 'lab' }))).cluster!.clusterArn!;
  });
  afterAll(async () => {
    alice.destroy();
    bob.destroy();
    await server.close();
  });

  it('makes each access key id an account of its own: its own account id in ARNs, its own clusters', async () => {
    expect(accountOf(aliceCluster)).toMatch(/^\d{12}$/);
    expect(accountOf(aliceCluster)).not.toBe('123456789012');
    expect((await bob.send(new ListClustersCommand({}))).clusterArns).toEqual([]);
    // Alice's ARN names her account: ECS refuses it to Bob rather than look for a cluster of that name in his.
    const seenByBob = await sdkFailure(bob.send(new DescribeClustersCommand({ clusters: [aliceCluster] })));
    expect(seenByBob?.name).toBe('InvalidParameterException');
    expect(seenByBob?.message).toContain(`Identifier is for ${accountOf(aliceCluster)}.`);

    const bobCluster = (await bob.send(new CreateClusterCommand({ clusterName: 'lab' }))).cluster!.clusterArn!;
    expect(accountOf(bobCluster)).toMatch(/^\d{12}$/);
    expect(accountOf(bobCluster)).not.toBe(accountOf(aliceCluster));
    expect((await alice.send(new ListClustersCommand({}))).clusterArns).toEqual([aliceCluster]);
  });

  it('derives the account from the key alone: the same key is the same account on another server', async () => {
    const other = await startEcsServer({ port: 0, clock: 'manual' });
    const again = clientFor(other, 'us-east-1', 'alice');
    try {
      expect(accountOf((await again.send(new CreateClusterCommand({ clusterName: 'x' }))).cluster!.clusterArn)).toBe(accountOf(aliceCluster));
    } finally {
      again.destroy();
      await other.close();
    }
  });

  it('made up a control token at start, and refuses /_sim/ without it, in the AWS error shape', async () => {
    expect(server.controlToken).toMatch(/^\S{12,}$/);
    const refused = await control(server, 'state');
    expect(refused.status).toBe(403);
    expect(refused.body.__type).toBe('AccessDeniedException');
    expect(refused.body.message).toContain('control token');
    expect((await control(server, 'state', { token: 'guess' })).status).toBe(403);
    expect((await control(server, 'reset', { body: '{}' })).status).toBe(403);
    // Nothing was reset: alice's cluster is still there.
    expect((await alice.send(new ListClustersCommand({}))).clusterArns).toEqual([aliceCluster]);
  });

  it('lets the instructor list every account, with the keys that signed in it, and act in a student\'s', async () => {
    const token = server.controlToken!;
    const { body } = await control(server, 'accounts', { token });
    const byKey = (key: string) => body.accounts.find((a: { accessKeyIds: string[] }) => a.accessKeyIds.includes(key));
    expect(byKey('alice')).toMatchObject({ accountId: accountOf(aliceCluster), regions: ['us-east-1'] });
    expect(byKey('bob').accountId).not.toBe(byKey('alice').accountId);

    const state = await control(server, 'state', { token, tokenInQuery: true, query: 'accessKeyId=alice' });
    expect(state.status).toBe(200);
    expect(state.body.accountId).toBe(accountOf(aliceCluster));
    expect(state.body.clusters.map((c: { clusterName: string }) => c.clusterName)).toEqual(['lab']);

    const added = await control(server, 'instances', { token, query: `account=${accountOf(aliceCluster)}`, body: JSON.stringify({ cluster: 'lab', instanceType: 'm5.large', count: 2 }) });
    expect(added.status).toBe(200);
    expect((await alice.send(new ListContainerInstancesCommand({ cluster: 'lab' }))).containerInstanceArns).toHaveLength(2);
    expect((await bob.send(new ListContainerInstancesCommand({ cluster: 'lab' }))).containerInstanceArns).toEqual([]);
  });

  it('answers a body over the limit with 413 and an AWS-shaped error, and keeps serving', async () => {
    const huge = new RegisterTaskDefinitionCommand({ family: 'big', containerDefinitions: [{ name: 'app', image: 'x'.repeat(2 * 1024 * 1024), memory: 64 }] });
    const error = await alice.send(huge).then(() => undefined, (e: { name: string; $metadata: { httpStatusCode: number } }) => e);
    expect(error).toMatchObject({ name: 'RequestEntityTooLargeException', $metadata: { httpStatusCode: 413 } });
    const control413 = await control(server, 'images', { token: server.controlToken, body: ' '.repeat(2 * 1024 * 1024) });
    expect(control413).toMatchObject({ status: 413, body: { __type: 'RequestEntityTooLargeException' } });
    expect((await alice.send(new ListClustersCommand({}))).clusterArns).toEqual([aliceCluster]);
  });

  it('serves the dashboard page to anyone, but its live stream only with the token', async () => {
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    const refused = await fetch(`${server.url}/_sim/stream`);
    expect(refused.status).toBe(403);
    const stream = await fetch(`${server.url}/_sim/stream?token=${server.controlToken}&accessKeyId=alice`);
    const reader = stream.body!.getReader();
    let text = '';
    while (!text.includes('event: state')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(text).toContain('event: accounts');
    expect(text).toContain(`"accessKeyIds":["alice"]`);
  });
});

describe('a server on the loopback interface (the learner\'s own machine)', () => {
  it('leaves /_sim/ open by default, and needs --control-token when one is given', async () => {
    const open = await startEcsServer({ port: 0, clock: 'manual' });
    const guarded = await startEcsServer({ port: 0, clock: 'manual', controlToken: 'sesame' });
    try {
      expect(open.controlToken).toBeUndefined();
      expect((await control(open, 'state')).status).toBe(200);
      expect((await control(guarded, 'state')).status).toBe(403);
      expect((await control(guarded, 'state', { token: 'sesame' })).status).toBe(200);
    } finally {
      await open.close();
      await guarded.close();
    }
  });

  it('keeps the access key id test and unsigned requests in the server\'s own account', async () => {
    const server = await startEcsServer({ port: 0, clock: 'manual', accountId: '111122223333' });
    const ecs = clientFor(server);
    try {
      const { cluster } = await ecs.send(new CreateClusterCommand({ clusterName: 'demo' }));
      expect(accountOf(cluster?.clusterArn)).toBe('111122223333');
      const state = await control(server, 'state');
      expect(state.body.clusters.map((c: { clusterName: string }) => c.clusterName)).toEqual(['demo']);
    } finally {
      ecs.destroy();
      await server.close();
    }
  });

  it('holds at most so many accounts, and says so to a key beyond them', async () => {
    const server = await startEcsServer({ port: 0, clock: 'manual', maxSimulators: 2 });
    const clients = ['ann', 'ben', 'cat'].map((key) => clientFor(server, 'us-east-1', key));
    try {
      for (const client of clients.slice(0, 2)) await client.send(new ListClustersCommand({}));
      const refused = await clients[2].send(new ListClustersCommand({})).catch((error: Error) => error);
      expect(refused).toMatchObject({ name: 'LimitExceededException', message: expect.stringContaining('already holds 2') });
      expect((await clients[0].send(new ListClustersCommand({}))).clusterArns).toEqual([]);
    } finally {
      for (const client of clients) client.destroy();
      await server.close();
    }
  });
});
