import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';
import { INSTANCE_TYPES } from '../../core/ecs/model/instance-types.js';
import { allowedInstanceTypes, chooseManagedInstances } from '../../core/ecs/capacity/managed-instance-choice.js';
import { decideFleet, scaleInAfterMs } from '../../core/ecs/capacity/managed-fleet.js';
import { rejection } from './rejection.js';

const task = (cpu: number, memory: number, enis = 1) => ({ cpu, memory, enis });

describe('which instances ECS launches for waiting tasks', () => {
  it('picks a general-purpose type, the fewest vCPUs in all, then the least memory', () => {
    expect(chooseManagedInstances([task(512, 1024)], INSTANCE_TYPES, undefined)).toEqual({ instanceType: 'm5.large', count: 1 });
    // Four 1-vCPU tasks: two m5.large or one m5.xlarge hold them with 4 vCPUs; the m5.large pair has less memory.
    expect(chooseManagedInstances(Array.from({ length: 4 }, () => task(1024, 2048)), INSTANCE_TYPES, undefined)).toEqual({ instanceType: 'm5.large', count: 2 });
    // One task of 3 vCPUs fits only on a 4-vCPU type.
    expect(chooseManagedInstances([task(3072, 2048)], INSTANCE_TYPES, undefined)).toEqual({ instanceType: 'm5.xlarge', count: 1 });
  });

  it('leaves out burstable and Graviton types unless the requirements ask for them', () => {
    expect(allowedInstanceTypes(INSTANCE_TYPES, undefined).some((t) => t.startsWith('t3') || t.endsWith('g.large'))).toBe(false);
    const burstable = { vCpuCount: { min: 2, max: 2 }, memoryMiB: { min: 1024 }, burstablePerformance: 'required' as const };
    expect(chooseManagedInstances([task(256, 512)], INSTANCE_TYPES, burstable)).toEqual({ instanceType: 't3.small', count: 1 });
    const graviton = { vCpuCount: { min: 2, max: 2 }, memoryMiB: { min: 0 }, cpuManufacturers: ['amazon-web-services' as const] };
    expect(allowedInstanceTypes(INSTANCE_TYPES, graviton)).toEqual(['m6g.large', 'c6g.large']);
  });

  it('goes beyond general purpose only when no general-purpose type is allowed', () => {
    const compute = { vCpuCount: { min: 2 }, memoryMiB: { min: 0 }, allowedInstanceTypes: ['c5.*'] };
    expect(chooseManagedInstances([task(512, 1024)], INSTANCE_TYPES, compute)).toEqual({ instanceType: 'c5.large', count: 1 });
    expect(chooseManagedInstances([task(16384, 1024)], INSTANCE_TYPES, compute)).toBeUndefined();
  });
});

describe('idle Managed Instances', () => {
  it('are deregistered after scaleInAfter idle, and terminated once deregistering or drained', () => {
    const idle = { arn: 'a', status: 'ACTIVE' as const, busy: false };
    expect(decideFleet([idle], new Map(), 0, 60_000)).toEqual({ deregister: [], terminate: [], idleSince: new Map([['a', 0]]) });
    expect(decideFleet([idle], new Map([['a', 0]]), 60_000, 60_000).deregister).toEqual(['a']);
    expect(decideFleet([{ ...idle, busy: true }], new Map([['a', 0]]), 60_000, 60_000).idleSince.size).toBe(0);
    expect(decideFleet([{ ...idle, status: 'DEREGISTERING' }], new Map(), 0, 60_000).terminate).toEqual(['a']);
    expect(decideFleet([{ ...idle, status: 'DRAINING', busy: true }], new Map(), 0, 60_000).terminate).toEqual([]);
  });

  it('scaleInAfter: -1 turns scale-in off, null is the default', () => {
    expect(scaleInAfterMs(-1)).toBeUndefined();
    expect(scaleInAfterMs(0)).toBe(0);
    expect(scaleInAfterMs(undefined)).toBe(300_000);
  });
});

