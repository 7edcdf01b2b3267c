import type { EcsSimulator } from '../../core/index.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * The account the lab starts from: the cluster hybrid with two m5.large instances in the cloud and three of the
 * factory's own servers (4 vCPUs, 8 GiB each), registered with ECS Anywhere.
 */
export const SITUATION = {
  cluster: 'hybrid',
  serviceName: 'scanner',
  family: 'scanner',
  desiredCount: 3,
  servers: 3,
  location: 'factory-1',
} as const;

export function buildCluster(): EcsSimulator {
  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: SITUATION.cluster });
  sim.control.addInstances({ cluster: SITUATION.cluster, instanceType: 'm5.large', count: 2, availabilityZones: ['us-east-1a', 'us-east-1b'] });
  sim.control.addExternalInstances({ cluster: SITUATION.cluster, count: SITUATION.servers, vcpu: 4, memoryMiB: 8192, location: SITUATION.location });
  return sim;
}
