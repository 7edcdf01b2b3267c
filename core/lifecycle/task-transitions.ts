import type { TaskStatus, TaskStopCode } from '../api/types.js';
import { taskView } from '../api/task-view.js';
import { Priority } from '../engine/clock.js';
import { emitEventBridge, type SimContext } from '../engine/context.js';
import { release } from '../capacity/instance-resources.js';
import type { ContainerRecord, TaskRecord } from '../model/state.js';
import type { DEFAULT_IMAGE_BEHAVIOUR, ImageBehaviour } from '../model/image-catalogue.js';
import {
  DEFAULT_STOP_TIMEOUT_SECONDS,
  deprovisionSeconds,
  EXIT_CODE_SIGKILL,
  EXIT_CODE_SIGTERM,
  HEALTHY_AFTER_RUNNING_SECONDS,
  LAUNCH_STEPS,
  PRE_RUNNING_STATUSES,
  STOPPED_TASK_RETENTION_SECONDS,
} from './task-lifecycle.js';
import { stoppedReasons } from '../events/service-messages.js';
import { runHealthChecks } from './container-health.js';
import { hasEssentialHealthCheck, taskHealth } from './task-health.js';
import { deregisterTaskTargets, registerTaskTargets } from '../load-balancing/task-targets.js';
import { deregisterFromDiscovery, registerInDiscovery } from '../discovery/task-registration.js';
import { meterStoppedTask } from '../cost/cost-meter.js';
import { launchPermissionFailure, taskRoleRefusal } from '../iam/launch-permissions.js';
import { volumeFailure } from '../storage/efs-api.js';
import { discardTaskStorage, resolvePath } from '../storage/file-access.js';

/**
 * Applies the lifecycle table to a task: schedules each step, emits `ECS Task State Change`, frees the
 * instance when the task is STOPPED, and wakes the task's service scheduler.
 */

function serviceOf(ctx: SimContext, task: TaskRecord) {
  return task.serviceName ? ctx.state.clusters.get(task.clusterName)?.services.get(task.serviceName) : undefined;
}

function changed(ctx: SimContext, task: TaskRecord): void {
  task.version++;
  emitEventBridge(ctx, 'ECS Task State Change', [task.arn], taskView(ctx, task, 'iso') as unknown as Record<string, unknown>);
  const service = serviceOf(ctx, task);
  if (service) ctx.requestServicePass(service);
}

function setStatus(ctx: SimContext, task: TaskRecord, status: TaskStatus): void {
  ctx.census.track(task, () => {
    task.lastStatus = status;
  });
}

/** Schedules `run` for this task unless the task is stopped (or re-stopped) before it is due. */
function later(ctx: SimContext, task: TaskRecord, seconds: number, label: string, run: () => void): void {
  const generation = task.generation;
  ctx.clock.schedule(seconds * 1000, Priority.lifecycle, `${label} ${task.id}`, () => {
    if (task.generation === generation) run();
  });
}

function imageTimings(ctx: SimContext, task: TaskRecord) {
  const behaviours = task.containers.map((c) => ({ container: c, behaviour: ctx.images.behaviourOf(c.image) }));
  return {
    behaviours,
    pullSeconds: Math.max(...behaviours.map((b) => b.behaviour.pullSeconds)),
    startSeconds: Math.max(...behaviours.map((b) => b.behaviour.startSeconds)),
  };
}

/** Starts a freshly placed task (lastStatus PROVISIONING) on its way to RUNNING. */
export function launchTask(ctx: SimContext, task: TaskRecord): void {
  changed(ctx, task);
  const timing = { networkMode: task.taskDefinition.networkMode, ...imageTimings(ctx, task) };
  const advance = (stepIndex: number) => {
    const step = LAUNCH_STEPS[stepIndex];
    later(ctx, task, step.seconds(timing), step.to, () => {
      if (step.from === 'PENDING') {
        task.pullStoppedAt = ctx.clock.now;
        const denied = launchPermissionFailure(ctx, task) ?? volumeFailure(ctx, task.taskDefinition.volumes);
        if (denied) {
          for (const c of task.containers) c.reason = denied;
          stopTask(ctx, task, 'TaskFailedToStart', denied, 'start');
          return;
        }
        const failed = timing.behaviours.find((b) => b.behaviour.pullError);
        if (failed) {
          const reason = `CannotPullContainerError: ${failed.behaviour.pullError}`;
          failed.container.reason = reason;
          stopTask(ctx, task, 'TaskFailedToStart', reason, 'start');
          return;
        }
      }
      setStatus(ctx, task, step.to);
      if (step.to === 'PENDING') task.pullStartedAt = ctx.clock.now;
      if (step.to === 'RUNNING') onRunning(ctx, task, timing.behaviours);
      changed(ctx, task);
      if (stepIndex + 1 < LAUNCH_STEPS.length) advance(stepIndex + 1);
    });
  };
  advance(0);
}

