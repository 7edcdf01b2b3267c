import { invalidParameter } from '../kernel/errors.js';
import type { SimContext } from '../kernel/context.js';
import { findContainerInstance, resolveCluster } from '../ecs/model/resolve.js';
import { instancesOfProvider, setStatus } from '../ecs/capacity/managed-instances-controller.js';
import { optionalEnum, optionalString, rejectUnknownFields, requireObject, requireString } from '../kernel/fields.js';

export interface ReplaceManagedInstancesRequest {
  cluster?: string;
  capacityProvider: string;
  /** One instance (ARN or id); every instance of the provider when left out. */
  instance?: string;
  /** patch: a patch window or an instance reaching its 14 days; impaired: EC2 reports it impaired. */
  reason: 'patch' | 'impaired';
}

/**
 * Simulation control: ECS takes Managed Instances out of service to patch or repair them. They go DRAINING,
 * services move their tasks, tasks that find no room wait while ECS launches replacements, and a drained
 * instance is terminated at ECS's next pass. An impaired instance is replaced only when the provider's auto
 * repair is ENABLED. Returns the instances drained.
 */
export function replaceManagedInstances(ctx: SimContext, input: ReplaceManagedInstancesRequest): { containerInstanceArns: string[] } {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['cluster', 'capacityProvider', 'instance', 'reason']);
  const cluster = resolveCluster(ctx, request.cluster);
  const name = requireString(request.capacityProvider, 'capacityProvider');
  const provider = ctx.state.managedInstancesProviders.get(name);
  if (!provider || provider.clusterName !== cluster.name) throw invalidParameter(`No Managed Instances capacity provider ${name} in cluster ${cluster.name}.`, 'capacityProvider');
  const reason = optionalEnum(request.reason, 'reason', ['patch', 'impaired'] as const);
  if (!reason) throw invalidParameter('reason should be patch or impaired.', 'reason');
  const ref = optionalString(request.instance, 'instance');
  const one = ref === undefined ? undefined : findContainerInstance(cluster, ref);
  if (ref !== undefined && (!one || one.capacityProviderName !== name)) throw invalidParameter(`No instance ${ref} of ${name}.`, 'instance');
  if (reason === 'impaired' && provider.autoRepair === 'DISABLED') return { containerInstanceArns: [] };
  const drained = (one ? [one] : instancesOfProvider(cluster, provider)).filter((i) => i.status === 'ACTIVE');
  for (const instance of drained) setStatus(ctx, instance, 'DRAINING');
  return { containerInstanceArns: drained.map((i) => i.arn) };
}
