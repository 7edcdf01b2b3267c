import { EcsError, invalidParameter } from '../../kernel/errors.js';
import type { SimContext } from '../../kernel/context.js';
import type { ClusterRecord } from '../model/state.js';
import type { ManagedInstancesProviderRecord } from '../model/managed-instances-state.js';
import { resolveCluster } from '../model/resolve.js';
import { requireObject, requireString } from '../../kernel/fields.js';
import { managedInstancesProviderView, readManagedInstancesSettings } from './managed-instances-provider.js';
import { instancesOfProvider, setStatus } from './managed-instances-controller.js';

/**
 * UpdateCapacityProvider and DeleteCapacityProvider of a MANAGED_INSTANCES provider. Such a provider belongs to
 * its cluster: `cluster` names it (the default cluster when none is named, as at its creation).
 */
function resolveManagedInstancesProvider(ctx: SimContext, request: Record<string, unknown>, field: string): { cluster: ClusterRecord; provider: ManagedInstancesProviderRecord } {
  const ref = requireString(request[field], field);
  const provider = ctx.state.managedInstancesProviders.get(ref.slice(ref.lastIndexOf('/') + 1));
  const cluster = resolveCluster(ctx, request.cluster);
  if (!provider || provider.clusterName !== cluster.name) throw invalidParameter(`The specified capacity provider ${ref} does not exist.`, field);
  return { cluster, provider };
}

/**
 * ECS changes the infrastructure role, the launch template, tag propagation, scale-in and auto repair; the
 * instances already running keep what they were launched with, the next ones get the new settings.
 */
export function updateManagedInstancesProvider(ctx: SimContext, request: Record<string, unknown>) {
  const { provider } = resolveManagedInstancesProvider(ctx, request, 'name');
  if (request.autoScalingGroupProvider !== undefined) {
    throw invalidParameter('autoScalingGroupProvider cannot be updated on a MANAGED_INSTANCES capacity provider; update managedInstancesProvider.', 'autoScalingGroupProvider');
  }
  if (provider.status !== 'ACTIVE') throw new EcsError('ClientException', `The capacity provider ${provider.name} is being deleted and cannot be updated.`, 'name');
  if (request.managedInstancesProvider !== undefined) Object.assign(provider, readManagedInstancesSettings(request.managedInstancesProvider, provider));
  return { capacityProvider: { ...managedInstancesProviderView(provider), updateStatus: 'UPDATE_COMPLETE' } };
}

/** Why a provider cannot be deleted yet: a service or the cluster's default strategy still sends tasks to it. */
function inUse(cluster: ClusterRecord, name: string): string | undefined {
  for (const service of cluster.services.values()) {
    if (service.status !== 'INACTIVE' && service.capacityProviderStrategy.some((s) => s.capacityProvider === name)) {
      return `The capacity provider cannot be deleted because it is in the capacity provider strategy of service: ${service.name}. Update the service to use other capacity and try again.`;
    }
  }
  if (cluster.defaultCapacityProviderStrategy.some((s) => s.capacityProvider === name)) {
    return `The capacity provider cannot be deleted because it is in the default capacity provider strategy of cluster: ${cluster.name}. Remove it from the default strategy and try again.`;
  }
  return undefined;
}

/**
 * DeleteCapacityProvider: refused (DELETE_FAILED and the reason, as for any capacity provider) while a service
 * or the default strategy uses it. Otherwise it leaves its cluster, goes DEPROVISIONING and drains its
 * instances; ECS's once-a-minute pass terminates each once its tasks are gone (managed-instances-controller.ts)
 * and forgets the provider with its last instance.
 */
export function deleteManagedInstancesProvider(ctx: SimContext, input: unknown) {
  const request = requireObject(input, 'request');
  const { cluster, provider } = resolveManagedInstancesProvider(ctx, request, 'capacityProvider');
  const updateStatusReason = inUse(cluster, provider.name);
  if (updateStatusReason) return { capacityProvider: { ...managedInstancesProviderView(provider), updateStatus: 'DELETE_FAILED', updateStatusReason } };
  if (provider.status === 'ACTIVE') {
    provider.status = 'DEPROVISIONING';
    cluster.capacityProviders = cluster.capacityProviders.filter((name) => name !== provider.name);
    for (const instance of instancesOfProvider(cluster, provider)) if (instance.status === 'ACTIVE') setStatus(ctx, instance, 'DRAINING');
  }
  return { capacityProvider: { ...managedInstancesProviderView(provider), updateStatus: 'DELETE_IN_PROGRESS' } };
}
