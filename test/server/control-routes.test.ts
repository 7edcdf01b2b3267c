import { CreateClusterCommand, DescribeContainerInstancesCommand, DescribeTasksCommand, RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('simulation controls over HTTP', () => {
  it('adds container instances that ECS then describes, spread over the zones asked for', async () => {
    await t.ecs.send(new CreateClusterCommand({ clusterName: 'lab' }));
    const added = await t.sim('instances', { cluster: 'lab', instanceType: 'm5.large', count: 2, availabilityZones: ['us-east-1a', 'us-east-1b'], lifecycle: 'spot' });
    expect(added.status).toBe(200);
    const arns = added.body.containerInstanceArns as string[];
    const { containerInstances } = await t.ecs.send(new DescribeContainerInstancesCommand({ cluster: 'lab', containerInstances: arns }));
    const zones = containerInstances?.map((i) => i.attributes?.find((a) => a.name === 'ecs.availability-zone')?.value);
    expect(zones).toEqual(['us-east-1a', 'us-east-1b']);
  });

  it('answers a bad control request with 400 and the ECS error shape', async () => {
    const answer = await t.sim('instances', { cluster: 'lab', instanceType: 'z9.huge' });
    expect(answer.status).toBe(400);
    expect(answer.body.__type).toBe('InvalidParameterException');
    expect(answer.body.message).toMatch(/z9\.huge/);
  });

  it('interrupts a Spot Instance: two minutes later it is gone', async () => {
    const { body } = await t.sim('state');
    const instance = (body.clusters as Array<{ instances: Array<{ ec2InstanceId: string }> }>)[0].instances[0].ec2InstanceId;
    const fault = await t.sim('faults', { type: 'spot-interruption', cluster: 'lab', instance });
    expect(fault.body).toEqual({ terminatesAt: (body.now as number) + 120 });
    await t.sim('advance', { seconds: 121 });
    const events = await t.sim('events', undefined, '?since=0');
    expect((events.body.events as Array<{ text: string }>).map((e) => e.text)).toContain(`container instance ${instance} INACTIVE`);
  });

  it('answers an unknown fault type with the types it models', async () => {
    const answer = await t.sim('faults', { type: 'meteor-strike' });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('Unknown fault type "meteor-strike"; the simulator models spot-interruption,');
  });

  it('fails one instance: it goes INACTIVE at once', async () => {
    const { body } = await t.sim('state');
    const instance = (body.clusters as Array<{ instances: Array<{ ec2InstanceId: string; status: string }> }>)[0].instances.find((i) => i.status === 'ACTIVE')!.ec2InstanceId;
    expect((await t.sim('faults', { type: 'instance-failure', cluster: 'lab', instance })).status).toBe(200);
    const after = await t.sim('state');
    const failed = (after.body.clusters as Array<{ instances: Array<{ ec2InstanceId: string; status: string }> }>)[0].instances.find((i) => i.ec2InstanceId === instance)!;
    expect(failed.status).toBe('INACTIVE');
  });

  it('takes a zone out: the instances there stop', async () => {
    const zone = await t.sim('faults', { type: 'zone-outage', availabilityZone: 'us-east-1b' });
    expect(zone.status).toBe(200);
    const { body } = await t.sim('state');
    const instances = (body.clusters as Array<{ instances: Array<{ availabilityZone: string; status: string }> }>)[0].instances;
    const inZone = instances.filter((i) => i.availabilityZone === 'us-east-1b');
    expect(inZone.map((i) => i.status)).toEqual(['INACTIVE']);
  });

  it('crashes a task: it stops with exit code 137', async () => {
    await t.ecs.send(new RegisterTaskDefinitionCommand({ family: 'crashy', containerDefinitions: [{ name: 'app', image: 'app:1', memory: 64 }] }));
    await t.sim('instances', { cluster: 'lab', instanceType: 'm5.large', count: 1, availabilityZones: ['us-east-1c'] });
    const { tasks } = await t.ecs.send(new RunTaskCommand({ cluster: 'lab', taskDefinition: 'crashy' }));
    await t.sim('advance', { seconds: 30 });
    expect((await t.sim('faults', { type: 'task-crash', cluster: 'lab', task: tasks![0].taskArn })).status).toBe(200);
    await t.sim('advance', { seconds: 30 });
    const described = await t.ecs.send(new DescribeTasksCommand({ cluster: 'lab', tasks: [tasks![0].taskArn!] }));
    expect(described.tasks?.[0]).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'EssentialContainerExited' });
    expect(described.tasks?.[0].containers?.[0].exitCode).toBe(137);
  });

  it('registers how an image behaves', async () => {
    const answer = await t.sim('images', { image: 'app:2', behaviour: { crashAfterSeconds: 5 } });
    expect(answer).toEqual({ status: 200, body: { image: 'app:2', behaviour: { crashAfterSeconds: 5 } } });
  });

  it('moves time only when asked, in manual mode', async () => {
    const before = (await t.sim('state')).body.now as number;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await t.sim('state')).body.now).toBe(before);
    expect((await t.sim('advance', { seconds: 10 })).body).toEqual({ now: before + 10 });
  });

  it('starts over from nothing on reset', async () => {
    expect((await t.sim('reset', { seed: 7 })).body).toEqual({ seed: 7, now: 0 });
    const { body } = await t.sim('state');
    expect(body).toMatchObject({ now: 0, clusters: [] });
  });

  it('answers an unknown control route with 404', async () => {
    expect((await t.sim('teleport', {})).status).toBe(404);
  });

  it('makes one container exit: a non-essential one leaves its task running, an essential one stops it', async () => {
    await t.ecs.send(new CreateClusterCommand({ clusterName: 'exits' }));
    await t.sim('instances', { cluster: 'exits', instanceType: 'm5.large', count: 1 });
    const containerDefinitions = [
      { name: 'app', image: 'app:1', memory: 128 },
      { name: 'sidecar', image: 'sidecar:1', memory: 64, essential: false },
    ];
    await t.ecs.send(new RegisterTaskDefinitionCommand({ family: 'pair', containerDefinitions }));
    const task = (await t.ecs.send(new RunTaskCommand({ cluster: 'exits', taskDefinition: 'pair' }))).tasks![0].taskArn!;
    await t.sim('advance', { seconds: 60 });
    const describe = async () => (await t.ecs.send(new DescribeTasksCommand({ cluster: 'exits', tasks: [task] }))).tasks![0];
    expect((await t.sim('faults', { type: 'container-exit', cluster: 'exits', task, container: 'sidecar', exitCode: 1 })).status).toBe(200);
    await t.sim('advance', { seconds: 10 });
    expect(await describe()).toMatchObject({ lastStatus: 'RUNNING', containers: expect.arrayContaining([expect.objectContaining({ name: 'sidecar', lastStatus: 'STOPPED', exitCode: 1 })]) });
    await t.sim('faults', { type: 'container-exit', cluster: 'exits', task, container: 'app', exitCode: 137 });
    await t.sim('advance', { seconds: 60 });
    expect(await describe()).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited' });
  });
});

describe('the dashboard', () => {
  it('is one page that loads nothing from anywhere else', async () => {
    const response = await fetch(`${t.server.url}/`);
    const html = await response.text();
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toContain('<html lang="en">');
    expect(html).not.toMatch(/https?:\/\/|<script[^>]+src=/);
  });

  it('streams the cluster picture as server-sent events when the CLI changes it', async () => {
    const controller = new AbortController();
    const response = await fetch(`${t.server.url}/_sim/stream`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    await t.ecs.send(new CreateClusterCommand({ clusterName: 'watched' }));
    const deadline = Date.now() + 5000;
    while (!text.includes('"clusterName":"watched"') && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    controller.abort();
    expect(text).toContain('event: state');
    expect(text).toContain('"clusterName":"watched"');
  });
});
