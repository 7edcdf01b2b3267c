import type { CapacityProviderStrategyItem, LaunchType, NetworkConfiguration, TaskDefinition } from '../model/types.js';
import { invalidParameter } from '../../kernel/errors.js';
import type { ClusterRecord } from '../model/state.js';
import type { SimContext } from '../../kernel/context.js';
import { isFargateProvider } from './fargate-capacity.js';
import { optionalArray, optionalEnum, optionalInteger, rejectUnknownFields, requireObject, requireString } from '../../kernel/fields.js';

/** Where a service's or RunTask's tasks go: a launch type, or a capacity provider strategy. */
export interface LaunchTarget {
  launchType: LaunchType;
  capacityProviderStrategy: CapacityProviderStrategyItem[];
  networkConfiguration?: NetworkConfiguration;
}

export function validateCapacityProviderStrategy(input: unknown, field: string, cluster: ClusterRecord): CapacityProviderStrategyItem[] {
  const items = optionalArray(input, field, 20) ?? [];
  const strategy = items.map((raw, i) => {
    const item = requireObject(raw, `${field}[${i}]`);
    rejectUnknownFields(item, `${field}[${i}]`, ['capacityProvider', 'weight', 'base']);
    const capacityProvider = requireString(item.capacityProvider, `${field}[${i}].capacityProvider`);
    if (!cluster.capacityProviders.includes(capacityProvider)) {
      throw invalidParameter(
        'The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.',
        `${field}[${i}].capacityProvider`,
      );
    }
    const weight = optionalInteger(item.weight, `${field}[${i}].weight`, { min: 0, max: 1000 });
    const base = optionalInteger(item.base, `${field}[${i}].base`, { min: 0, max: 100000 });
    return { capacityProvider, ...(weight !== undefined ? { weight } : {}), ...(base !== undefined ? { base } : {}) };
  });
  if (strategy.filter((s) => (s.base ?? 0) > 0).length > 1) {
    throw invalidParameter('Only one capacity provider in a capacity provider strategy can have a base.', field);
  }
  if (strategy.length > 0 && strategy.every((s) => (s.weight ?? 0) === 0)) {
    throw invalidParameter('At least one capacity provider in a capacity provider strategy must have a weight greater than zero.', field);
  }
  if (new Set(strategy.map((s) => s.capacityProvider)).size !== strategy.length) {
    throw invalidParameter('A capacity provider can appear only once in a capacity provider strategy.', field);
  }
  const fargate = strategy.filter((s) => isFargateProvider(s.capacityProvider)).length;
  if (fargate > 0 && fargate < strategy.length) {
    throw invalidParameter('A capacity provider strategy cannot mix Fargate capacity providers with Auto Scaling group capacity providers.', field);
  }
  return strategy;
}

function validateNetworkConfiguration(input: unknown): NetworkConfiguration {
  const raw = requireObject(input, 'networkConfiguration');
  rejectUnknownFields(raw, 'networkConfiguration', ['awsvpcConfiguration']);
  const vpc = requireObject(raw.awsvpcConfiguration, 'networkConfiguration.awsvpcConfiguration');
  rejectUnknownFields(vpc, 'networkConfiguration.awsvpcConfiguration', ['subnets', 'securityGroups', 'assignPublicIp']);
  const subnets = (optionalArray(vpc.subnets, 'networkConfiguration.awsvpcConfiguration.subnets', 16) ?? []).map((s, i) =>
    requireString(s, `networkConfiguration.awsvpcConfiguration.subnets[${i}]`),
  );
  if (subnets.length === 0) throw invalidParameter('subnets can not be empty.', 'networkConfiguration.awsvpcConfiguration.subnets');
  const securityGroups = (optionalArray(vpc.securityGroups, 'networkConfiguration.awsvpcConfiguration.securityGroups', 5) ?? []).map((s, i) =>
    requireString(s, `networkConfiguration.awsvpcConfiguration.securityGroups[${i}]`),
  );
  const assignPublicIp = optionalEnum(vpc.assignPublicIp, 'networkConfiguration.awsvpcConfiguration.assignPublicIp', ['ENABLED', 'DISABLED'] as const);
  return { awsvpcConfiguration: { subnets, securityGroups, assignPublicIp: assignPublicIp ?? 'DISABLED' } };
}

