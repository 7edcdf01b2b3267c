import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateCapacityProviderCommand,
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteCapacityProviderCommand,
  DeleteServiceCommand,
  DescribeCapacityProvidersCommand,
  ListContainerInstancesCommand,
  RegisterTaskDefinitionCommand,
  UpdateCapacityProviderCommand,
} from '@aws-sdk/client-ecs';
import { sdkFailure, startTestServer, type TestServer } from './test-server.js';

/** A Managed Instances provider changed and then deleted through the SDK, as a platform team's script would. */
let t: TestServer;
const ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRole';
const PROFILE = 'arn:aws:iam::123456789012:instance-profile/ecsInstanceRole';
beforeAll(async () => {
  t = await startTestServer();
  await t.ecs.send(new CreateClusterCommand({ clusterName: 'demo' }));
  await t.ecs.send(
    new CreateCapacityProviderCommand({
      name: 'managed',
      cluster: 'demo',
      managedInstancesProvider: { infrastructureRoleArn: ROLE, instanceLaunchTemplate: { ec2InstanceProfileArn: PROFILE, networkConfiguration: { subnets: ['subnet-a'] } } },
    }),
  );
  await t.ecs.send(new RegisterTaskDefinitionCommand({ family: 'web', requiresCompatibilities: ['MANAGED_INSTANCES'], containerDefinitions: [{ name: 'web', image: 'nginx:1.27', cpu: 512, memory: 1024 }] }));
  await t.ecs.send(
    new CreateServiceCommand({
      cluster: 'demo',
      serviceName: 'web',
      taskDefinition: 'web',
      desiredCount: 1,
      capacityProviderStrategy: [{ capacityProvider: 'managed', weight: 1 }],
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'] } },
    }),
  );
  await t.sim('run-until-steady', { cluster: 'demo', service: 'web' });
});
afterAll(() => t.close());

describe('a Managed Instances provider over the wire', () => {
  it('is updated with the model\'s enums checked, and the change is described', async () => {
    const refused = await sdkFailure(
      t.ecs.send(new UpdateCapacityProviderCommand({ name: 'managed', cluster: 'demo', managedInstancesProvider: { infrastructureRoleArn: ROLE, instanceLaunchTemplate: {}, propagateTags: 'ALL' as never } })),
    );
    expect(refused?.name).toBe('InvalidParameterException');
    const { capacityProvider } = await t.ecs.send(
      new UpdateCapacityProviderCommand({ name: 'managed', cluster: 'demo', managedInstancesProvider: { infrastructureRoleArn: ROLE, instanceLaunchTemplate: { monitoring: 'DETAILED' } } }),
    );
    expect(capacityProvider).toMatchObject({ updateStatus: 'UPDATE_COMPLETE', managedInstancesProvider: { instanceLaunchTemplate: { monitoring: 'DETAILED', ec2InstanceProfileArn: PROFILE } } });
  });

  it('is deleted once no service uses it: DEPROVISIONING, then gone with its instance', async () => {
    const failed = await t.ecs.send(new DeleteCapacityProviderCommand({ capacityProvider: 'managed', cluster: 'demo' }));
    expect(failed.capacityProvider?.updateStatus).toBe('DELETE_FAILED');
    await t.ecs.send(new DeleteServiceCommand({ cluster: 'demo', service: 'web', force: true }));
    await t.sim('advance', { seconds: 60 });
    const { capacityProvider } = await t.ecs.send(new DeleteCapacityProviderCommand({ capacityProvider: 'managed', cluster: 'demo' }));
    expect(capacityProvider).toMatchObject({ status: 'DEPROVISIONING', updateStatus: 'DELETE_IN_PROGRESS' });
    await t.sim('advance', { seconds: 180 });
    const described = await t.ecs.send(new DescribeCapacityProvidersCommand({ capacityProviders: ['managed'] }));
    expect(described.failures).toEqual([{ arn: 'managed', reason: 'MISSING' }]);
    expect((await t.ecs.send(new ListContainerInstancesCommand({ cluster: 'demo' }))).containerInstanceArns).toEqual([]);
  });
});
