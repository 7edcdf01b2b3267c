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
  const at = 'autoScalingGroupProvider.managedScaling';
  const scaling = provider.managedScaling === undefined ? {} : requireObject(provider.managedScaling, at);
  const status = optionalEnum(scaling.status, `${at}.status`, ['ENABLED', 'DISABLED'] as const) ?? 'ENABLED';
  const minStep = optionalInteger(scaling.minimumScalingStepSize, `${at}.minimumScalingStepSize`, { min: 1, max: 10000 }) ?? DEFAULT_MANAGED_SCALING.minimumScalingStepSize;
  const maxStep = optionalInteger(scaling.maximumScalingStepSize, `${at}.maximumScalingStepSize`, { min: 1, max: 10000 }) ?? DEFAULT_MANAGED_SCALING.maximumScalingStepSize;
  if (minStep > maxStep) throw invalidParameter('minimumScalingStepSize cannot be larger than maximumScalingStepSize.', `${at}.minimumScalingStepSize`);
  const protection = optionalEnum(provider.managedTerminationProtection, 'autoScalingGroupProvider.managedTerminationProtection', ['ENABLED', 'DISABLED'] as const) ?? 'DISABLED';
  if (protection === 'ENABLED' && status !== 'ENABLED') {
    throw invalidParameter('Managed termination protection needs managed scaling to be enabled.', 'autoScalingGroupProvider.managedTerminationProtection');
  }
  const record: CapacityProviderRecord = {
    name,
    arn: `arn:aws:ecs:${ctx.region}:${ctx.accountId}:capacity-provider/${name}`,
    autoScalingGroupArn: groupArn,
    managedScaling: {
      status,
      targetCapacity: optionalInteger(scaling.targetCapacity, `${at}.targetCapacity`, { min: 1, max: 100 }) ?? DEFAULT_MANAGED_SCALING.targetCapacity,
      minimumScalingStepSize: minStep,
      maximumScalingStepSize: maxStep,
      instanceWarmupPeriod: optionalInteger(scaling.instanceWarmupPeriod, `${at}.instanceWarmupPeriod`, { min: 0, max: 10000 }) ?? DEFAULT_MANAGED_SCALING.instanceWarmupPeriod,
    },
    managedTerminationProtection: protection,
    minutesBelowTarget: 0,
    reservations: [],
  };
  ctx.state.capacityProviders.set(name, record);
  if (status === 'ENABLED') ensureManagedScaling(ctx);
  return { capacityProvider: capacityProviderView(record) };
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

