import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';

const containerInstanceCount = async (world: ScenarioWorld) =>
  (await world.sim.call('ecs', 'listContainerInstances', { cluster: world.cluster })).containerInstanceArns.length;

defineSteps('Cluster auto scaling', {
  'an Auto Scaling group {string} of {word} instances, from {int} to {int}, behind the capacity provider {string} with managed scaling at {int} %': async (
    world,
    groupName: string,
    instanceType: string,
    minSize: number,
    maxSize: number,
    providerName: string,
    targetCapacity: number,
  ) => {
    const { autoScalingGroupArn } = await world.sim.control('createAutoScalingGroup', { name: groupName, cluster: world.cluster, instanceType, minSize, maxSize });
    await world.sim.call('ecs', 'createCapacityProvider', {
      name: providerName,
      autoScalingGroupProvider: { autoScalingGroupArn, managedScaling: { status: 'ENABLED', targetCapacity }, managedTerminationProtection: 'ENABLED' },
    });
    await world.sim.call('ecs', 'putClusterCapacityProviders', {
      cluster: world.cluster,
      capacityProviders: [providerName],
      defaultCapacityProviderStrategy: [{ capacityProvider: providerName, weight: 1 }],
    });
  },
  '{int} tasks of {string} wait in PROVISIONING': async (world, count: number, name: string) => {
    await world.sim.control('advance', 1);
    const { taskArns } = await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, serviceName: name });
    const tasks = taskArns.length ? (await world.sim.call('ecs', 'describeTasks', { cluster: world.cluster, tasks: taskArns })).tasks : [];
    const waiting = tasks.filter((t) => t.lastStatus === 'PROVISIONING' && !t.containerInstanceArn).length;
    expect(waiting === count, () => `${waiting} tasks wait in PROVISIONING (${tasks.map((t) => t.lastStatus).join(', ')}).`);
  },
  'the cluster has {int} container instance(s) within {int} minute(s)': async (world, count: number, minutes: number) => {
    const reached = await world.sim.runUntil(async () => (await containerInstanceCount(world)) === count, minutes * 60);
    const now = await containerInstanceCount(world);
    expect(reached, () => `After ${minutes} minutes the cluster has ${now} container instances.`);
  },
  'the cluster still has {int} container instance(s) after {int} minute(s)': async (world, count: number, minutes: number) => {
    await world.sim.control('advance', minutes * 60);
    const now = await containerInstanceCount(world);
    expect(now === count, () => `The cluster has ${now} container instances.`);
  },
  'the CapacityProviderReservation of {string} reached {int}': async (world, provider: string, value: number) => {
    const seen = (await world.sim.control('capacityProviderReservations', provider)).map((r) => Math.round(r.value));
    expect(seen.includes(value), () => `The reservation was ${seen.join(', ') || 'never published'}.`);
  },
});
