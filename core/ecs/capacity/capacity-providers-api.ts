import { invalidParameter } from '../../kernel/errors.js';
import type { SimContext } from '../../kernel/context.js';
import type { CapacityProviderRecord } from '../model/auto-scaling-state.js';
import { FARGATE_PROVIDERS } from './fargate-capacity.js';
import { ensureManagedScaling } from './managed-scaling-controller.js';
import { DEFAULT_MANAGED_SCALING } from './managed-scaling.js';
import { optionalEnum, optionalInteger, optionalStringList, requireName, requireObject, requireString } from '../../kernel/fields.js';

/** CreateCapacityProvider for an Auto Scaling group, with managed scaling and managed termination protection. */
export function createCapacityProvider(
  ctx: SimContext,
  input: {
    name: string;
    autoScalingGroupProvider: {
      autoScalingGroupArn: string;
      managedScaling?: { status?: 'ENABLED' | 'DISABLED'; targetCapacity?: number; minimumScalingStepSize?: number; maximumScalingStepSize?: number; instanceWarmupPeriod?: number };
      managedTerminationProtection?: 'ENABLED' | 'DISABLED';
    };
  },
) {
  const request = requireObject(input, 'request');
  const name = requireName(request.name, 'name');
  if (name.startsWith('aws') || name.startsWith('ecs') || name.startsWith('fargate') || (FARGATE_PROVIDERS as readonly string[]).includes(name)) {
    throw invalidParameter('The capacity provider name cannot be prefixed with "aws", "ecs", or "fargate".', 'name');
  }
  if (ctx.state.capacityProviders.has(name)) throw invalidParameter(`A capacity provider named ${name} already exists.`, 'name');
  const provider = requireObject(request.autoScalingGroupProvider, 'autoScalingGroupProvider');
  const groupArn = requireString(provider.autoScalingGroupArn, 'autoScalingGroupProvider.autoScalingGroupArn');
  if (!ctx.state.autoScalingGroups.has(groupArn)) {
    throw invalidParameter(`The Auto Scaling group ${groupArn} was not found.`, 'autoScalingGroupProvider.autoScalingGroupArn');
  }
  if ([...ctx.state.capacityProviders.values()].some((p) => p.autoScalingGroupArn === groupArn)) {
    throw invalidParameter('The Auto Scaling group is already used by another capacity provider.', 'autoScalingGroupProvider.autoScalingGroupArn');
  }
  const managedScaling = readManagedScaling(provider.managedScaling, { status: 'ENABLED', ...DEFAULT_MANAGED_SCALING });
  const protection = readTerminationProtection(provider.managedTerminationProtection, 'DISABLED', managedScaling.status);
  const record: CapacityProviderRecord = {
    name,
    arn: `arn:aws:ecs:${ctx.region}:${ctx.accountId}:capacity-provider/${name}`,
    autoScalingGroupArn: groupArn,
    managedScaling,
    managedTerminationProtection: protection,
    minutesBelowTarget: 0,
    reservations: [],
  };
  ctx.state.capacityProviders.set(name, record);
  if (managedScaling.status === 'ENABLED') ensureManagedScaling(ctx);
  return { capacityProvider: capacityProviderView(record) };
}

const SCALING = 'autoScalingGroupProvider.managedScaling';

/** managedScaling as a request gives it, over `base` (ECS's defaults, or what the provider has). */
function readManagedScaling(input: unknown, base: CapacityProviderRecord['managedScaling']): CapacityProviderRecord['managedScaling'] {
  const scaling = input === undefined ? {} : requireObject(input, SCALING);
  const merged = {
    status: optionalEnum(scaling.status, `${SCALING}.status`, ['ENABLED', 'DISABLED'] as const) ?? base.status,
    targetCapacity: optionalInteger(scaling.targetCapacity, `${SCALING}.targetCapacity`, { min: 1, max: 100 }) ?? base.targetCapacity,
    minimumScalingStepSize: optionalInteger(scaling.minimumScalingStepSize, `${SCALING}.minimumScalingStepSize`, { min: 1, max: 10000 }) ?? base.minimumScalingStepSize,
    maximumScalingStepSize: optionalInteger(scaling.maximumScalingStepSize, `${SCALING}.maximumScalingStepSize`, { min: 1, max: 10000 }) ?? base.maximumScalingStepSize,
    instanceWarmupPeriod: optionalInteger(scaling.instanceWarmupPeriod, `${SCALING}.instanceWarmupPeriod`, { min: 0, max: 10000 }) ?? base.instanceWarmupPeriod,
  };
  if (merged.minimumScalingStepSize > merged.maximumScalingStepSize) {
    throw invalidParameter('minimumScalingStepSize cannot be larger than maximumScalingStepSize.', `${SCALING}.minimumScalingStepSize`);
  }
  return merged;
}

