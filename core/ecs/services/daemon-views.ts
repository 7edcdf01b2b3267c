import { epochSeconds, type SimContext } from '../../kernel/context.js';
import { invalidParameter } from '../../kernel/errors.js';
import { optionalEnum, optionalInteger, optionalStringList, requireObject, requireString } from '../../kernel/fields.js';
import { resourceId } from '../../kernel/arns.js';
import type { DaemonDeploymentRecord, DaemonRecord } from '../model/managed-daemon-state.js';
import { daemonTarget } from '../model/managed-daemon-state.js';
import { resolveCluster } from '../model/resolve.js';
import type { ClusterRecord, InstanceRecord } from '../model/state.js';
import { circuitBreakerReasons, circuitBreakerThreshold } from './circuit-breaker.js';
import { findDaemon } from './daemons-api.js';

/**
 * What DescribeDaemon, ListDaemons, ListDaemonDeployments, DescribeDaemonDeployments and
 * DescribeDaemonRevisions answer, in ECS's shapes, counted from the daemon's instances and tasks now.
 */
const daemonsOf = (ctx: SimContext) => [...ctx.state.managedDaemons.daemons.values()];
const providerArn = (ctx: SimContext, name: string) => `arn:aws:ecs:${ctx.region}:${ctx.accountId}:capacity-provider/${name}`;

/** Per capacity provider: its instances, and the daemon's task on each (live ones only). */
function census(ctx: SimContext, daemon: DaemonRecord) {
  const cluster: ClusterRecord = ctx.state.clusters.get(daemon.clusterName)!;
  const taskOn = new Map<string, { revisionArn: string; running: boolean }>();
  for (const task of daemon.scheduler.tasks.values()) {
    if (task.instanceArn && task.lastStatus !== 'STOPPED') taskOn.set(task.instanceArn, { revisionArn: task.deploymentId!, running: task.lastStatus === 'RUNNING' });
  }
  const instancesOf = (provider: string) => [...cluster.instances.values()].filter((i) => i.capacityProviderName === provider && i.status !== 'INACTIVE');
  const without = (instances: InstanceRecord[]) => instances.filter((i) => i.status === 'ACTIVE' && !taskOn.has(i.arn)).length;
  return { taskOn, instancesOf, without };
}

const sum = <T>(items: T[], of: (item: T) => number) => items.reduce((total, item) => total + of(item), 0);

function currentRevisions(ctx: SimContext, daemon: DaemonRecord) {
  const { taskOn, instancesOf, without } = census(ctx, daemon);
  const arns = new Set([...[...taskOn.values()].map((t) => t.revisionArn), ...(daemonTarget(daemon) ? [daemonTarget(daemon)!.arn] : [])]);
  return daemon.revisions
    .filter((r) => arns.has(r.arn))
    .map((revision) => {
      const capacityProviders = daemon.capacityProviders.map((name) => {
        const instances = instancesOf(name);
        const runningCount = instances.filter((i) => taskOn.get(i.arn)?.revisionArn === revision.arn && taskOn.get(i.arn)!.running).length;
        return { arn: providerArn(ctx, name), runningCount, withoutDaemonCount: without(instances) };
      });
      return { arn: revision.arn, capacityProviders, totalRunningCount: sum(capacityProviders, (p) => p.runningCount), totalWithoutDaemonCount: sum(capacityProviders, (p) => p.withoutDaemonCount) };
    });
}

export function describeDaemon(ctx: SimContext, input: { daemonArn: string }) {
  const daemon = findDaemon(ctx, requireObject(input, 'request').daemonArn);
  return {
    daemon: {
      daemonArn: daemon.arn,
      clusterArn: ctx.state.clusters.get(daemon.clusterName)!.arn,
      status: daemon.status,
      currentRevisions: currentRevisions(ctx, daemon),
      deploymentArn: daemon.deployments[0].arn,
      createdAt: epochSeconds(ctx, daemon.createdAt),
      updatedAt: epochSeconds(ctx, daemon.updatedAt),
    },
  };
}

export function listDaemons(ctx: SimContext, input: { clusterArn?: string; capacityProviderArns?: string[] } = {}) {
  const request = requireObject(input ?? {}, 'request');
  const clusterName = request.clusterArn === undefined ? undefined : resolveCluster(ctx, request.clusterArn).name;
  const providers = optionalStringList(request.capacityProviderArns, 'capacityProviderArns')?.map(resourceId);
  const daemons = daemonsOf(ctx).filter((d) => (!clusterName || d.clusterName === clusterName) && (!providers || d.capacityProviders.some((p) => providers.includes(p))));
  return { daemonSummariesList: daemons.map((d) => ({ daemonArn: d.arn, status: d.status, createdAt: epochSeconds(ctx, d.createdAt), updatedAt: epochSeconds(ctx, d.updatedAt) })) };
}

