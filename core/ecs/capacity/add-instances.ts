import { EcsError, invalidParameter } from '../../kernel/errors.js';
import { resolveCluster } from '../model/resolve.js';
import { arns } from '../../kernel/arns.js';
import type { SimContext } from '../../kernel/context.js';
import { emitInstanceChange, wakeServices } from './instance-events.js';
import { INSTANCE_TYPES } from '../model/instance-types.js';
import { privateAddress } from './private-address.js';
import { managedTaskEniLimit } from './managed-instance-choice.js';
import type { ClusterRecord, InstanceRecord } from '../model/state.js';
import { optionalStringList, optionalBoolean, optionalEnum, optionalInteger, optionalString, rejectUnknownFields, requireObject } from '../../kernel/fields.js';

export interface AddInstancesRequest {
  cluster?: string;
  instanceType: string;
  count?: number;
  /** Zones to spread the instances over, round-robin. Default: the region's a, b and c zones. */
  availabilityZones?: string[];
  lifecycle?: 'on-demand' | 'spot';
  /** Custom attributes, as `ecs.` attributes are set by the agent. */
  attributes?: Record<string, string>;
  /** ECS_ENABLE_SPOT_INSTANCE_DRAINING=true in /etc/ecs/ecs.config (off by default, as in the agent). */
  spotInstanceDraining?: boolean;
}

/**
 * Simulation control: launches EC2 instances whose agent registers them with the cluster at once
 * (in AWS that is an Auto Scaling group plus the ECS-optimised AMI's agent).
 */
export function addInstances(ctx: SimContext, input: AddInstancesRequest): { containerInstanceArns: string[] } {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['cluster', 'instanceType', 'count', 'availabilityZones', 'lifecycle', 'attributes', 'spotInstanceDraining']);
  const cluster = resolveCluster(ctx, request.cluster);
  const instanceType = optionalString(request.instanceType, 'instanceType');
  const spec = instanceType && Object.hasOwn(INSTANCE_TYPES, instanceType) ? INSTANCE_TYPES[instanceType] : undefined;
  if (!instanceType || !spec) {
    throw invalidParameter(
      `instanceType ${JSON.stringify(instanceType ?? null)} is not a simulated instance type; use one of ${Object.keys(INSTANCE_TYPES).join(', ')}.`,
      'instanceType',
    );
  }
  const count = optionalInteger(request.count, 'count', { min: 1, max: 5000 }) ?? 1;
  const zones = optionalStringList(request.availabilityZones, 'availabilityZones', 10) ?? ['a', 'b', 'c'].map((z) => `${ctx.region}${z}`);
  if (zones.length === 0) throw invalidParameter('availabilityZones should not be empty.', 'availabilityZones');
  const lifecycle = optionalEnum(request.lifecycle, 'lifecycle', ['on-demand', 'spot'] as const) ?? 'on-demand';
  const spotInstanceDraining = optionalBoolean(request.spotInstanceDraining, 'spotInstanceDraining') ?? false;
  const attributes = customAttributes(request.attributes);
  checkInstanceLimit(cluster, count);
  const created = registerInstances(ctx, cluster, { instanceType, count, zones, lifecycle, spotInstanceDraining, attributes });
  return { containerInstanceArns: created.map((i) => i.arn) };
}

/** Custom attributes a scenario gives its instances: name -> value, values 1-128 characters. */
export function customAttributes(input: unknown): Record<string, string> {
  const custom = input === undefined ? {} : requireObject(input, 'attributes');
  for (const [name, value] of Object.entries(custom)) {
    if (typeof value !== 'string' || value.length === 0 || value.length > 128) {
      throw invalidParameter(`attributes.${name} must be a string of 1 to 128 characters.`, `attributes.${name}`);
    }
  }
  return custom as Record<string, string>;
}

export function checkInstanceLimit(cluster: ClusterRecord, adding: number): void {
  if (cluster.instances.size + adding > 5000) {
    throw new EcsError('LimitExceededException', 'A cluster can have at most 5000 container instances.', 'count');
  }
}