const PROVIDER = {
  infrastructureRoleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRole',
  instanceLaunchTemplate: {
    ec2InstanceProfileArn: 'arn:aws:iam::123456789012:instance-profile/ecsInstanceRole',
    networkConfiguration: { subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-1'] },
  },
  infrastructureOptimization: { scaleInAfter: 60 },
};

function managedCluster() {
  const ecs = createSimulator({ seed: 7 });
  ecs.createCluster({ clusterName: 'demo' });
  ecs.createCapacityProvider({ name: 'managed', cluster: 'demo', managedInstancesProvider: PROVIDER } as never);
  ecs.registerTaskDefinition({ family: 'web', requiresCompatibilities: ['MANAGED_INSTANCES'], containerDefinitions: [{ name: 'web', image: 'nginx:1.27', cpu: 512, memory: 1024 }] } as never);
  return ecs;
}

describe('CreateCapacityProvider with managedInstancesProvider', () => {
  it('is refused with the field named when the launch template is incomplete or a value is out of range', () => {
    const ecs = createSimulator({ seed: 1 });
    ecs.createCluster({ clusterName: 'demo' });
    const create = (provider: unknown) => () => ecs.createCapacityProvider({ name: 'mi', cluster: 'demo', managedInstancesProvider: provider } as never);
    const noSubnets = { ...PROVIDER, instanceLaunchTemplate: { ...PROVIDER.instanceLaunchTemplate, networkConfiguration: { subnets: [] } } };
    expect(rejection(create(noSubnets))).toMatchObject({ name: 'InvalidParameterException', field: 'managedInstancesProvider.instanceLaunchTemplate.networkConfiguration.subnets' });
    expect(rejection(create({ ...PROVIDER, infrastructureOptimization: { scaleInAfter: 3601 } }))).toMatchObject({ field: 'managedInstancesProvider.infrastructureOptimization.scaleInAfter' });
    expect(rejection(create({ ...PROVIDER, infrastructureRoleArn: 'ecsInfrastructureRole' }))).toMatchObject({ field: 'managedInstancesProvider.infrastructureRoleArn' });
    const impossible = { ...PROVIDER, instanceLaunchTemplate: { ...PROVIDER.instanceLaunchTemplate, instanceRequirements: { vCpuCount: { min: 64 }, memoryMiB: { min: 0 } } } };
    expect(rejection(create(impossible))).toMatchObject({ field: 'managedInstancesProvider.instanceLaunchTemplate.instanceRequirements' });
    expect(rejection(() => ecs.createCapacityProvider({ name: 'mi', cluster: 'nope', managedInstancesProvider: PROVIDER } as never)).name).toBe('ClusterNotFoundException');
  });

  it('is described with its type and defaults, and joins its cluster', () => {
    const ecs = managedCluster();
    const [provider] = ecs.describeCapacityProviders({ capacityProviders: ['managed'] }).capacityProviders as Array<Record<string, any>>;
    expect(provider).toMatchObject({ name: 'managed', type: 'MANAGED_INSTANCES', cluster: 'demo', managedInstancesProvider: { propagateTags: 'NONE', instanceLaunchTemplate: { capacityOptionType: 'ON_DEMAND', monitoring: 'BASIC' } } });
    expect(ecs.describeClusters({ clusters: ['demo'] }).clusters[0].capacityProviders).toContain('managed');
  });
});

describe('task definitions for Managed Instances', () => {
  it('default to awsvpc and refuse bridge', () => {
    const ecs = managedCluster();
    const td = ecs.describeTaskDefinition({ taskDefinition: 'web' }).taskDefinition;
    expect(td.networkMode).toBe('awsvpc');
    expect(td.compatibilities).toContain('MANAGED_INSTANCES');
    const bridge = () => ecs.registerTaskDefinition({ family: 'b', networkMode: 'bridge', requiresCompatibilities: ['MANAGED_INSTANCES'], containerDefinitions: [{ name: 'b', image: 'nginx:1.27', memory: 512 }] } as never);
    expect(rejection(bridge)).toMatchObject({ name: 'ClientException', field: 'networkMode' });
  });
});

describe('a service on Managed Instances', () => {
  const network = { awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'] } };

  it('waits for the instance ECS launches, runs there, and the idle instance is deregistered then terminated', () => {
    const ecs = managedCluster();
    ecs.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 3, capacityProviderStrategy: [{ capacityProvider: 'managed', weight: 1 }], networkConfiguration: network } as never);
    expect(ecs.control.runUntilSteady({ cluster: 'demo', service: 'web', maxSeconds: 600 })).toBe(true);
    const arns = ecs.listContainerInstances({ cluster: 'demo' }).containerInstanceArns;
    const [instance] = ecs.describeContainerInstances({ cluster: 'demo', containerInstances: arns }).containerInstances;
    expect(arns).toHaveLength(1);
    expect(instance.attributes?.find((a) => a.name === 'ecs.instance-type')?.value).toBe('m5.large');
    const [running] = ecs.describeTasks({ cluster: 'demo', tasks: ecs.listTasks({ cluster: 'demo' }).taskArns.slice(0, 1) }).tasks;
    expect(running.launchType).toBe('MANAGED_INSTANCES');
    expect(ecs.control.costReport().lines.map((l) => l.item)).toContain('Managed Instances fee m5.large instance-hours (illustrative)');

    ecs.updateService({ cluster: 'demo', service: 'web', desiredCount: 0 });
    const statusOf = () => ecs.describeContainerInstances({ cluster: 'demo', containerInstances: arns }).containerInstances[0].status;
    expect(ecs.control.runUntil(() => statusOf() === 'DEREGISTERING', 600)).toBe(true);
    expect(ecs.control.runUntil(() => statusOf() === 'INACTIVE', 120)).toBe(true);
  });

  it('moves its tasks to a replacement when ECS patches the instance', () => {
    const ecs = managedCluster();
    ecs.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2, capacityProviderStrategy: [{ capacityProvider: 'managed', weight: 1 }], networkConfiguration: network } as never);
    ecs.control.runUntilSteady({ cluster: 'demo', service: 'web', maxSeconds: 600 });
    const [old] = ecs.control.replaceManagedInstances({ cluster: 'demo', capacityProvider: 'managed', reason: 'patch' }).containerInstanceArns;
    const active = () => ecs.listContainerInstances({ cluster: 'demo' }).containerInstanceArns.filter((a) => a !== old);
    expect(ecs.control.runUntil(() => active().length === 1 && ecs.describeServices({ cluster: 'demo', services: ['web'] }).services[0].runningCount === 2 && ecs.listContainerInstances({ cluster: 'demo' }).containerInstanceArns.length === 1, 900)).toBe(true);
    const tasks = ecs.describeTasks({ cluster: 'demo', tasks: ecs.listTasks({ cluster: 'demo' }).taskArns }).tasks;
    expect(tasks.every((t) => t.containerInstanceArn === active()[0])).toBe(true);
  });
});
