import type { SimContext } from '../../kernel/context.js';
import type { DaemonRecord } from '../model/managed-daemon-state.js';
import { daemonTarget } from '../model/managed-daemon-state.js';
import type { ClusterRecord, ServiceRecord } from '../model/state.js';
import { applyPlan } from './apply-plan.js';
import type { DaemonInstance, DaemonTaskView, ManagedDaemonInput } from './managed-daemon-deployment.js';
import { planManagedDaemonPass } from './managed-daemon-plan.js';

/**
 * One pass over an ECS Managed Daemon, on the service scheduler's record for it: read the daemon, its
 * instances and tasks and the alarms, let the decider plan (managed-daemon-plan.ts), and the one plan
 * applier carry the plan out.
 */
export function runManagedDaemonPass(ctx: SimContext, scheduler: ServiceRecord, later: (atMs: number) => void): void {
  const daemon = ctx.state.managedDaemons.daemons.get(scheduler.managedDaemon!);
  const cluster = daemon && ctx.state.clusters.get(daemon.clusterName);
  if (!daemon || scheduler.status !== 'ACTIVE' || cluster?.status !== 'ACTIVE') return;
  applyPlan(ctx, cluster, scheduler, planManagedDaemonPass(daemonPassInput(ctx, cluster, daemon)), later);
}

export function daemonPassInput(ctx: SimContext, cluster: ClusterRecord, daemon: DaemonRecord): ManagedDaemonInput {
  const [deployment, ...older] = daemon.deployments;
  const tasks: DaemonTaskView[] = [];
  const hosts = new Set<string>();
  for (const task of daemon.scheduler.tasks.values()) {
    if (!task.instanceArn) continue;
    const live = task.lastStatus !== 'STOPPED';
    if (live) hosts.add(task.instanceArn);
    tasks.push({ instanceArn: task.instanceArn, revisionArn: task.deploymentId!, live, unhealthy: task.healthStatus === 'UNHEALTHY', failed: task.failure !== undefined, createdAt: task.createdAt });
  }
  const instances: DaemonInstance[] = [];
  for (const i of cluster.instances.values()) {
    const covered = daemon.capacityProviders.includes(i.capacityProviderName ?? '');
    if (covered || hosts.has(i.arn)) instances.push({ arn: i.arn, status: i.status, agentConnected: i.agentConnected, registeredAt: i.registeredAt, covered });
  }
  const previous = older.find((d) => d.status === 'SUCCESSFUL' || d.status === 'ROLLBACK_SUCCESSFUL');
  const previousRevisionArn = previous?.rollback?.targetRevisionArn ?? previous?.targetRevisionArn;
  return {
    now: ctx.clock.now,
    daemon: { createdAt: daemon.createdAt, revisions: daemon.revisions, targetRevisionArn: daemonTarget(daemon)?.arn },
    deployment,
    ...(previousRevisionArn ? { previousRevisionArn } : {}),
    instances,
    tasks,
    firingAlarms: firingAlarms(ctx, deployment),
  };
}

/** The deployment's alarms that went into ALARM once it had started (one already firing is not counted). */
function firingAlarms(ctx: SimContext, deployment: DaemonRecord['deployments'][number]): string[] {
  const alarms = deployment.configuration.alarms;
  if (!alarms?.enable) return [];
  return alarms.alarmNames.filter((name) => {
    const alarm = ctx.state.alarms.get(name);
    return alarm?.state === 'ALARM' && alarm.changedAt >= deployment.createdAt;
  });
}
