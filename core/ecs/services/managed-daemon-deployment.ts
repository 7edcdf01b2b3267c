import type { DaemonDeploymentRecord } from '../model/managed-daemon-state.js';
import { alarmReasons, circuitBreakerReasons, circuitBreakerThreshold } from './circuit-breaker.js';

/**
 * One pass of an ECS Managed Daemon, as a pure decision (ECS developer guide, "Amazon ECS Managed Daemons",
 * "Daemon deployments", "Daemon auto repair"):
 *
 * - Every instance of the daemon's capacity providers that registered after the daemon was created gets one
 *   daemon task, of the revision the daemon deploys now, before any application task (capacity/
 *   managed-daemon-readiness.ts holds those back).
 * - A critical daemon's task that stops or turns unhealthy takes its instance out of service (DRAINING): its
 *   application tasks move to a replacement that ECS launches with the daemon. A non-critical daemon's task
 *   is started again on the same instance.
 * - A deployment (create, update, delete) drains a batch of the instances that do not run the revision it
 *   deploys (drainPercent of the instances, at least one), waits until they have left (their tasks moved to
 *   replacements that run the new revision), waits the bake time, and goes on until none is left. An alarm
 *   in ALARM, or as many failed tasks of the new revision as the circuit breaker allows, rolls it back to
 *   the revision that ran before, the same way; a deployment with nothing to go back to stops.
 *
 * Rules the simulator picks where ECS's documentation is silent: the batch is drainPercent of the
 * instances ACTIVE at that moment, rounded up (0 drains one at a time), oldest first; the bake time follows
 * every batch, the last one included; the circuit breaker's threshold is the service one's, on the number of
 * instances; instances that were there before the daemon never get its task, only drained.
 */
export interface DaemonInstance {
  arn: string;
  status: 'ACTIVE' | 'DRAINING' | 'DEREGISTERING' | 'INACTIVE';
  agentConnected: boolean;
  registeredAt: number;
  /** Its capacity provider is one of the daemon's (else it is listed only because it runs a daemon task). */
  covered: boolean;
}

export interface DaemonTaskView {
  instanceArn: string;
  revisionArn: string;
  /** Not STOPPED yet (ECS may have decided to stop it). */
  live: boolean;
  unhealthy: boolean;
  /** It failed to start, its essential container exited, or it failed its health checks. */
  failed: boolean;
  createdAt: number;
}

export type DeploymentProgress = Pick<
  DaemonDeploymentRecord,
  'status' | 'statusReason' | 'startedAt' | 'finishedAt' | 'stoppedAt' | 'draining' | 'bakingSince' | 'failedTasks' | 'triggeredAlarms' | 'rollback'
>;

export interface ManagedDaemonInput {
  now: number;
  daemon: {
    createdAt: number;
    revisions: ReadonlyArray<{ arn: string; critical: boolean; daemonTaskDefinitionArn: string }>;
    /** The revision new instances get (daemonTarget); none while the daemon is deleted. */
    targetRevisionArn?: string;
  };
  /** The newest deployment. */
  deployment: Readonly<DaemonDeploymentRecord>;
  /** What a rollback goes back to: the revision of the last deployment that succeeded before this one. */
  previousRevisionArn?: string;
  instances: readonly DaemonInstance[];
  /** The daemon's tasks still known, stopped ones included. */
  tasks: readonly DaemonTaskView[];
  /** The deployment's alarms that went into ALARM since it (or its rollback) started. */
  firingAlarms: readonly string[];
}

export interface ManagedDaemonDecision {
  startOn: Array<{ instanceArn: string; revisionArn: string }>;
  drain: string[];
  /** The newest deployment's state after the pass. */
  deployment: DeploymentProgress;
  /** A delete has drained every instance: the daemon is gone. */
  remove: boolean;
  wakeAt: number[];
}

const ONGOING = new Set(['PENDING', 'IN_PROGRESS', 'ROLLBACK_IN_PROGRESS']);

export function decideManagedDaemonPass(input: ManagedDaemonInput): ManagedDaemonDecision {
  const { daemon, deployment: before } = input;
  const deployment: DeploymentProgress = { ...pickProgress(before), draining: [...before.draining] };
  const out: ManagedDaemonDecision = { startOn: [], drain: [], deployment, remove: false, wakeAt: [] };
  let target = daemon.targetRevisionArn;
  if (ONGOING.has(before.status)) target = moveDeployment(input, deployment, out, target);

  const liveOn = new Map(input.tasks.filter((t) => t.live).map((t) => [t.instanceArn, t]));
  const critical = (revisionArn: string) => daemon.revisions.find((r) => r.arn === revisionArn)?.critical ?? true;
  const drain = new Set(out.drain);
  for (const instance of input.instances) {
    if (instance.status !== 'ACTIVE' || !instance.covered) continue;
    const live = liveOn.get(instance.arn);
    if (live) {
      if (live.unhealthy && critical(live.revisionArn)) drain.add(instance.arn);
      continue;
    }
    if (target === undefined || !instance.agentConnected || instance.registeredAt < daemon.createdAt) continue;
    const stopped = input.tasks.filter((t) => t.instanceArn === instance.arn).at(-1);
    if (stopped && critical(stopped.revisionArn)) drain.add(instance.arn);
    else out.startOn.push({ instanceArn: instance.arn, revisionArn: target });
  }
  out.drain = [...drain];
  return out;
}

