import { CreateClusterCommand, CreateServiceCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const control = (body: unknown) => t.sim('control', body);

describe('POST /_sim/control: the simulator port over the wire', () => {
  it('calls a simulation control and answers its result', async () => {
    await t.ecs.send(new CreateClusterCommand({ clusterName: 'wire' }));
    const added = await control({ target: 'control', method: 'addInstances', args: [{ cluster: 'wire', instanceType: 'm5.large', count: 2 }] });
    expect(added.status).toBe(200);
    expect((added.body.result as { containerInstanceArns: string[] }).containerInstanceArns).toHaveLength(2);
  });

  it('moves the virtual time every region sees when a control advances it', async () => {
    const before = (await t.sim('state')).body.now as number;
    await control({ target: 'control', method: 'advance', args: [90] });
    expect((await t.sim('state')).body.now).toBe(before + 90);
    expect((await control({ target: 'control', method: 'now' })).body).toEqual({ result: before + 90 });
  });

  it('calls a neighbour facade and answers its errors with their own exception name', async () => {
    expect((await control({ target: 'iam', method: 'createRole', args: [{ RoleName: 'app' }] })).status).toBe(200);
    const again = await control({ target: 'iam', method: 'createRole', args: [{ RoleName: 'app' }] });
    expect(again.status).toBe(400);
    expect(again.body.__type).toBe('EntityAlreadyExists');
  });

  it('refuses what is not an allow-listed method of the facade, naming what is', async () => {
    const callback = await control({ target: 'control', method: 'runUntil', args: [null, 60] });
    expect(callback.status).toBe(400);
    expect(callback.body.message).toMatch(/runUntil is not a simulation control a port offers; the controls are .*addInstances/);
    const hidden = await control({ target: 'control', method: 'changed', args: ['x', [], 1] });
    expect(hidden.body.__type).toBe('InvalidParameterException');
    const inherited = await control({ target: 'elbv2', method: 'toString' });
    expect(inherited.body.message).toMatch(/^elbv2 has no method toString; it has .*createLoadBalancer/);
    const engine = await control({ target: 'ctx', method: 'state' });
    expect(engine.body.message).toMatch(/^target must be one of control, ecs, .*elbv2/);
  });

  it('lets a runUntil watch only reads', async () => {
    const watchingAChange = await control({
      target: 'control',
      method: 'runUntilReadsChange',
      args: [{ watch: [{ target: 'ecs', method: 'createCluster', args: [{ clusterName: 'x' }] }], maxSeconds: 60 }],
    });
    expect(watchingAChange.status).toBe(400);
    expect(watchingAChange.body.message).toBe('ecs.createCluster changes things: runUntil can watch only reads.');
  });

  it('runs time until a watched read answers differently, and no further', async () => {
    await t.ecs.send(new RegisterTaskDefinitionCommand({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', memory: 256 }] }));
    await t.ecs.send(new CreateServiceCommand({ cluster: 'wire', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 }));
    const before = (await t.sim('state')).body.now as number;
    const watch = [{ target: 'ecs', method: 'describeServices', args: [{ cluster: 'wire', services: ['web'] }] }];
    const round = await control({ target: 'control', method: 'runUntilReadsChange', args: [{ watch, maxSeconds: 3600 }] });
    expect(round.body.result).toEqual({ changed: true, startedAtMs: before * 1000, deadlineReached: false });
    // The scheduler's first pass places the task at once: the service answers differently at the same instant.
    expect((await t.sim('state')).body.now).toBe(before);
  });
});