function onRunning(ctx: SimContext, task: TaskRecord, behaviours: ReturnType<typeof imageTimings>['behaviours']): void {
  task.startedAt = ctx.clock.now;
  for (const c of task.containers) c.lastStatus = 'RUNNING';
  const schedule = (seconds: number, label: string, run: () => void) => later(ctx, task, seconds, label, run);
  const checked = hasEssentialHealthCheck(task.containers);
  if (checked) runHealthChecks(ctx, task, schedule, () => updateTaskHealth(ctx, task));
  const targeted = registerTaskTargets(ctx, task, schedule, () => recountHealthy(ctx, task));
  registerInDiscovery(ctx, task);
  // With neither a health check nor a load balancer, ECS counts the task healthy 40 s after RUNNING.
  if (!checked && !targeted) later(ctx, task, HEALTHY_AFTER_RUNNING_SECONDS, 'healthy', () => setCountedHealthy(ctx, task, true));
  for (const { container, behaviour } of behaviours) {
    if (behaviour.countsMinutesIn) countMinutes(ctx, task, container, behaviour.countsMinutesIn);
  }
  for (const { container, behaviour } of behaviours) {
    // An application refused an AWS call by its task role fails at start and exits.
    const refusal = behaviour.calls ? taskRoleRefusal(ctx, task, behaviour.calls) : undefined;
    const exit = refusal ? { afterSeconds: 1, exitCode: 1, reason: refusal } : containerExit(container, behaviour, task.memory);
    if (!exit) continue;
    later(ctx, task, exit.afterSeconds, 'exit', () => {
      container.lastStatus = 'STOPPED';
      container.exitCode = exit.exitCode;
      container.reason = exit.reason;
      if (container.essential) stopTask(ctx, task, 'EssentialContainerExited', stoppedReasons.essentialContainerExited, 'exit');
      else changed(ctx, task);
    });
  }
}

/**
 * When a container's process ends by itself: a crash the image declares, or the kernel's OOM kill once a
 * leak passes the container's hard limit (its `memory`, else the task's), whichever comes first.
 */
export function containerExit(
  container: ContainerRecord,
  behaviour: ImageBehaviour & typeof DEFAULT_IMAGE_BEHAVIOUR,
  taskMemory: number,
): { afterSeconds: number; exitCode: number; reason?: string } | undefined {
  const limit = container.definition.memory ?? taskMemory;
  const growth = behaviour.memoryGrowthMiBPerMinute;
  const oomAfter = growth && growth > 0 && limit > 0 ? Math.max(0, ((limit - behaviour.baseMemoryMiB) / growth) * 60) : undefined;
  const crashAfter = behaviour.crashAfterSeconds;
  if (oomAfter !== undefined && (crashAfter === undefined || oomAfter < crashAfter)) {
    return { afterSeconds: oomAfter, exitCode: EXIT_CODE_SIGKILL, reason: OUT_OF_MEMORY_REASON };
  }
  return crashAfter === undefined ? undefined : { afterSeconds: crashAfter, exitCode: behaviour.exitCode };
}

/** The agent's reason for a container the kernel killed for memory (exit 137). */
export const OUT_OF_MEMORY_REASON = 'OutOfMemoryError: Container killed due to memory usage';

/** The demo application of the storage lesson: adds one to a counter file every minute it runs. */
function countMinutes(ctx: SimContext, task: TaskRecord, container: ContainerRecord, path: string): void {
  later(ctx, task, 60, 'count', () => {
    if (container.lastStatus !== 'RUNNING') return;
    const { files, key } = resolvePath(ctx, task, container, path);
    files.set(key, String(Number(files.get(key) ?? '0') + 1));
    countMinutes(ctx, task, container, path);
  });
}

/** Whether the scheduler counts the task healthy; a change wakes the service. */
function setCountedHealthy(ctx: SimContext, task: TaskRecord, healthy: boolean): void {
  if ((task.healthyAt !== undefined) === healthy) return;
  ctx.census.track(task, () => {
    task.healthyAt = healthy ? ctx.clock.now : undefined;
  });
  const service = serviceOf(ctx, task);
  if (service) ctx.requestServicePass(service);
}

function updateTaskHealth(ctx: SimContext, task: TaskRecord): void {
  const health = taskHealth(task.containers);
  if (health === task.healthStatus) return;
  task.healthStatus = health;
  recountHealthy(ctx, task);
  changed(ctx, task);
}

/**
 * Healthy for the scheduler: container health HEALTHY where the task has checks, and every load balancer
 * target healthy where it has targets. A target turning unhealthy wakes the scheduler too.
 */
function recountHealthy(ctx: SimContext, task: TaskRecord): void {
  const containersOk = !hasEssentialHealthCheck(task.containers) || task.healthStatus === 'HEALTHY';
  const targetsOk = task.elbTargetsHealthy !== false;
  setCountedHealthy(ctx, task, containersOk && targetsOk);
  if (task.elbUnhealthyTarget) {
    const service = serviceOf(ctx, task);
    if (service) ctx.requestServicePass(service);
  }
}

