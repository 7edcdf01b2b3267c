import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';
import { rejection } from './rejection.js';

const ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRole';
const TEMPLATE = {
  ec2InstanceProfileArn: 'arn:aws:iam::123456789012:instance-profile/ecsInstanceRole',
  networkConfiguration: { subnets: ['subnet-a'], securityGroups: ['sg-1'] },
};
const network = { awsvpcConfiguration: { subnets: ['subnet-a'] } };
const onManaged = { capacityProviderStrategy: [{ capacityProvider: 'managed', weight: 1 }], networkConfiguration: network };

/** A cluster with a Managed Instances provider and a service of `count` half-vCPU tasks running on it. */
function serviceOnManagedInstances(count: number) {
  const ecs = createSimulator({ seed: 7 });
  ecs.createCluster({ clusterName: 'demo' });
  ecs.createCapacityProvider({ name: 'managed', cluster: 'demo', managedInstancesProvider: { infrastructureRoleArn: ROLE, instanceLaunchTemplate: TEMPLATE } } as never);
  ecs.registerTaskDefinition({ family: 'web', requiresCompatibilities: ['MANAGED_INSTANCES'], containerDefinitions: [{ name: 'web', image: 'nginx:1.27', cpu: 512, memory: 1024 }] } as never);
  ecs.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: count, ...onManaged } as never);
  ecs.control.runUntilSteady({ cluster: 'demo', service: 'web', maxSeconds: 600 });
  return ecs;
}

type Sim = ReturnType<typeof createSimulator>;
const instances = (ecs: Sim) => {
  const arns = ecs.listContainerInstances({ cluster: 'demo' }).containerInstanceArns;
  return arns.length === 0 ? [] : ecs.describeContainerInstances({ cluster: 'demo', containerInstances: arns }).containerInstances;
};
const typeOf = (instance: ReturnType<typeof instances>[number]) => instance.attributes?.find((a) => a.name === 'ecs.instance-type')?.value;
const provider = (ecs: Sim) => ecs.describeCapacityProviders({ capacityProviders: ['managed'] });

describe('UpdateCapacityProvider of a Managed Instances provider', () => {
  it('changes what the next instances are launched with, and leaves the running ones as they are', () => {
    const ecs = serviceOnManagedInstances(1);
    expect(instances(ecs).map(typeOf)).toEqual(['m5.large']);
    const computeOnly = { vCpuCount: { min: 2 }, memoryMiB: { min: 0 }, allowedInstanceTypes: ['c5.*'] };
    const { capacityProvider } = ecs.updateCapacityProvider({
      name: 'managed',
      cluster: 'demo',
      managedInstancesProvider: { infrastructureRoleArn: ROLE, instanceLaunchTemplate: { instanceRequirements: computeOnly }, propagateTags: 'CAPACITY_PROVIDER' },
    } as never) as { capacityProvider: Record<string, any> };
    expect(capacityProvider).toMatchObject({ status: 'ACTIVE', updateStatus: 'UPDATE_COMPLETE', managedInstancesProvider: { propagateTags: 'CAPACITY_PROVIDER' } });
    // The members not given keep their values: the profile and the network are still there.
    expect(capacityProvider.managedInstancesProvider.instanceLaunchTemplate).toMatchObject({ ...TEMPLATE, instanceRequirements: computeOnly });

    // Four more tasks need more room than the m5.large has left: the instance ECS adds is of the new kind.
    ecs.updateService({ cluster: 'demo', service: 'web', desiredCount: 5 });
    expect(ecs.control.runUntilSteady({ cluster: 'demo', service: 'web', maxSeconds: 900 })).toBe(true);
    expect(instances(ecs).map(typeOf).sort()).toEqual(['c5.large', 'm5.large']);
  });

  it('refuses invalid changes with the field named, and changes nothing', () => {
    const ecs = serviceOnManagedInstances(1);
    const update = (managedInstancesProvider: unknown, more: Record<string, unknown> = {}) => () =>
      ecs.updateCapacityProvider({ name: 'managed', cluster: 'demo', managedInstancesProvider, ...more } as never);
    expect(rejection(update({ infrastructureRoleArn: ROLE }))).toMatchObject({ name: 'InvalidParameterException', field: 'managedInstancesProvider.instanceLaunchTemplate' });
    expect(rejection(update({ infrastructureRoleArn: 'admin', instanceLaunchTemplate: {} }))).toMatchObject({ field: 'managedInstancesProvider.infrastructureRoleArn' });
    expect(rejection(update({ infrastructureRoleArn: ROLE, instanceLaunchTemplate: { networkConfiguration: { subnets: [] } } }))).toMatchObject({
      field: 'managedInstancesProvider.instanceLaunchTemplate.networkConfiguration.subnets',
    });
    // The purchase option is chosen at creation: the update's launch template has no such member.
    expect(rejection(update({ infrastructureRoleArn: ROLE, instanceLaunchTemplate: { capacityOptionType: 'SPOT' } })).message).toMatch(/Unknown parameter/);
    expect(rejection(update({ infrastructureRoleArn: ROLE, instanceLaunchTemplate: {} }, { autoScalingGroupProvider: { managedTerminationProtection: 'DISABLED' } }))).toMatchObject({
      name: 'InvalidParameterException',
      field: 'autoScalingGroupProvider',
    });
    ecs.createCluster({ clusterName: 'other' });
    expect(rejection(update({ infrastructureRoleArn: ROLE, instanceLaunchTemplate: {} }, { cluster: 'other' })).message).toBe('The specified capacity provider managed does not exist.');
    expect(provider(ecs).capacityProviders[0]).toMatchObject({ managedInstancesProvider: { infrastructureRoleArn: ROLE, propagateTags: 'NONE' } });
  });
});

