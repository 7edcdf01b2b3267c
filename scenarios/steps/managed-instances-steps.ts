import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { THREE_SUBNETS } from './fargate-requests.js';

const ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRole';
const PROFILE = 'arn:aws:iam::123456789012:instance-profile/ecsInstanceRole';

async function instancesOf(world: ScenarioWorld) {
  const { containerInstanceArns } = await world.sim.call('ecs', 'listContainerInstances', { cluster: world.cluster });
  return containerInstanceArns.length ? (await world.sim.call('ecs', 'describeContainerInstances', { cluster: world.cluster, containerInstances: containerInstanceArns })).containerInstances : [];
}

const typeOf = (instance: { attributes?: Array<{ name: string; value?: string }> }) => instance.attributes?.find((a) => a.name === 'ecs.instance-type')?.value;

defineSteps('Managed Instances', {
  'a Managed Instances capacity provider {string} that scales in after {int} seconds idle': async (world, name: string, seconds: number) => {
    await world.sim.call('ecs', 'createCapacityProvider', {
      name,
      cluster: world.cluster,
      managedInstancesProvider: {
        infrastructureRoleArn: ROLE,
        instanceLaunchTemplate: { ec2InstanceProfileArn: PROFILE, networkConfiguration: { subnets: THREE_SUBNETS } },
        infrastructureOptimization: { scaleInAfter: seconds },
      },
    } as never);
    await world.sim.call('ecs', 'putClusterCapacityProviders', { cluster: world.cluster, capacityProviders: [name], defaultCapacityProviderStrategy: [{ capacityProvider: name, weight: 1 }] });
  },
  'a Managed Instances task definition {string} for image {string} with {int} CPU units and {int} MiB of memory': async (world, family: string, image: string, cpu: number, memory: number) => {
    await world.sim.call('ecs', 'registerTaskDefinition', {
      family,
      requiresCompatibilities: ['MANAGED_INSTANCES'],
      containerDefinitions: [{ name: family, image, cpu, memory, essential: true, portMappings: [{ containerPort: 80 }] }],
    } as never);
  },
  'ECS has launched {int} {word} instance(s) within {int} minute(s)': async (world, count: number, instanceType: string, minutes: number) => {
    const launched = async () => (await instancesOf(world)).filter((i) => i.status === 'ACTIVE' && typeOf(i) === instanceType).length;
    const reached = await world.sim.runUntil(async () => (await launched()) === count, minutes * 60);
    const seen = (await instancesOf(world)).map((i) => `${typeOf(i)} ${i.status}`);
    expect(reached, () => `After ${minutes} minutes the cluster has: ${seen.join(', ') || 'no instances'}.`);
  },
  'an instance is DEREGISTERING within {int} minute(s)': async (world, minutes: number) => {
    const reached = await world.sim.runUntil(async () => (await instancesOf(world)).some((i) => i.status === 'DEREGISTERING'), minutes * 60);
    const seen = (await instancesOf(world)).map((i) => i.status);
    expect(reached, () => `After ${minutes} minutes the instances are ${seen.join(', ') || 'gone'}.`);
  },
  'ECS patches the instances of {string}': async (world, provider: string) => {
    await world.sim.control('replaceManagedInstances', { cluster: world.cluster, capacityProvider: provider, reason: 'patch' });
  },
});
