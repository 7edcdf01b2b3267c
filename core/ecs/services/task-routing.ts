import type { DeploymentHistory, ServiceRecord, TaskRecord } from '../model/state.js';

/**
 * The load balancers, Cloud Map registries and Service Connect aliases a service's task was started with:
 * its deployment's, as the service was when that deployment started. An UpdateService that changes them
 * starts a new deployment, and the old deployment's tasks stay where they registered until they stop.
 * A task of no deployment (a daemon's) follows the service.
 */
export function routingOfTask(service: ServiceRecord, task: TaskRecord): Pick<DeploymentHistory, 'loadBalancers' | 'serviceRegistries' | 'serviceConnectAliases'> {
  return service.deployments.find((d) => d.id === task.deploymentId)?.history ?? service;
}