export interface InstanceLaunch {
  instanceType: string;
  count: number;
  zones: string[];
  lifecycle: 'on-demand' | 'spot';
  spotInstanceDraining: boolean;
  attributes?: Record<string, string>;
  capacityProviderName?: string;
  autoScalingGroupArn?: string;
  /** ECS Anywhere: a server of this size, registered through SSM rather than launched in EC2. */
  external?: { vcpu: number; memoryMiB: number };
  /** Launched by a Managed Instances capacity provider. */
  managed?: boolean;
}

/** EC2 instances whose agent registers them with the cluster now, one zone after another. Input is trusted. */
export function registerInstances(ctx: SimContext, cluster: ClusterRecord, launch: InstanceLaunch): InstanceRecord[] {
  const { instanceType, count, zones, lifecycle, spotInstanceDraining } = launch;
  const { external } = launch;
  const spec = external
    ? { vcpu: external.vcpu, memoryMiB: external.memoryMiB, architecture: 'x86_64' as const, enis: 1, trunkedTasks: 0 }
    : INSTANCE_TYPES[instanceType];
  const custom = launch.attributes ?? {};
  const trunking = ctx.state.accountSettings.get('awsvpcTrunking') === 'enabled';
  const created: InstanceRecord[] = [];
  for (let i = 0; i < count; i++) {
    const id = ctx.random.hex(32);
    const availabilityZone = zones[(cluster.instances.size + i) % zones.length];
    // SSM names a registered on-premises machine mi-…; EC2 names its instances i-….
    const ec2InstanceId = `${external ? 'mi' : 'i'}-${ctx.random.hex(17)}`;
    const builtIn: Record<string, string> = external
      ? { 'ecs.os-type': 'linux', 'ecs.os-family': 'LINUX', 'ecs.cpu-architecture': spec.architecture, 'ecs.capability.external': '' }
      : {
          'ecs.availability-zone': availabilityZone,
          'ecs.instance-type': instanceType,
          'ecs.os-type': 'linux',
          'ecs.os-family': 'LINUX',
          'ecs.cpu-architecture': spec.architecture,
          'ecs.ami-id': 'ami-0ecslab000000000',
          ...(lifecycle === 'spot' ? { 'ecs.instance-lifecycle': 'spot' } : {}),
          ...(trunking && spec.trunkedTasks > 0 ? { 'ecs.awsvpc-trunk-id': `eni-trunk-${ctx.random.hex(12)}` } : {}),
        };
    created.push({
      arn: arns.containerInstance(ctx, cluster.name, id),
      id,
      ec2InstanceId,
      privateIpAddress: privateAddress(ctx, availabilityZone),
      clusterName: cluster.name,
      instanceType,
      availabilityZone,
      lifecycle,
      ...(launch.capacityProviderName ? { capacityProviderName: launch.capacityProviderName } : {}),
      ...(launch.autoScalingGroupArn ? { autoScalingGroupArn: launch.autoScalingGroupArn } : {}),
      spotInstanceDraining,
      ...(external ? { external: true } : {}),
      ...(launch.managed ? { managed: true } : {}),
      status: 'ACTIVE',
      agentConnected: true,
      registeredCpu: spec.vcpu * 1024,
      registeredMemory: spec.memoryMiB,
      usedCpu: 0,
      usedMemory: 0,
      // Trunking applies to instances launched after the account opted in, on types that support it.
      taskEniLimit: launch.managed ? managedTaskEniLimit(spec) : trunking && spec.trunkedTasks > 0 ? spec.trunkedTasks : spec.enis - 1,
      usedEnis: 0,
      usedPorts: new Map(),
      // Capability attributes carry a name only.
      attributes: Object.entries({ ...builtIn, ...custom }).map(([name, value]) => (value === '' ? { name } : { name, value })),
      registeredAt: ctx.clock.now,
      version: 1,
      tasks: new Map(),
      tags: [],
    });
  }
  for (const instance of created) {
    cluster.instances.set(instance.arn, instance);
    emitInstanceChange(ctx, instance);
  }
  // New capacity: every service may now place what it could not.
  wakeServices(ctx, cluster.name);
  return created;
}
