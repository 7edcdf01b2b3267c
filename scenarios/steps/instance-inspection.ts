import type { ContainerInstance } from '../../core/index.js';
import type { ScenarioWorld } from '../world/scenario-world.js';
import { StepFailure } from './step-registry.js';

/** "instance 2" in a scenario is the second container instance registered with the cluster, as the cluster view numbers them. */
export async function instanceNumbered(world: ScenarioWorld, n: number): Promise<ContainerInstance> {
  const picture = (await world.sim.control('view')).clusters.find((c) => c.clusterName === world.cluster);
  const tile = picture?.instances[n - 1];
  if (!tile) throw new StepFailure(`There is no instance ${n}: the cluster has ${picture?.instances.length ?? 0}.`);
  return (await world.sim.call('ecs', 'describeContainerInstances', { cluster: world.cluster, containerInstances: [tile.containerInstanceArn] })).containerInstances[0];
}