function pickProgress(d: Readonly<DaemonDeploymentRecord>): DeploymentProgress {
  const { status, statusReason, startedAt, finishedAt, stoppedAt, draining, bakingSince, failedTasks, triggeredAlarms, rollback } = d;
  return { status, statusReason, startedAt, finishedAt, stoppedAt, draining, bakingSince, failedTasks, triggeredAlarms, rollback };
}

/** An ongoing deployment's pass: failures, the batch that is leaving, the bake time, the next batch. Returns the target now. */
function moveDeployment(input: ManagedDaemonInput, d: DeploymentProgress, out: ManagedDaemonDecision, target: string | undefined): string | undefined {
  const { now, instances } = input;
  if (d.status === 'PENDING') Object.assign(d, { status: 'IN_PROGRESS', startedAt: now });
  if (target !== undefined) {
    const since = d.rollback?.startedAt ?? input.deployment.createdAt;
    d.failedTasks = input.tasks.filter((t) => t.failed && t.revisionArn === target && t.createdAt >= since).length;
    const covered = instances.filter((i) => i.covered && i.status === 'ACTIVE').length;
    const breakerTripped = d.failedTasks >= circuitBreakerThreshold(covered);
    const alarms = d.status === 'IN_PROGRESS' ? input.firingAlarms : [];
    if (breakerTripped || alarms.length > 0) {
      const reason = alarms.length > 0 ? alarmReasons.failed([...alarms]) : circuitBreakerReasons.failed;
      if (alarms.length > 0) d.triggeredAlarms = [...alarms];
      if (d.status === 'ROLLBACK_IN_PROGRESS' || input.previousRevisionArn === undefined) {
        finish(d, now, d.status === 'ROLLBACK_IN_PROGRESS' ? 'ROLLBACK_FAILED' : 'STOPPED', reason);
        return target;
      }
      Object.assign(d, { status: 'ROLLBACK_IN_PROGRESS', statusReason: reason, bakingSince: undefined, failedTasks: 0 });
      d.rollback = { reason, startedAt: now, targetRevisionArn: input.previousRevisionArn };
      target = input.previousRevisionArn;
    }
  }
  const gone = (arn: string) => {
    const instance = instances.find((i) => i.arn === arn);
    return !instance || instance.status === 'INACTIVE';
  };
  const stillDraining = d.draining.filter((arn) => !gone(arn));
  if (d.draining.length > 0 && stillDraining.length === 0) d.bakingSince = now;
  d.draining = stillDraining;
  if (d.draining.length > 0) return target;
  const bakedAt = (d.bakingSince ?? -Infinity) + input.deployment.configuration.bakeTimeInMinutes * 60_000;
  if (now < bakedAt) {
    out.wakeAt.push(bakedAt);
    return target;
  }
  const outdated = instances.filter((i) => i.status === 'ACTIVE' && isOutdated(input, i, target));
  if (outdated.length === 0) {
    finish(d, now, d.status === 'ROLLBACK_IN_PROGRESS' ? 'ROLLBACK_SUCCESSFUL' : 'SUCCESSFUL');
    out.remove = target === undefined;
    return target;
  }
  const active = instances.filter((i) => i.covered && i.status === 'ACTIVE').length;
  const size = Math.max(1, Math.ceil((input.deployment.configuration.drainPercent * active) / 100));
  const batch = [...outdated].sort((a, b) => a.registeredAt - b.registeredAt || (a.arn < b.arn ? -1 : 1)).slice(0, size);
  d.draining = batch.map((i) => i.arn);
  d.bakingSince = undefined;
  out.drain.push(...d.draining);
  return target;
}

/** An instance that must be replaced to run `target`: its daemon task runs another revision, or it came before the daemon. */
function isOutdated(input: ManagedDaemonInput, instance: DaemonInstance, target: string | undefined): boolean {
  const live = input.tasks.find((t) => t.live && t.instanceArn === instance.arn);
  if (!instance.covered || target === undefined) return live !== undefined;
  return live ? live.revisionArn !== target : instance.registeredAt < input.daemon.createdAt;
}

function finish(d: DeploymentProgress, now: number, status: DeploymentProgress['status'], reason?: string): void {
  Object.assign(d, { status, finishedAt: now, draining: [], bakingSince: undefined });
  if (reason !== undefined) d.statusReason = reason;
  if (status === 'STOPPED') d.stoppedAt = now;
}
