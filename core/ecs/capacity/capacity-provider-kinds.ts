import { invalidParameter } from '../../kernel/errors.js';
import type { SimContext } from '../../kernel/context.js';
import { resolveCluster } from '../model/resolve.js';
import { requireName, requireObject } from '../../kernel/fields.js';
import { createCapacityProvider, deleteCapacityProvider, describeCapacityProviders, updateCapacityProvider } from './capacity-providers-api.js';
import { managedInstancesProviderView, validateManagedInstancesProvider } from './managed-instances-provider.js';
import { ensureManagedFleet } from './managed-instances-controller.js';
import { deleteManagedInstancesProvider, updateManagedInstancesProvider } from './managed-instances-provider-changes.js';

type CreateRequest = Parameters<typeof createCapacityProvider>[1] & { cluster?: string; managedInstancesProvider?: unknown; tags?: unknown };

/**
 * CreateCapacityProvider for either kind: an Auto Scaling group provider, or a MANAGED_INSTANCES one. A
 * Managed Instances provider belongs to its cluster (the default cluster when none is named) and the
 * simulator associates it with that cluster at once.
 */
export function createAnyCapacityProvider(ctx: SimContext, input: CreateRequest) {
  const request = requireObject(input, 'request');
  const name = requireName(request.name, 'name');
  if (ctx.state.managedInstancesProviders.has(name)) throw invalidParameter(`A capacity provider named ${name} already exists.`, 'name');
  if (request.managedInstancesProvider === undefined) return createCapacityProvider(ctx, input);
  if (request.autoScalingGroupProvider !== undefined) {
    throw invalidParameter('Specify either autoScalingGroupProvider or managedInstancesProvider, not both.', 'managedInstancesProvider');
  }
  if (/^(aws|ecs|fargate)/i.test(name)) throw invalidParameter('The capacity provider name cannot be prefixed with "aws", "ecs", or "fargate".', 'name');
  if (ctx.state.capacityProviders.has(name)) throw invalidParameter(`A capacity provider named ${name} already exists.`, 'name');
  const cluster = resolveCluster(ctx, request.cluster);
  const record = validateManagedInstancesProvider(ctx, name, cluster, request.managedInstancesProvider, request.tags);
  ctx.state.managedInstancesProviders.set(name, record);
  if (!cluster.capacityProviders.includes(name)) cluster.capacityProviders.push(name);
  ensureManagedFleet(ctx);
  return { capacityProvider: managedInstancesProviderView(record) };
}

/** DescribeCapacityProviders over both kinds, Managed Instances providers after the others. */
export function describeAnyCapacityProviders(ctx: SimContext, input: { capacityProviders?: string[] } = {}) {
  const answer = describeCapacityProviders(ctx, input);
  const managed = ctx.state.managedInstancesProviders;
  const named = (input ?? {}).capacityProviders;
  if (named === undefined) return { ...answer, capacityProviders: [...answer.capacityProviders, ...[...managed.values()].map(managedInstancesProviderView)] };
  const found = (ref: string) => managed.get(ref.slice(ref.lastIndexOf('/') + 1));
  return {
    capacityProviders: [...answer.capacityProviders, ...answer.failures.flatMap((f) => (found(f.arn) ? [managedInstancesProviderView(found(f.arn)!)] : []))],
    failures: answer.failures.filter((f) => !found(f.arn)),
  };
}

const shortName = (ref: unknown) => (typeof ref === 'string' ? ref.slice(ref.lastIndexOf('/') + 1) : '');

/** UpdateCapacityProvider of either kind; the member for the other kind of provider is refused. */
export function updateAnyCapacityProvider(ctx: SimContext, input: Parameters<typeof updateCapacityProvider>[1] & { cluster?: string; managedInstancesProvider?: unknown }) {
  const request = requireObject(input, 'request');
  const name = shortName(request.name);
  if (ctx.state.managedInstancesProviders.has(name)) return updateManagedInstancesProvider(ctx, request);
  if (request.managedInstancesProvider !== undefined && ctx.state.capacityProviders.has(name)) {
    throw invalidParameter('managedInstancesProvider cannot be updated on an EC2_AUTOSCALING capacity provider; update autoScalingGroupProvider.', 'managedInstancesProvider');
  }
  return updateCapacityProvider(ctx, input);
}

/** DeleteCapacityProvider of either kind. */
export function deleteAnyCapacityProvider(ctx: SimContext, input: { capacityProvider: string; cluster?: string }) {
  const request = requireObject(input, 'request');
  return ctx.state.managedInstancesProviders.has(shortName(request.capacityProvider)) ? deleteManagedInstancesProvider(ctx, request) : deleteCapacityProvider(ctx, input);
}
