import { invalidParameter } from '../../kernel/errors.js';
import type { SimContext } from '../../kernel/context.js';
import type { ServiceLoadBalancer, ServiceRecord } from '../model/state.js';
import type { ServiceConnectConfiguration, ServiceRegistry, TaskDefinition } from '../model/types.js';
import { checkLaunchTypeTakesLoadBalancers, validateServiceLoadBalancers } from './validate-service-load-balancers.js';
import { givenServiceConnect, serviceConnectNamespace, validateServiceConnect, validateServiceRegistries } from './validate-service-discovery.js';

/** What an UpdateService changes in how tasks are reached; a member is there only when the request gave it. */
export interface RoutingUpdate {
  loadBalancers?: ServiceLoadBalancer[];
  serviceRegistries?: ServiceRegistry[];
  serviceConnect?: { aliases: string[]; namespaceArn?: string; configuration?: ServiceConnectConfiguration };
}

/** ECS's words for a CODE_DEPLOY service; the EXTERNAL one follows the task definition message's pattern. */
const notThroughUpdateService = (service: ServiceRecord, what: string) =>
  service.deploymentController === 'CODE_DEPLOY'
    ? `Unable to update ${what} on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.`
    : `Unable to update ${what} on services with an EXTERNAL deployment controller. Use CreateTaskSet.`;

/**
 * UpdateService `loadBalancers`, `serviceRegistries` and `serviceConnectConfiguration`: only the ECS deployment
 * controller takes them (CodeDeploy and external services change them through their own deployments). New
 * load balancers are checked against the task definition the update deploys; without new ones, that task
 * definition must still fit the service's current load balancers. An empty list removes them.
 */
export function validateRoutingUpdate(
  ctx: SimContext,
  request: Record<string, unknown>,
  service: ServiceRecord,
  deployed: TaskDefinition | undefined,
  given: TaskDefinition | undefined,
): RoutingUpdate {
  const update: RoutingUpdate = {};
  if (request.loadBalancers !== undefined) {
    if (service.deploymentController !== 'ECS') throw invalidParameter(notThroughUpdateService(service, 'load balancers'), 'loadBalancers');
    // Only an EXTERNAL service may lack a task definition, and it was refused above.
    update.loadBalancers = validateServiceLoadBalancers(ctx, request.loadBalancers, deployed!);
    checkLaunchTypeTakesLoadBalancers(service.launchType, update.loadBalancers);
  } else if (given) {
    validateServiceLoadBalancers(ctx, service.loadBalancers, given);
  }
  if (request.serviceRegistries !== undefined) {
    if (service.deploymentController !== 'ECS') throw invalidParameter(notThroughUpdateService(service, 'service registries'), 'serviceRegistries');
    update.serviceRegistries = validateServiceRegistries(ctx, request.serviceRegistries);
  }
  if (request.serviceConnectConfiguration !== undefined) {
    if (service.deploymentController !== 'ECS') {
      throw invalidParameter(notThroughUpdateService(service, 'Service Connect configuration'), 'serviceConnectConfiguration');
    }
    update.serviceConnect = {
      aliases: validateServiceConnect(ctx, request.serviceConnectConfiguration),
      namespaceArn: serviceConnectNamespace(ctx, request.serviceConnectConfiguration)?.arn,
      configuration: givenServiceConnect(request.serviceConnectConfiguration),
    };
  }
  return update;
}

/** Writes a checked update onto the service; true when it changes what new tasks register with (a new deployment). */
export function applyRoutingUpdate(service: ServiceRecord, update: RoutingUpdate): boolean {
  if (update.loadBalancers) service.loadBalancers = update.loadBalancers;
  if (update.serviceRegistries) service.serviceRegistries = update.serviceRegistries;
  if (update.serviceConnect) {
    service.serviceConnectAliases = update.serviceConnect.aliases;
    service.serviceConnectConfiguration = update.serviceConnect.configuration;
    if (update.serviceConnect.namespaceArn) service.serviceConnectNamespaceArn = update.serviceConnect.namespaceArn;
    else delete service.serviceConnectNamespaceArn;
  }
  return Object.keys(update).length > 0;
}