describe('DeleteCapacityProvider of a Managed Instances provider', () => {
  it('is refused while a service sends tasks to it, answered as ECS answers a refused delete', () => {
    const ecs = serviceOnManagedInstances(1);
    const { capacityProvider } = ecs.deleteCapacityProvider({ capacityProvider: 'managed', cluster: 'demo' }) as { capacityProvider: Record<string, unknown> };
    expect(capacityProvider).toMatchObject({ status: 'ACTIVE', updateStatus: 'DELETE_FAILED' });
    expect(capacityProvider.updateStatusReason).toMatch(/capacity provider strategy of service: web/);
    expect(instances(ecs).map((i) => i.status)).toEqual(['ACTIVE']);
  });

  it('goes DEPROVISIONING, drains its instances, waits for a standalone task, and is gone with its last instance', () => {
    const ecs = serviceOnManagedInstances(1);
    ecs.deleteService({ cluster: 'demo', service: 'web', force: true });
    const [job] = ecs.runTask({ cluster: 'demo', taskDefinition: 'web', ...onManaged } as never).tasks;
    ecs.control.runUntil(() => ecs.describeTasks({ cluster: 'demo', tasks: [job.taskArn!] }).tasks[0].lastStatus === 'RUNNING', 600);

    const { capacityProvider } = ecs.deleteCapacityProvider({ capacityProvider: 'managed', cluster: 'demo' }) as { capacityProvider: Record<string, unknown> };
    expect(capacityProvider).toMatchObject({ status: 'DEPROVISIONING', updateStatus: 'DELETE_IN_PROGRESS' });
    const drained = instances(ecs);
    expect(drained.map((i) => i.status)).toEqual(['DRAINING']);
    expect(ecs.describeClusters({ clusters: ['demo'] }).clusters[0].capacityProviders).not.toContain('managed');
    // A task cannot be sent to it any more.
    expect(rejection(() => ecs.runTask({ cluster: 'demo', taskDefinition: 'web', ...onManaged } as never)).field).toBe('capacityProviderStrategy[0].capacityProvider');

    // The standalone task keeps its instance, as on any draining instance, until it stops.
    ecs.control.advance(300);
    expect(provider(ecs).capacityProviders).toMatchObject([{ status: 'DEPROVISIONING' }]);
    ecs.stopTask({ cluster: 'demo', task: job.taskArn! });
    expect(ecs.control.runUntil(() => provider(ecs).capacityProviders.length === 0, 300)).toBe(true);
    expect(provider(ecs).failures).toEqual([{ arn: 'managed', reason: 'MISSING' }]);
    // Its instance was terminated: listed no more, described INACTIVE.
    expect(instances(ecs)).toEqual([]);
    const arns = drained.map((i) => i.containerInstanceArn!);
    expect(ecs.describeContainerInstances({ cluster: 'demo', containerInstances: arns }).containerInstances.map((i) => i.status)).toEqual(['INACTIVE']);
  });
});