const STATUSES = ['PENDING', 'SUCCESSFUL', 'STOPPED', 'STOP_REQUESTED', 'IN_PROGRESS', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED'] as const;

function times(ctx: SimContext, d: DaemonDeploymentRecord) {
  const at = (key: 'startedAt' | 'stoppedAt' | 'finishedAt') => (d[key] === undefined ? {} : { [key]: epochSeconds(ctx, d[key]!) });
  return { createdAt: epochSeconds(ctx, d.createdAt), ...at('startedAt'), ...at('stoppedAt'), ...at('finishedAt') };
}

function summary(ctx: SimContext, daemon: DaemonRecord, d: DaemonDeploymentRecord) {
  return {
    daemonDeploymentArn: d.arn,
    daemonArn: daemon.arn,
    clusterArn: ctx.state.clusters.get(daemon.clusterName)!.arn,
    status: d.status,
    ...(d.statusReason ? { statusReason: d.statusReason } : {}),
    ...(d.targetRevisionArn ? { targetDaemonRevisionArn: d.targetRevisionArn } : {}),
    ...times(ctx, d),
  };
}

/** A daemon's deployments, newest first, optionally only some states or a creation window. An unknown daemon has none. */
export function listDaemonDeployments(ctx: SimContext, input: { daemonArn: string; status?: string[]; createdAt?: { before?: number; after?: number }; maxResults?: number }) {
  const request = requireObject(input, 'request');
  const ref = requireString(request.daemonArn, 'daemonArn');
  const daemon = daemonsOf(ctx).find((d) => d.arn === ref || d.name === resourceId(ref));
  const statuses = optionalStringList(request.status, 'status')?.map((s, i) => optionalEnum(s, `status[${i}]`, STATUSES)!);
  const window = request.createdAt === undefined ? {} : (requireObject(request.createdAt, 'createdAt') as { before?: number; after?: number });
  const maxResults = optionalInteger(request.maxResults, 'maxResults', { min: 1, max: 100 }) ?? 20;
  const summaries = (daemon?.deployments ?? [])
    .filter((d) => !statuses || statuses.includes(d.status))
    .map((d) => summary(ctx, daemon!, d))
    .filter((s) => (window.before === undefined || s.createdAt < window.before) && (window.after === undefined || s.createdAt > window.after));
  return { daemonDeployments: summaries.slice(0, maxResults) };
}

/** The ARNs a Describe* call names: at most 20, not empty. */
function requireArns(value: unknown, field: string): string[] {
  const arns = optionalStringList(value, field, 20);
  if (!arns || arns.length === 0) throw invalidParameter(`${field} should not be null or empty.`, field);
  return arns;
}

/** How far a revision is in the daemon's instances: running it, draining with it, and without any daemon task. */
function revisionDetail(ctx: SimContext, daemon: DaemonRecord, revisionArn: string) {
  const { taskOn, instancesOf, without } = census(ctx, daemon);
  const capacityProviders = daemon.capacityProviders.map((name) => {
    const instances = instancesOf(name);
    const withRevision = instances.filter((i) => taskOn.get(i.arn)?.revisionArn === revisionArn);
    return {
      arn: providerArn(ctx, name),
      runningInstanceCount: withRevision.filter((i) => i.status === 'ACTIVE' && taskOn.get(i.arn)!.running).length,
      withoutDaemonInstanceCount: without(instances),
      drainingInstanceCount: withRevision.filter((i) => i.status !== 'ACTIVE').length,
    };
  });
  return {
    arn: revisionArn,
    capacityProviders,
    totalRunningInstanceCount: sum(capacityProviders, (p) => p.runningInstanceCount),
    totalWithoutDaemonInstanceCount: sum(capacityProviders, (p) => p.withoutDaemonInstanceCount),
    totalDrainingInstanceCount: sum(capacityProviders, (p) => p.drainingInstanceCount),
  };
}

/** A failure monitor's status: TRIGGERED when it failed the deployment, MONITORING while the deployment runs. */
function monitorStatus(d: DaemonDeploymentRecord, triggered: boolean) {
  if (triggered) return 'TRIGGERED';
  return d.finishedAt === undefined ? 'MONITORING' : 'MONITORING_COMPLETE';
}

function deploymentDetail(ctx: SimContext, daemon: DaemonRecord, d: DaemonDeploymentRecord) {
  const { daemonDeploymentArn, clusterArn, status, statusReason } = summary(ctx, daemon, d);
  const { instancesOf } = census(ctx, daemon);
  const instances = daemon.capacityProviders.flatMap((name) => instancesOf(name)).filter((i) => i.status === 'ACTIVE').length;
  const breakerTripped = (d.rollback?.reason ?? d.statusReason) === circuitBreakerReasons.failed;
  const alarms = d.configuration.alarms;
  return {
    daemonDeploymentArn,
    clusterArn,
    status,
    ...(statusReason ? { statusReason } : {}),
    ...(d.targetRevisionArn ? { targetDaemonRevision: revisionDetail(ctx, daemon, d.targetRevisionArn) } : {}),
    sourceDaemonRevisions: d.sourceRevisionArns.map((arn) => revisionDetail(ctx, daemon, arn)),
    circuitBreaker: { failureCount: d.failedTasks, status: monitorStatus(d, breakerTripped), threshold: circuitBreakerThreshold(instances) },
    alarms: {
      status: alarms?.enable ? monitorStatus(d, (d.triggeredAlarms ?? []).length > 0) : 'DISABLED',
      alarmNames: [...(alarms?.alarmNames ?? [])],
      triggeredAlarmNames: [...(d.triggeredAlarms ?? [])],
    },
    ...(d.rollback
      ? {
          rollback: {
            reason: d.rollback.reason,
            startedAt: epochSeconds(ctx, d.rollback.startedAt),
            rollbackTargetDaemonRevisionArn: d.rollback.targetRevisionArn,
            rollbackCapacityProviders: d.capacityProviders.map((name) => providerArn(ctx, name)),
          },
        }
      : {}),
    deploymentConfiguration: structuredClone(d.configuration),
    ...times(ctx, d),
  };
}

export function describeDaemonDeployments(ctx: SimContext, input: { daemonDeploymentArns: string[] }) {
  const daemonDeployments: Array<ReturnType<typeof deploymentDetail>> = [];
  const failures: Array<{ arn: string; reason: string }> = [];
  for (const arn of requireArns(requireObject(input, 'request').daemonDeploymentArns, 'daemonDeploymentArns')) {
    const daemon = daemonsOf(ctx).find((x) => x.deployments.some((d) => d.arn === arn));
    if (daemon) daemonDeployments.push(deploymentDetail(ctx, daemon, daemon.deployments.find((d) => d.arn === arn)!));
    else failures.push({ arn, reason: 'MISSING' });
  }
  return { daemonDeployments, failures };
}

function revisionView(ctx: SimContext, daemon: DaemonRecord, revision: DaemonRecord['revisions'][number]) {
  const definition = ctx.state.managedDaemons.taskDefinitions.get(revision.daemonTaskDefinitionArn)!;
  return {
    daemonRevisionArn: revision.arn,
    clusterArn: ctx.state.clusters.get(daemon.clusterName)!.arn,
    daemonArn: daemon.arn,
    daemonTaskDefinitionArn: revision.daemonTaskDefinitionArn,
    createdAt: epochSeconds(ctx, revision.createdAt),
    containerImages: definition.containerDefinitions.map((c) => ({ containerName: c.name ?? definition.family, image: c.image })),
    propagateTags: revision.propagateTags,
    enableECSManagedTags: revision.enableECSManagedTags,
    enableExecuteCommand: revision.enableExecuteCommand,
    critical: revision.critical,
  };
}

export function describeDaemonRevisions(ctx: SimContext, input: { daemonRevisionArns: string[] }) {
  const daemonRevisions: Array<ReturnType<typeof revisionView>> = [];
  const failures: Array<{ arn: string; reason: string }> = [];
  for (const arn of requireArns(requireObject(input, 'request').daemonRevisionArns, 'daemonRevisionArns')) {
    const daemon = daemonsOf(ctx).find((x) => x.revisions.some((r) => r.arn === arn));
    const revision = daemon?.revisions.find((r) => r.arn === arn);
    if (daemon && revision) daemonRevisions.push(revisionView(ctx, daemon, revision));
    else failures.push({ arn, reason: 'MISSING' });
  }
  return { daemonRevisions, failures };
}
