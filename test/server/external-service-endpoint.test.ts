import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  CreateTaskSetCommand,
  DescribeServicesCommand,
  RegisterTaskDefinitionCommand,
  UpdateServicePrimaryTaskSetCommand,
} from '@aws-sdk/client-ecs';
import { startTestServer, type TestServer } from './test-server.js';

/** A third-party deployment controller's first calls, through the SDK: the service first, its task sets after. */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await t.ecs.send(new CreateClusterCommand({ clusterName: 'ci' }));
  await t.ecs.send(new RegisterTaskDefinitionCommand({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', memory: 256 }] }));
});
afterAll(() => t.close());

describe('an EXTERNAL service over the wire', () => {
  it('is created without a task definition and described as ECS describes it until a task set is PRIMARY', async () => {
    const { service } = await t.ecs.send(new CreateServiceCommand({ cluster: 'ci', serviceName: 'web', desiredCount: 1, deploymentController: { type: 'EXTERNAL' } }));
    expect(service?.taskDefinition).toBeUndefined();
    expect(service).toMatchObject({ deployments: [], taskSets: [], deploymentController: { type: 'EXTERNAL' } });

    const { taskSet } = await t.ecs.send(new CreateTaskSetCommand({ cluster: 'ci', service: 'web', taskDefinition: 'web' }));
    const before = (await t.ecs.send(new DescribeServicesCommand({ cluster: 'ci', services: ['web'] }))).services?.[0];
    expect(before?.taskDefinition).toBeUndefined();
    expect(before?.taskSets?.map((s) => s.status)).toEqual(['ACTIVE']);

    await t.ecs.send(new UpdateServicePrimaryTaskSetCommand({ cluster: 'ci', service: 'web', primaryTaskSet: taskSet!.id! }));
    const after = (await t.ecs.send(new DescribeServicesCommand({ cluster: 'ci', services: ['web'] }))).services?.[0];
    expect(after?.taskDefinition).toBe(taskSet?.taskDefinition);
    expect(after?.taskSets?.map((s) => s.status)).toEqual(['PRIMARY']);
  });
});
