import { Priority } from '../../kernel/clock.js';
import type { SimContext } from '../../kernel/context.js';
import { registerInstances } from './add-instances.js';
import type { InstanceRecord } from '../model/state.js';
import { INSTANCE_BOOT_SECONDS, type AutoScalingGroupRecord } from '../model/auto-scaling-state.js';
import { hostTerminatedReason, removeInstance } from './instance-termination.js';
import { placeWaitingTasks } from './waiting-tasks.js';

function providerOf(ctx: SimContext, group: AutoScalingGroupRecord) {
  return [...ctx.state.capacityProviders.values()].find((p) => p.autoScalingGroupArn === group.arn);
}

export function instancesOf(ctx: SimContext, group: AutoScalingGroupRecord): InstanceRecord[] {
  const cluster = ctx.state.clusters.get(group.clusterName);
  return cluster ? [...cluster.instances.values()].filter((i) => i.autoScalingGroupArn === group.arn && i.status !== 'INACTIVE') : [];
}

/** The group launches instances; each registers with the cluster once booted (INSTANCE_BOOT_SECONDS). */
export function launchInstances(ctx: SimContext, group: AutoScalingGroupRecord, count: number): void {
  for (let i = 0; i < count; i++) {
    const launchedAt = ctx.clock.now;
    group.booting.push(launchedAt);
    ctx.clock.schedule(INSTANCE_BOOT_SECONDS * 1000, Priority.lifecycle, () => {
      group.booting.splice(group.booting.indexOf(launchedAt), 1);
      const cluster = ctx.state.clusters.get(group.clusterName);
      if (!cluster) return;
      const [instance] = registerInstances(ctx, cluster, {
        instanceType: group.instanceType,
        count: 1,
        zones: group.availabilityZones,
        lifecycle: group.lifecycle,
        spotInstanceDraining: group.spotInstanceDraining,
        capacityProviderName: providerOf(ctx, group)?.name,
        autoScalingGroupArn: group.arn,
      });
      group.launchedAt.set(instance.arn, launchedAt);
      placeWaitingTasks(ctx, cluster);
    });
  }
}

/** The group terminates instances (emptiest first); with managed termination protection only empty ones. */
export function terminateInstances(ctx: SimContext, group: AutoScalingGroupRecord, count: number): void {
  const protectedBusy = providerOf(ctx, group)?.managedTerminationProtection === 'ENABLED';
  const busy = (instance: InstanceRecord) => applicationTaskCount(ctx, instance);
  const candidates = instancesOf(ctx, group)
    .filter((i) => !protectedBusy || busy(i) === 0)
    .sort((a, b) => busy(a) - busy(b) || b.registeredAt - a.registeredAt);
  for (const instance of candidates.slice(0, count)) {
    removeInstance(ctx, instance, 'TerminationNotice', hostTerminatedReason(instance.ec2InstanceId));
  }
}

/** Tasks on the instance that protection counts: daemon tasks run on every instance, so ECS ignores them. */
function applicationTaskCount(ctx: SimContext, instance: InstanceRecord): number {
  const cluster = ctx.state.clusters.get(instance.clusterName)!;
  let count = 0;
  for (const task of instance.tasks.values()) {
    const service = task.serviceName ? cluster.services.get(task.serviceName) : undefined;
    if (service?.schedulingStrategy !== 'DAEMON') count++;
  }
  return count;
}
