import { defineSteps } from './step-registry.js';

const zoneLetters = 'abcdef';

defineSteps('Clusters and capacity', {
  'a cluster {string} with {int} {word} instance(s) across {int} zone(s)': async (world, name: string, count: number, instanceType: string, zones: number) => {
    await world.sim.call('ecs', 'createCluster', { clusterName: name });
    world.cluster = name;
    await world.sim.control('addInstances', {
      cluster: name,
      instanceType,
      count,
      availabilityZones: Array.from({ length: zones }, (_, i) => `us-east-1${zoneLetters[i]}`),
    });
  },
  'an empty cluster {string}': async (world, name: string) => {
    await world.sim.call('ecs', 'createCluster', { clusterName: name });
    world.cluster = name;
  },
  '{int} more {word} instance(s) join(s) the cluster': async (world, count: number, instanceType: string) => {
    await world.sim.control('addInstances', { cluster: world.cluster, instanceType, count });
  },
});
