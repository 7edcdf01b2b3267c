import type { SimContext } from '../../kernel/context.js';
import type { ClusterRecord, InstanceRecord, ServiceRecord } from '../model/state.js';
import { DEFAULT_SERVICE_STRATEGY } from '../placement/choose-instance.js';
import type { StartOrder } from './service-plan.js';
import type { StartRequest } from './start-tasks.js';
import { findTaskDefinition } from '../model/task-definition-lookup.js';

/** What a plan's start order asks of placement and launch. */
export function startRequestOf(ctx: SimContext, cluster: ClusterRecord, service: ServiceRecord, order: StartOrder): StartRequest {
  const { owner, count, placement } = order;
  return placement.kind === 'instance'
    ? instanceStartRequest(ctx, service, owner, count, cluster.instances.get(placement.instanceArn)!)
    : serviceStartRequest(ctx, service, owner, count, placement.capacityProvider);
}

/**
 * What starting tasks for a service means, whichever decider asks: its group, placement, network and
 * the deployment (or task set) the tasks belong to.
 */
function serviceStartRequest(
  ctx: SimContext,
  service: ServiceRecord,
  owner: StartOrder['owner'],
  count: number,
  capacityProviderName?: string,
): StartRequest {
  return {
    ...ownedBy(ctx, service, owner, count),
    launchType: service.launchType,
    strategies: service.placementStrategy.length > 0 ? service.placementStrategy : DEFAULT_SERVICE_STRATEGY,
    constraints: service.placementConstraints,
    capacityProviderName,
    awsvpc: service.networkConfiguration?.awsvpcConfiguration,
  };
}

/** A daemon's task on the instance chosen for it: nothing left to rank or filter. */
function instanceStartRequest(ctx: SimContext, service: ServiceRecord, owner: StartOrder['owner'], count: number, instance: InstanceRecord): StartRequest {
  return { ...ownedBy(ctx, service, owner, count), launchType: service.managedDaemon ? 'MANAGED_INSTANCES' : 'EC2', strategies: [], onlyOn: instance };
}

/**
 * A service's tasks are in its group, started by their deployment. An ECS Managed Daemon's have no service:
 * the simulator puts them in group daemon:<name>, started by the daemon (ECS does not document either).
 */
function ownedBy(ctx: SimContext, service: ServiceRecord, owner: StartOrder['owner'], count: number) {
  return {
    taskDefinition: findTaskDefinition(ctx, owner.taskDefinitionArn),
    count,
    ...(service.managedDaemon
      ? { group: `daemon:${service.name}`, startedBy: service.managedDaemon, daemonArn: service.managedDaemon }
      : { group: `service:${service.name}`, startedBy: owner.id, serviceName: service.name }),
    deploymentId: owner.id,
  };
}
