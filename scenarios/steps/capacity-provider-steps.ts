import { defineSteps, expect } from './step-registry.js';

defineSteps('Cluster auto scaling', {
  'an Auto Scaling group {string} of {word} instances, from {int} to {int}, behind the capacity provider {string} with managed scaling at {int} %': (
    world,
    groupName: string,
    instanceType: string,
    minSize: number,
    maxSize: number,
    providerName: string,
    targetCapacity: number,
  ) => {
    const { autoScalingGroupArn } = world.sim.control.createAutoScalingGroup({ name: groupName, cluster: world.cluster, instanceType, minSize, maxSize });
    world.sim.createCapacityProvider({
      name: providerName,
      autoScalingGroupProvider: { autoScalingGroupArn, managedScaling: { status: 'ENABLED', targetCapacity }, managedTerminationProtection: 'ENABLED' },
    });
    world.sim.putClusterCapacityProviders({
      cluster: world.cluster,
      capacityProviders: [providerName],
      defaultCapacityProviderStrategy: [{ capacityProvider: providerName, weight: 1 }],
    });
  },
  '{int} tasks of {string} wait in PROVISIONING': (world, count: number, name: string) => {
    world.sim.control.advance(1);
    const { taskArns } = world.sim.listTasks({ cluster: world.cluster, serviceName: name });
    const tasks = taskArns.length ? world.sim.describeTasks({ cluster: world.cluster, tasks: taskArns }).tasks : [];
    const waiting = tasks.filter((t) => t.lastStatus === 'PROVISIONING' && !t.containerInstanceArn).length;
    expect(waiting === count, () => `${waiting} tasks wait in PROVISIONING (${tasks.map((t) => t.lastStatus).join(', ')}).`);
  },
  'the cluster has {int} container instance(s) within {int} minute(s)': (world, count: number, minutes: number) => {
    const reached = world.sim.control.runUntil(() => world.sim.listContainerInstances({ cluster: world.cluster }).containerInstanceArns.length === count, minutes * 60);
    const now = world.sim.listContainerInstances({ cluster: world.cluster }).containerInstanceArns.length;
    expect(reached, () => `After ${minutes} minutes the cluster has ${now} container instances.`);
  },
  'the cluster still has {int} container instance(s) after {int} minute(s)': (world, count: number, minutes: number) => {
    world.sim.control.advance(minutes * 60);
    const now = world.sim.listContainerInstances({ cluster: world.cluster }).containerInstanceArns.length;
    expect(now === count, () => `The cluster has ${now} container instances.`);
  },
  'the CapacityProviderReservation of {string} reached {int}': (world, provider: string, value: number) => {
    const seen = world.sim.control.capacityProviderReservations(provider).map((r) => Math.round(r.value));
    expect(seen.includes(value), () => `The reservation was ${seen.join(', ') || 'never published'}.`);
  },
});