function readTerminationProtection(input: unknown, base: 'ENABLED' | 'DISABLED', scaling: 'ENABLED' | 'DISABLED'): 'ENABLED' | 'DISABLED' {
  const protection = optionalEnum(input, 'autoScalingGroupProvider.managedTerminationProtection', ['ENABLED', 'DISABLED'] as const) ?? base;
  if (protection === 'ENABLED' && scaling !== 'ENABLED') {
    throw invalidParameter('Managed termination protection needs managed scaling to be enabled.', 'autoScalingGroupProvider.managedTerminationProtection');
  }
  return protection;
}

function resolveCapacityProvider(ctx: SimContext, ref: unknown, field: string): CapacityProviderRecord {
  const name = requireString(ref, field);
  const short = name.slice(name.lastIndexOf('/') + 1);
  if ((FARGATE_PROVIDERS as readonly string[]).includes(short)) throw invalidParameter(`The ${short} capacity provider is reserved and cannot be changed or deleted.`, field);
  const record = ctx.state.capacityProviders.get(short);
  if (!record) throw invalidParameter(`The specified capacity provider ${name} does not exist.`, field);
  return record;
}

/** UpdateCapacityProvider: the Auto Scaling group provider's managed scaling and termination protection. */
export function updateCapacityProvider(ctx: SimContext, input: { name: string; autoScalingGroupProvider?: { managedScaling?: unknown; managedTerminationProtection?: string } }) {
  const request = requireObject(input, 'request');
  const record = resolveCapacityProvider(ctx, request.name, 'name');
  const provider = request.autoScalingGroupProvider === undefined ? {} : requireObject(request.autoScalingGroupProvider, 'autoScalingGroupProvider');
  const managedScaling = readManagedScaling(provider.managedScaling, record.managedScaling);
  record.managedTerminationProtection = readTerminationProtection(provider.managedTerminationProtection, record.managedTerminationProtection, managedScaling.status);
  record.managedScaling = managedScaling;
  if (managedScaling.status === 'ENABLED') ensureManagedScaling(ctx);
  return { capacityProvider: { ...capacityProviderView(record), updateStatus: 'UPDATE_COMPLETE' } };
}

/**
 * DeleteCapacityProvider: only one no cluster uses; ECS answers a refusal as the provider with DELETE_FAILED
 * and the reason, not as an error.
 */
export function deleteCapacityProvider(ctx: SimContext, input: { capacityProvider: string }) {
  const request = requireObject(input, 'request');
  const record = resolveCapacityProvider(ctx, request.capacityProvider, 'capacityProvider');
  const user = [...ctx.state.clusters.values()].find((c) => c.status === 'ACTIVE' && c.capacityProviders.includes(record.name));
  if (user) {
    const updateStatusReason = `The capacity provider cannot be deleted because it is associated with cluster: ${user.name}. Remove the capacity provider from the cluster and try again.`;
    return { capacityProvider: { ...capacityProviderView(record), updateStatus: 'DELETE_FAILED', updateStatusReason } };
  }
  ctx.state.capacityProviders.delete(record.name);
  return { capacityProvider: { ...capacityProviderView(record), updateStatus: 'DELETE_IN_PROGRESS' } };
}

export function describeCapacityProviders(ctx: SimContext, input: { capacityProviders?: string[] } = {}) {
  const request = requireObject(input ?? {}, 'request');
  const names = optionalStringList(request.capacityProviders, 'capacityProviders', 100) ?? [...FARGATE_PROVIDERS, ...ctx.state.capacityProviders.keys()];
  const capacityProviders = [];
  const failures: Array<{ arn: string; reason: string }> = [];
  for (const ref of names) {
    const name = ref.slice(ref.lastIndexOf('/') + 1);
    const record = ctx.state.capacityProviders.get(name);
    if (record) capacityProviders.push(capacityProviderView(record));
    else if ((FARGATE_PROVIDERS as readonly string[]).includes(name)) {
      capacityProviders.push({ capacityProviderArn: `arn:aws:ecs:${ctx.region}:${ctx.accountId}:capacity-provider/${name}`, name, status: 'ACTIVE', tags: [] });
    } else failures.push({ arn: ref, reason: 'MISSING' });
  }
  return { capacityProviders, failures };
}

export function capacityProviderView(record: CapacityProviderRecord) {
  const { status, targetCapacity, minimumScalingStepSize, maximumScalingStepSize, instanceWarmupPeriod } = record.managedScaling;
  return {
    capacityProviderArn: record.arn,
    name: record.name,
    status: 'ACTIVE',
    autoScalingGroupProvider: {
      autoScalingGroupArn: record.autoScalingGroupArn,
      managedScaling: { status, targetCapacity, minimumScalingStepSize, maximumScalingStepSize, instanceWarmupPeriod },
      managedTerminationProtection: record.managedTerminationProtection,
    },
    tags: [],
  };
}

export function isKnownCapacityProvider(ctx: SimContext, name: string): boolean {
  return (FARGATE_PROVIDERS as readonly string[]).includes(name) || ctx.state.capacityProviders.has(name) || ctx.state.managedInstancesProviders.has(name);
}