/**
 * Resolves launchType / capacityProviderStrategy / the cluster's default strategy, and checks that the
 * task definition can run there (ECS's rules and messages). Without a task definition (an EXTERNAL service,
 * whose task sets bring theirs) only the request itself is checked.
 */
export function resolveLaunchTarget(ctx: SimContext, request: Record<string, unknown>, cluster: ClusterRecord, taskDefinition: TaskDefinition | undefined): LaunchTarget {
  const launchType = optionalEnum(request.launchType, 'launchType', ['EC2', 'FARGATE', 'EXTERNAL'] as const);
  const explicit = validateCapacityProviderStrategy(request.capacityProviderStrategy, 'capacityProviderStrategy', cluster);
  if (launchType && explicit.length > 0) {
    throw invalidParameter('Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.', 'launchType');
  }
  const strategy = launchType ? [] : explicit.length > 0 ? explicit : cluster.defaultCapacityProviderStrategy.map((s) => ({ ...s }));
  const fargateStrategy = strategy.length > 0 && strategy.every((s) => isFargateProvider(s.capacityProvider));
  const managed = strategy.filter((s) => ctx.state.managedInstancesProviders.has(s.capacityProvider)).length;
  if (managed > 0 && managed < strategy.length) {
    throw invalidParameter('A capacity provider strategy cannot mix Managed Instances capacity providers with other capacity providers.', 'capacityProviderStrategy');
  }
  const resolvedLaunchType: LaunchType = launchType ?? (fargateStrategy ? 'FARGATE' : managed > 0 ? 'MANAGED_INSTANCES' : 'EC2');
  if (taskDefinition) checkTaskDefinitionFits(request, resolvedLaunchType, taskDefinition);
  // Without a task definition, a network configuration given is kept as given.
  const needsNetwork = taskDefinition ? taskDefinition.networkMode === 'awsvpc' : request.networkConfiguration !== undefined;
  return {
    launchType: resolvedLaunchType,
    capacityProviderStrategy: strategy,
    ...(needsNetwork ? { networkConfiguration: validateNetworkConfiguration(request.networkConfiguration) } : {}),
  };
}

/** ECS's refusals of a task definition that cannot run on the launch type, or lacks the network it needs. */
function checkTaskDefinitionFits(request: Record<string, unknown>, resolvedLaunchType: LaunchType, taskDefinition: TaskDefinition): void {
  if (resolvedLaunchType === 'MANAGED_INSTANCES' && !taskDefinition.compatibilities.includes('MANAGED_INSTANCES')) {
    throw invalidParameter('Task definition does not support launch_type MANAGED_INSTANCES.', 'taskDefinition');
  }
  if (resolvedLaunchType === 'FARGATE' && !taskDefinition.compatibilities.includes('FARGATE')) {
    throw invalidParameter('Task definition does not support launch_type FARGATE.', 'taskDefinition');
  }
  if (resolvedLaunchType === 'EC2' && taskDefinition.requiresCompatibilities && !taskDefinition.requiresCompatibilities.includes('EC2')) {
    throw invalidParameter('Task definition does not support launch_type EC2.', 'taskDefinition');
  }
  if (resolvedLaunchType === 'EXTERNAL' && !taskDefinition.compatibilities.includes('EXTERNAL')) {
    throw invalidParameter('Task definition does not support launch_type EXTERNAL.', 'taskDefinition');
  }
  const needsNetwork = taskDefinition.networkMode === 'awsvpc';
  if (needsNetwork && request.networkConfiguration === undefined) {
    throw invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.", 'networkConfiguration');
  }
  if (!needsNetwork && request.networkConfiguration !== undefined) {
    throw invalidParameter("Network Configuration is not valid for the given networkMode of this task definition.", 'networkConfiguration');
  }
}