/**
 * desiredStatus STOPPED, then the stop path: a running task is deactivated, its containers get SIGTERM
 * and SIGKILL after stopTimeout; a task that never ran goes straight to deprovisioning.
 */
export function stopTask(
  ctx: SimContext,
  task: TaskRecord,
  stopCode: TaskStopCode,
  reason: string,
  failure?: TaskRecord['failure'],
): void {
  if (task.desiredStatus === 'STOPPED') return;
  const wasRunning = markStopping(ctx, task, stopCode, reason, failure);
  deregisterFromDiscovery(ctx, task);
  // ECS reports the stop decision first (desiredStatus STOPPED, lastStatus unchanged), then the agent acts.
  changed(ctx, task);
  if (!wasRunning) {
    later(ctx, task, 0, 'DEPROVISIONING', () => {
      setStatus(ctx, task, 'DEPROVISIONING');
      changed(ctx, task);
      later(ctx, task, deprovisionSeconds(task.taskDefinition.networkMode), 'STOPPED', () => finishStop(ctx, task));
    });
    return;
  }
  later(ctx, task, 0, 'DEACTIVATING', () => {
    setStatus(ctx, task, 'DEACTIVATING');
    changed(ctx, task);
    // Connections drain for the target group's deregistration delay before the containers get SIGTERM.
    later(ctx, task, deregisterTaskTargets(ctx, task), 'STOPPING', () => stopContainers(ctx, task));
  });
}

/** SIGTERM to every running container; SIGKILL (exit 137) for those still up after their stopTimeout. */
function stopContainers(ctx: SimContext, task: TaskRecord): void {
  setStatus(ctx, task, 'STOPPING');
  changed(ctx, task);
  let exitAfter = 0;
  for (const c of task.containers) {
    if (c.lastStatus !== 'RUNNING') continue;
    const timeout = c.definition.stopTimeout ?? DEFAULT_STOP_TIMEOUT_SECONDS;
    const takes = ctx.images.behaviourOf(c.image).stopSeconds;
    c.exitCode = takes > timeout ? EXIT_CODE_SIGKILL : EXIT_CODE_SIGTERM;
    exitAfter = Math.max(exitAfter, Math.min(takes, timeout));
  }
  later(ctx, task, exitAfter, 'DEPROVISIONING', () => {
    task.executionStoppedAt = ctx.clock.now;
    for (const c of task.containers) c.lastStatus = 'STOPPED';
    setStatus(ctx, task, 'DEPROVISIONING');
    changed(ctx, task);
    later(ctx, task, deprovisionSeconds(task.taskDefinition.networkMode), 'STOPPED', () => finishStop(ctx, task));
  });
}

/**
 * The host is gone (terminated, or deregistered by force): the task is STOPPED at once, with no SIGTERM
 * grace, and its containers count as killed.
 */
export function terminateTask(ctx: SimContext, task: TaskRecord, stopCode: TaskStopCode, reason: string): void {
  if (task.lastStatus === 'STOPPED') return;
  if (task.desiredStatus !== 'STOPPED') markStopping(ctx, task, stopCode, reason);
  else task.generation++;
  for (const c of task.containers) if (c.lastStatus === 'RUNNING') c.exitCode = EXIT_CODE_SIGKILL;
  deregisterTaskTargets(ctx, task);
  deregisterFromDiscovery(ctx, task);
  finishStop(ctx, task);
}

/** desiredStatus STOPPED with its code and reason; cancels launch steps still to come. Returns whether it had run. */
function markStopping(ctx: SimContext, task: TaskRecord, stopCode: TaskStopCode, reason: string, failure?: TaskRecord['failure']): boolean {
  task.generation++;
  task.failure = failure;
  const wasRunning = !PRE_RUNNING_STATUSES.has(task.lastStatus);
  ctx.census.track(task, () => {
    task.desiredStatus = 'STOPPED';
    task.stopCode = stopCode;
    task.stoppedReason = reason;
    task.stoppingAt = ctx.clock.now;
  });
  return wasRunning;
}

function finishStop(ctx: SimContext, task: TaskRecord): void {
  const cluster = ctx.state.clusters.get(task.clusterName)!;
  task.stoppedAt = ctx.clock.now;
  task.executionStoppedAt ??= ctx.clock.now;
  for (const c of task.containers) c.lastStatus = 'STOPPED';
  setStatus(ctx, task, 'STOPPED');
  const instance = task.instanceArn ? cluster.instances.get(task.instanceArn) : undefined;
  if (instance) release(instance, task);
  meterStoppedTask(ctx, task);
  discardTaskStorage(ctx, task);
  changed(ctx, task);
  later(ctx, task, STOPPED_TASK_RETENTION_SECONDS, 'expire', () => {
    cluster.tasks.delete(task.arn);
    serviceOf(ctx, task)?.taskArns.delete(task.arn);
  });
}
