import { every } from '../../kernel/periodic-work.js';
import type { SimContext } from '../../kernel/context.js';
import { INSTANCE_TYPES } from '../model/instance-types.js';
import { instancesOf, launchInstances, terminateInstances } from './auto-scaling-group.js';
import type { CapacityProviderRecord } from '../model/auto-scaling-state.js';
import type { TaskRecord } from '../model/state.js';
import { capacityProviderReservation, decideScaling, instancesNeededFor } from './managed-scaling.js';
import { placeWaitingTasks } from './waiting-tasks.js';

/** One managed-scaling minute for a capacity provider: publish the reservation, then scale the group. */
function scaleProvider(ctx: SimContext, provider: CapacityProviderRecord): void {
  const group = ctx.state.autoScalingGroups.get(provider.autoScalingGroupArn);
  const cluster = group && ctx.state.clusters.get(group.clusterName);
  if (!group || !cluster) return;
  placeWaitingTasks(ctx, cluster);
  const instances = instancesOf(ctx, group).filter((i) => i.status === 'ACTIVE');
  // Daemon tasks do not make an instance busy: every instance runs them.
  const isDaemonTask = (task: TaskRecord) => cluster.services.get(task.serviceName ?? '')?.schedulingStrategy === 'DAEMON';
  const busy = instances.filter((i) => [...i.tasks.values()].some((task) => !isDaemonTask(task)));
  const waiting = [...cluster.tasks.values()].filter((t) => t.waitingForCapacity && t.desiredStatus === 'RUNNING' && t.capacityProviderName === provider.name);
  const spec = INSTANCE_TYPES[group.instanceType];
  const needed = busy.length + instancesNeededFor(waiting, { cpu: spec.vcpu * 1024, memory: spec.memoryMiB });
  const reservation = capacityProviderReservation(needed, instances.length);
  provider.reservations.push({ time: ctx.clock.now, value: reservation });
  provider.minutesBelowTarget = reservation < provider.managedScaling.targetCapacity ? provider.minutesBelowTarget + 1 : 0;
  const warmupMs = provider.managedScaling.instanceWarmupPeriod * 1000;
  const warmingUp = group.booting.length > 0 || instances.some((i) => ctx.clock.now - (group.launchedAt.get(i.arn) ?? -Infinity) < warmupMs);
  const change = decideScaling({
    settings: provider.managedScaling,
    running: instances.length,
    launching: group.booting.length,
    needed,
    emptyInstances: instances.length - busy.length,
    minSize: group.minSize,
    maxSize: group.maxSize,
    minutesBelowTarget: provider.minutesBelowTarget,
    warmingUp,
  });
  if (change > 0) launchInstances(ctx, group, change);
  if (change < 0) {
    terminateInstances(ctx, group, -change);
    provider.minutesBelowTarget = 0;
  }
}

/** CapacityProviderReservation is a one-minute metric: the controller runs once a minute while needed. */
export function ensureManagedScaling(ctx: SimContext): void {
  every(ctx.periodic, 'managed-scaling', { periodMs: 60_000 }, () => {
    const managed = [...ctx.state.capacityProviders.values()].filter((p) => p.managedScaling.status === 'ENABLED');
    for (const provider of managed) scaleProvider(ctx, provider);
    return managed.length > 0;
  });
}
