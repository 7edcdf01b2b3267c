import { Priority } from '../../kernel/clock.js';
import { every } from '../../kernel/periodic-work.js';
import type { SimContext } from '../../kernel/context.js';
import type { ClusterRecord, InstanceRecord, TaskRecord } from '../model/state.js';
import type { ManagedInstancesProviderRecord } from '../model/managed-instances-state.js';
import { INSTANCE_BOOT_SECONDS } from '../model/auto-scaling-state.js';
import { INSTANCE_TYPES } from '../model/instance-types.js';
import { requirementsOf } from '../placement/task-requirements.js';
import { registerInstances } from './add-instances.js';
import { zonesOfSubnets } from './fargate-capacity.js';
import { emitInstanceChange, wakeServices } from './instance-events.js';
import { hostTerminatedReason, removeInstance } from './instance-termination.js';
import { chooseManagedInstances } from './managed-instance-choice.js';
import { awaitsDaemons, daemonOverhead, isManagedDaemonTask } from './managed-daemon-readiness.js';
import { daemonsOfProvider } from '../model/managed-daemon-state.js';
import { decideFleet, MANAGED_FLEET_PERIOD_MS, scaleInAfterMs } from './managed-fleet.js';
import { placeWaitingTasks } from './waiting-tasks.js';

/** Daemon tasks run on every instance: they neither keep an instance busy nor hold it back from draining. */
export function isApplicationTask(cluster: ClusterRecord, task: TaskRecord): boolean {
  return !isManagedDaemonTask(task) && cluster.services.get(task.serviceName ?? '')?.schedulingStrategy !== 'DAEMON';
}

export function instancesOfProvider(cluster: ClusterRecord, provider: ManagedInstancesProviderRecord): InstanceRecord[] {
  return [...cluster.instances.values()].filter((i) => i.capacityProviderName === provider.name && i.status !== 'INACTIVE');
}

/** ECS launches `count` instances of a type; each registers once booted and takes the waiting tasks. */
function launch(ctx: SimContext, provider: ManagedInstancesProviderRecord, instanceType: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const launchedAt = ctx.clock.now;
    provider.booting.push(launchedAt);
    ctx.clock.schedule(INSTANCE_BOOT_SECONDS * 1000, Priority.lifecycle, () => {
      provider.booting.splice(provider.booting.indexOf(launchedAt), 1);
      const cluster = ctx.state.clusters.get(provider.clusterName);
      // A provider being deleted launches nothing more: what was booting never registers.
      if (!cluster || cluster.status !== 'ACTIVE' || provider.status !== 'ACTIVE') return;
      const [instance] = registerInstances(ctx, cluster, {
        instanceType,
        count: 1,
        zones: zonesOfSubnets(ctx.region, provider.instanceLaunchTemplate.networkConfiguration.subnets),
        lifecycle: provider.instanceLaunchTemplate.capacityOptionType === 'SPOT' ? 'spot' : 'on-demand',
        spotInstanceDraining: true,
        capacityProviderName: provider.name,
        managed: true,
      });
      if (provider.propagateTags === 'CAPACITY_PROVIDER') instance.tags = provider.tags.map((t) => ({ ...t }));
      placeWaitingTasks(ctx, cluster);
    });
  }
}

/** One pass: place what waits, retire idle and drained instances, launch for what still waits. */
function tendProvider(ctx: SimContext, provider: ManagedInstancesProviderRecord): void {
  const cluster = ctx.state.clusters.get(provider.clusterName);
  if (!cluster || cluster.status !== 'ACTIVE') return;
  placeWaitingTasks(ctx, cluster);
  const instances = instancesOfProvider(cluster, provider);
  const busy = (i: InstanceRecord) => [...i.tasks.values()].some((task) => isApplicationTask(cluster, task));
  const decision = decideFleet(
    instances.map((i) => ({ arn: i.arn, status: i.status, busy: busy(i) })),
    provider.idleSince,
    ctx.clock.now,
    scaleInAfterMs(provider.scaleInAfter),
  );
  provider.idleSince = decision.idleSince;
  for (const arn of decision.terminate) {
    const instance = cluster.instances.get(arn)!;
    removeInstance(ctx, instance, 'TerminationNotice', hostTerminatedReason(instance.ec2InstanceId));
  }
  for (const arn of decision.deregister) setStatus(ctx, cluster.instances.get(arn)!, 'DEREGISTERING');
  if (provider.status === 'DEPROVISIONING') return forgetOnceEmpty(ctx, cluster, provider);
  // The daemons look once a minute too: a critical daemon's task may have turned unhealthy.
  for (const daemon of daemonsOfProvider(ctx.state.managedDaemons.daemons.values(), cluster.name, provider.name)) ctx.requestServicePass(daemon.scheduler);
  // What boots, or waits for its daemons to start, may be enough: look again once it takes tasks.
  if (provider.booting.length > 0 || instances.some((i) => i.status === 'ACTIVE' && awaitsDaemons(ctx, cluster, i))) return;
  const waiting = [...cluster.tasks.values()].filter((t) => t.waitingForCapacity && t.desiredStatus === 'RUNNING' && t.capacityProviderName === provider.name);
  const overhead = daemonOverhead(ctx, cluster.name, provider.name);
  const choice = chooseManagedInstances(waiting.map((t) => requirementsOf(t.taskDefinition)), INSTANCE_TYPES, provider.instanceLaunchTemplate.instanceRequirements, overhead);
  if (choice) launch(ctx, provider, choice.instanceType, choice.count);
}

/** A deleted provider is gone once its last instance is terminated and nothing of it boots any more. */
function forgetOnceEmpty(ctx: SimContext, cluster: ClusterRecord, provider: ManagedInstancesProviderRecord): void {
  if (provider.booting.length === 0 && instancesOfProvider(cluster, provider).length === 0) ctx.state.managedInstancesProviders.delete(provider.name);
}

export function setStatus(ctx: SimContext, instance: InstanceRecord, status: InstanceRecord['status']): void {
  instance.status = status;
  instance.version++;
  emitInstanceChange(ctx, instance);
  wakeServices(ctx, instance.clusterName);
}

/** Starts ECS's once-a-minute care of every Managed Instances provider, while there is one. */
export function ensureManagedFleet(ctx: SimContext): void {
  every(ctx.periodic, 'managed-instances', { periodMs: MANAGED_FLEET_PERIOD_MS }, () => {
    const providers = [...ctx.state.managedInstancesProviders.values()];
    for (const provider of providers) tendProvider(ctx, provider);
    return providers.length > 0;
  });
}
