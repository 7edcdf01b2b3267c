import type { SimContext } from '../../kernel/context.js';
import type { ServiceRecord } from '../model/state.js';
import { DEFAULT_SERVICE_STRATEGY } from '../placement/choose-instance.js';
import { zonesOfSubnets } from '../capacity/fargate-capacity.js';
import type { StartRequest } from './start-tasks.js';
import { findTaskDefinition } from '../model/task-definition-lookup.js';

/**
 * What starting tasks for a service means, whichever scheduler asks: its group, placement, network and
 * the deployment (or task set) the tasks belong to.
 */
export function serviceStartRequest(
  ctx: SimContext,
  service: ServiceRecord,
  owner: { id: string; taskDefinitionArn: string },
  count: number,
  capacityProviderName?: string,
): StartRequest {
  return {
    taskDefinition: findTaskDefinition(ctx, owner.taskDefinitionArn),
    count,
    group: `service:${service.name}`,
    launchType: service.launchType,
    strategies: service.placementStrategy.length > 0 ? service.placementStrategy : DEFAULT_SERVICE_STRATEGY,
    constraints: service.placementConstraints,
    startedBy: owner.id,
    serviceName: service.name,
    deploymentId: owner.id,
    capacityProviderName,
    zones: service.networkConfiguration ? zonesOfSubnets(ctx.region, service.networkConfiguration.awsvpcConfiguration.subnets) : undefined,
  };
}
