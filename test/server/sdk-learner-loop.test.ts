import {
  ClusterNotFoundException,
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  InvalidParameterException,
  ListClustersCommand,
  ListTagsForResourceCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  ServiceNotFoundException,
  StopTaskCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateServiceCommand,
  paginateListClusters,
  paginateListTasks,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, startTestServer, type TestServer } from './test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ accountId: '111122223333' });
  await t.ecs.send(new CreateClusterCommand({ clusterName: 'demo' }));
  await t.sim('instances', { cluster: 'demo', instanceType: 'm5.large', count: 3 });
  await t.ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'web',
      containerDefinitions: [{ name: 'web', image: 'nginx:1.25', memory: 128, portMappings: [{ containerPort: 80 }] }],
    }),
  );
});
afterAll(() => t.close());

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

describe('the learner loop through @aws-sdk/client-ecs', () => {
  it('creates a cluster whose ARN carries the signed region and the server account', async () => {
    const { cluster } = await t.ecs.send(new CreateClusterCommand({ clusterName: 'arn-check' }));
    expect(cluster?.clusterArn).toBe('arn:aws:ecs:us-east-1:111122223333:cluster/arn-check');
    expect(cluster?.status).toBe('ACTIVE');
  });

  it('runs a service to its desired count, then scales it with UpdateService', async () => {
    const created = await t.ecs.send(new CreateServiceCommand({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2 }));
    expect(created.service?.desiredCount).toBe(2);
    // Epoch seconds on the wire: the SDK turns them into the simulator's documented start, 2026-01-05 09:00 UTC.
    expect(created.service?.createdAt?.toISOString()).toBe('2026-01-05T09:00:00.000Z');
    expect(await t.sim('run-until-steady', { cluster: 'demo', service: 'web' })).toMatchObject({ status: 200, body: { steady: true } });

    const described = await t.ecs.send(new DescribeServicesCommand({ cluster: 'demo', services: ['web'] }));
    expect(described.services?.[0]).toMatchObject({ runningCount: 2, desiredCount: 2 });
    expect(described.services?.[0].deployments?.[0].rolloutState).toBe('COMPLETED');

    await t.ecs.send(new UpdateServiceCommand({ cluster: 'demo', service: 'web', desiredCount: 3 }));
    await t.sim('run-until-steady', { cluster: 'demo', service: 'web' });
    const scaled = await t.ecs.send(new DescribeServicesCommand({ cluster: 'demo', services: ['web'] }));
    expect(scaled.services?.[0].runningCount).toBe(3);
  });

  it('reports a service that does not exist as a MISSING failure, not an error', async () => {
    const { services, failures } = await t.ecs.send(new DescribeServicesCommand({ cluster: 'demo', services: ['nope'] }));
    expect(services).toEqual([]);
    expect(failures?.[0].reason).toBe('MISSING');
  });

  it('runs a standalone task, describes it, and stops it', async () => {
    const run = await t.ecs.send(new RunTaskCommand({ cluster: 'demo', taskDefinition: 'web', startedBy: 'learner' }));
    const taskArn = run.tasks?.[0].taskArn;
    expect(taskArn).toMatch(/^arn:aws:ecs:us-east-1:111122223333:task\/demo\/[0-9a-f]{32}$/);
    await t.sim('advance', { seconds: 30 });
    const described = await t.ecs.send(new DescribeTasksCommand({ cluster: 'demo', tasks: [taskArn!] }));
    expect(described.tasks?.[0].lastStatus).toBe('RUNNING');
    expect(described.tasks?.[0].startedAt).toBeInstanceOf(Date);

    const stopped = await t.ecs.send(new StopTaskCommand({ cluster: 'demo', task: taskArn!, reason: 'done for today' }));
    expect(stopped.task?.desiredStatus).toBe('STOPPED');
    await t.sim('advance', { seconds: 60 });
    const after = await t.ecs.send(new DescribeTasksCommand({ cluster: 'demo', tasks: [taskArn!] }));
    expect(after.tasks?.[0]).toMatchObject({ lastStatus: 'STOPPED', stoppedReason: 'done for today' });
  });

  it('pages ListTasks and ListClusters with the SDK paginators', async () => {
    const taskPages = await collect(paginateListTasks({ client: t.ecs, pageSize: 2 }, { cluster: 'demo', serviceName: 'web' }));
    expect(taskPages.map((p) => p.taskArns?.length)).toEqual([2, 1]);

    const clusterPages = await collect(paginateListClusters({ client: t.ecs, pageSize: 1 }, {}));
    expect(clusterPages.length).toBeGreaterThanOrEqual(2);
    const all = clusterPages.flatMap((p) => p.clusterArns ?? []);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain('arn:aws:ecs:us-east-1:111122223333:cluster/demo');
    const unpaged = await t.ecs.send(new ListClustersCommand({}));
    expect(unpaged.clusterArns?.sort()).toEqual([...all].sort());
  });

  it('tags a service, lists the tags, and removes one', async () => {
    const resourceArn = 'arn:aws:ecs:us-east-1:111122223333:service/demo/web';
    await t.ecs.send(new TagResourceCommand({ resourceArn, tags: [{ key: 'team', value: 'blue' }, { key: 'env', value: 'lab' }] }));
    await t.ecs.send(new TagResourceCommand({ resourceArn, tags: [{ key: 'team', value: 'green' }] }));
    expect((await t.ecs.send(new ListTagsForResourceCommand({ resourceArn }))).tags).toEqual([
      { key: 'team', value: 'green' },
      { key: 'env', value: 'lab' },
    ]);
    await t.ecs.send(new UntagResourceCommand({ resourceArn, tagKeys: ['team'] }));
    expect((await t.ecs.send(new ListTagsForResourceCommand({ resourceArn }))).tags).toEqual([{ key: 'env', value: 'lab' }]);
    const described = await t.ecs.send(new DescribeServicesCommand({ cluster: 'demo', services: ['web'] }));
    expect(described.services?.[0].tags).toEqual([{ key: 'env', value: 'lab' }]);
  });

  it('answers tags for an unknown resource with ResourceNotFoundException', async () => {
    const error = await t.ecs
      .send(new ListTagsForResourceCommand({ resourceArn: 'arn:aws:ecs:us-east-1:111122223333:cluster/ghost' }))
      .catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ name: 'ResourceNotFoundException', message: 'The specified resource could not be found.' });
  });

  it('treats another region as another ECS: its own clusters and ARNs', async () => {
    const ireland = clientFor(t.server, 'eu-west-1');
    try {
      expect((await ireland.send(new ListClustersCommand({}))).clusterArns).toEqual([]);
      const { cluster } = await ireland.send(new CreateClusterCommand({ clusterName: 'demo' }));
      expect(cluster?.clusterArn).toBe('arn:aws:ecs:eu-west-1:111122223333:cluster/demo');
      const home = await t.ecs.send(new ListClustersCommand({}));
      expect(home.clusterArns).not.toContain(cluster?.clusterArn);
    } finally {
      ireland.destroy();
    }
  });
});

describe('ECS errors through the SDK', () => {
  it('throws ClusterNotFoundException with its name, message and client fault', async () => {
    const error = await t.ecs.send(new DescribeServicesCommand({ cluster: 'nope', services: ['web'] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterNotFoundException);
    expect(error).toMatchObject({ name: 'ClusterNotFoundException', message: 'Cluster not found.', $fault: 'client' });
    expect((error as ClusterNotFoundException).$metadata.httpStatusCode).toBe(400);
  });

  it('throws ServiceNotFoundException for an update of a service that does not exist', async () => {
    const error = await t.ecs.send(new UpdateServiceCommand({ cluster: 'demo', service: 'ghost', desiredCount: 1 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceNotFoundException);
    expect((error as Error).message).toBe('Service not found.');
  });

  it('validates on the server what the SDK sends unchecked', async () => {
    const error = await t.ecs
      .send(new CreateServiceCommand({ cluster: 'demo', taskDefinition: 'web', desiredCount: 'two' as unknown as number } as never))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidParameterException);
    expect((error as Error).message).toMatch(/serviceName/);
  });
});
