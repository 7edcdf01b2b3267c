import { invalidParameter } from '../kernel/errors.js';
import { resolveCluster } from '../ecs/model/resolve.js';
import type { SimContext } from '../kernel/context.js';
import { launchInstances } from '../ecs/capacity/auto-scaling-group.js';
import { INSTANCE_TYPES } from '../ecs/model/instance-types.js';
import { optionalArray, optionalBoolean, optionalEnum, optionalInteger, optionalString, rejectUnknownFields, requireName, requireObject } from '../kernel/fields.js';

export interface CreateAutoScalingGroupRequest {
  name: string;
  cluster?: string;
  instanceType: string;
  minSize?: number;
  maxSize: number;
  desiredCapacity?: number;
  availabilityZones?: string[];
  lifecycle?: 'on-demand' | 'spot';
  spotInstanceDraining?: boolean;
}

/**
 * Simulation control: an EC2 Auto Scaling group whose launch template joins the cluster (ECS_CLUSTER in the
 * user data). Put a capacity provider in front of it with CreateCapacityProvider.
 */
export function createAutoScalingGroup(ctx: SimContext, input: CreateAutoScalingGroupRequest): { autoScalingGroupArn: string } {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['name', 'cluster', 'instanceType', 'minSize', 'maxSize', 'desiredCapacity', 'availabilityZones', 'lifecycle', 'spotInstanceDraining']);
  const name = requireName(request.name, 'name');
  if ([...ctx.state.autoScalingGroups.values()].some((g) => g.name === name)) throw invalidParameter(`An Auto Scaling group named ${name} already exists.`, 'name');
  const cluster = resolveCluster(ctx, request.cluster);
  const instanceType = optionalString(request.instanceType, 'instanceType');
  if (!instanceType || !INSTANCE_TYPES[instanceType]) throw invalidParameter(`instanceType ${JSON.stringify(instanceType ?? null)} is not a simulated instance type.`, 'instanceType');
  const maxSize = optionalInteger(request.maxSize, 'maxSize', { min: 0, max: 5000 });
  if (maxSize === undefined) throw invalidParameter('maxSize is required.', 'maxSize');
  const minSize = optionalInteger(request.minSize, 'minSize', { min: 0, max: maxSize }) ?? 0;
  const desiredCapacity = optionalInteger(request.desiredCapacity, 'desiredCapacity', { min: minSize, max: maxSize }) ?? minSize;
  const zones = (optionalArray(request.availabilityZones, 'availabilityZones', 10) ?? ['a', 'b', 'c'].map((z) => `${ctx.region}${z}`)).map((z, i) => optionalString(z, `availabilityZones[${i}]`)!);
  const arn = `arn:aws:autoscaling:${ctx.region}:${ctx.accountId}:autoScalingGroup:${ctx.random.uuid()}:autoScalingGroupName/${name}`;
  const group = {
    arn,
    name,
    clusterName: cluster.name,
    instanceType,
    minSize,
    maxSize,
    availabilityZones: zones,
    lifecycle: optionalEnum(request.lifecycle, 'lifecycle', ['on-demand', 'spot'] as const) ?? 'on-demand',
    spotInstanceDraining: optionalBoolean(request.spotInstanceDraining, 'spotInstanceDraining') ?? false,
    booting: [],
    launchedAt: new Map<string, number>(),
  };
  ctx.state.autoScalingGroups.set(arn, group);
  launchInstances(ctx, group, desiredCapacity);
  return { autoScalingGroupArn: arn };
}
