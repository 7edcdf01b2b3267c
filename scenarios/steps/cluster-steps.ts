import { defineSteps } from './step-registry.js';

const zoneLetters = 'abcdef';

defineSteps('Clusters and capacity', {
  'a cluster {string} with {int} {word} instance(s) across {int} zone(s)': (world, name: string, count: number, instanceType: string, zones: number) => {
    world.sim.createCluster({ clusterName: name });
    world.cluster = name;
    world.sim.control.addInstances({
      cluster: name,
      instanceType,
      count,
      availabilityZones: Array.from({ length: zones }, (_, i) => `us-east-1${zoneLetters[i]}`),
    });
  },
  'an empty cluster {string}': (world, name: string) => {
    world.sim.createCluster({ clusterName: name });
    world.cluster = name;
  },
  '{int} more {word} instance(s) join(s) the cluster': (world, count: number, instanceType: string) => {
    world.sim.control.addInstances({ cluster: world.cluster, instanceType, count });
  },
});
