import type { SimContext } from '../../kernel/context.js';
import { daemonsOfProvider, daemonTarget } from '../model/managed-daemon-state.js';
import type { ClusterRecord, InstanceRecord, TaskRecord } from '../model/state.js';
import { findTaskDefinition } from '../model/task-definition-lookup.js';
import { requirementsOf } from '../placement/task-requirements.js';

/**
 * What ECS Managed Daemons ask of the Managed Instances fleet. ECS starts a daemon's task on a new instance
 * before any application task, and only then moves application tasks there ("starts the daemon task first,
 * and only then transitions the application task to RUNNING"); a non-critical daemon never holds an
 * instance back. The simulator's rule: an instance of a daemon's capacity provider that registered after
 * the daemon was created takes no application task until each critical daemon's task on it is RUNNING.
 */
export function awaitsDaemons(ctx: SimContext, cluster: ClusterRecord, instance: InstanceRecord): boolean {
  for (const daemon of daemonsOfProvider(ctx.state.managedDaemons.daemons.values(), cluster.name, instance.capacityProviderName)) {
    if (!daemonTarget(daemon)?.critical || instance.registeredAt < daemon.createdAt) continue;
    const running = [...instance.tasks.values()].some((task) => task.daemonArn === daemon.arn && task.lastStatus === 'RUNNING' && task.desiredStatus === 'RUNNING');
    if (!running) return true;
  }
  return false;
}

/** What one task of each daemon of the provider takes on every instance: room ECS keeps on the instances it launches. */
export function daemonOverhead(ctx: SimContext, clusterName: string, provider: string): { cpu: number; memory: number } {
  const overhead = { cpu: 0, memory: 0 };
  for (const daemon of daemonsOfProvider(ctx.state.managedDaemons.daemons.values(), clusterName, provider)) {
    const target = daemonTarget(daemon);
    if (!target) continue;
    const needs = requirementsOf(findTaskDefinition(ctx, target.daemonTaskDefinitionArn));
    overhead.cpu += needs.cpu;
    overhead.memory += needs.memory;
  }
  return overhead;
}

/** A daemon's task neither keeps its instance busy nor holds it back from draining: it stops with its instance. */
export const isManagedDaemonTask = (task: TaskRecord) => task.daemonArn !== undefined;
