import type { TaskStatus, TaskStopCode } from '../model/types.js';
import { emitTaskStateChange } from './task-events.js';
import { Priority } from '../../kernel/clock.js';
import type { SimContext } from '../../kernel/context.js';
import { release } from '../placement/instance-resources.js';
import type { ContainerRecord, TaskRecord } from '../model/state.js';
import type { RunningTaskHandle } from '../model/ecs-hooks.js';
import type { ImageBehaviour, ResolvedImageBehaviour } from '../model/image-catalogue.js';
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
import { stoppedReasons } from '../model/service-messages.js';
import { healthCheckPasses, runHealthChecks } from './container-health.js';
import { planContainerStarts, planContainerStops } from './container-start-plan.js';
import { hasEssentialHealthCheck, taskHealth } from './task-health.js';
import { updateContainer } from './container-state.js';

/**
 * Applies the lifecycle table to a task: schedules each step, emits `ECS Task State Change`, frees the
 * instance when the task is STOPPED, and wakes the task's service scheduler.
 */

function serviceOf(ctx: SimContext, task: TaskRecord) {
  return task.serviceName ? ctx.state.clusters.get(task.clusterName)?.services.get(task.serviceName) : undefined;
}

function changed(ctx: SimContext, task: TaskRecord): void {
  task.version++;
  emitTaskStateChange(ctx, task);
  const service = serviceOf(ctx, task);
  if (service) ctx.requestServicePass(service);
}

function setStatus(ctx: SimContext, task: TaskRecord, status: TaskStatus): void {
  ctx.census.track(task, () => {
    task.lastStatus = status;
  });
}

/** Schedules `run` for this task unless the task is stopped (or re-stopped) before it is due. */
function later(ctx: SimContext, task: TaskRecord, seconds: number, run: () => void): void {
  ctx.clock.schedule(seconds * 1000, Priority.lifecycle, run, task);
}

type DefinitionTimings = ReturnType<typeof planDefinitionTimings>;

/**
 * Each container's image behaviour (by the container's position), when the containers start in their
 * dependsOn order, and how long each launch step takes. The timings depend only on the task definition, its
 * images' behaviours and the task's memory, so the tasks of one definition share them while no image is
 * registered anew (a large service starts thousands).
 */
const timingsByDefinition = new WeakMap<TaskRecord['taskDefinition'], DefinitionTimings>();

function definitionTimings(ctx: SimContext, task: TaskRecord): DefinitionTimings {
  const behaviours = task.containers.map((c) => ctx.images.behaviourOf(c.image));
  const known = timingsByDefinition.get(task.taskDefinition);
  if (known && known.memory === task.memory && known.containers.every((c, i) => c.behaviour === behaviours[i])) return known;
  const timings = planDefinitionTimings(task, behaviours);
  timingsByDefinition.set(task.taskDefinition, timings);
  return timings;
}

function planDefinitionTimings(task: TaskRecord, behaviours: readonly ResolvedImageBehaviour[]) {
  // Each container's own exit (a crash, an OOM kill) is decided once, for the plan and for startContainers.
  const containers = task.containers.map((c, i) => ({ behaviour: behaviours[i], exit: containerExit(c, behaviours[i], task.memory) }));
  const plan = planContainerStarts(
    task.containers.map((container, i) => ({
      name: container.name,
      essential: container.essential,
      dependsOn: container.definition.dependsOn ?? [],
      startSeconds: behaviours[i].startSeconds,
      exit: containers[i].exit,
      healthyAfterSeconds: firstHealthyCheckSeconds(container, behaviours[i]),
      startTimeout: container.definition.startTimeout,
    })),
  );
  return {
    memory: task.memory,
    networkMode: task.taskDefinition.networkMode,
    containers,
    plan,
    pullSeconds: Math.max(...behaviours.map((b) => b.pullSeconds)),
    startSeconds: plan.runningAt ?? Number.POSITIVE_INFINITY,
  };
}

/**
 * Checks run every interval from the container's start; the first that passes (once the image has warmed up)
 * makes it HEALTHY. Failures before that only matter to the running task, not to the dependency.
 */
function firstHealthyCheckSeconds(container: ContainerRecord, behaviour: ImageBehaviour): number | undefined {
  const interval = container.definition.healthCheck?.interval;
  if (interval === undefined) return undefined;
  const first = Math.max(1, Math.ceil((behaviour.warmUpSeconds ?? 0) / interval)) * interval;
  return healthCheckPasses(behaviour, first) ? first : undefined;
}

/**
 * Once the images are pulled, containers start in dependsOn order: a container whose process ends by itself
 * exits at its planned time (before or after the task is RUNNING), and a container whose dependency the agent
 * gives up on stops without starting, taking the task with it when it is essential.
 */
function startContainers(ctx: SimContext, task: TaskRecord, timings: DefinitionTimings): void {
  for (let i = 0; i < task.containers.length; i++) {
    const container = task.containers[i];
    const { exit } = timings.containers[i];
    const planned = timings.plan.containers.get(container.name)!;
    if (planned.startsAt !== undefined) ctx.hooks.containerStarting.emit(ctx, task, container, planned.startsAt, (s, run) => later(ctx, task, s, run));
    if (planned.exitsAt !== undefined && exit) {
      later(ctx, task, planned.exitsAt, () => containerExited(ctx, task, container, exit.exitCode, exit.reason));
    }
    const blocked = planned.blocked;
    if (blocked) {
      later(ctx, task, blocked.at, () => {
        updateContainer(task, container, { lastStatus: 'STOPPED', reason: blocked.reason });
        if (container.essential) stopTask(ctx, task, 'TaskFailedToStart', stoppedReasons.essentialContainerExited, 'start');
        else changed(ctx, task);
      });
    }
  }
}

/** Starts a freshly placed task (lastStatus PROVISIONING) on its way to RUNNING. */
/**
 * A task that waits in PROVISIONING for the instances a capacity provider launches exists (ListTasks, the
 * service's pendingCount), so ECS announces it as it is created; it launches once an instance takes it.
 */
export function announceWaitingTask(ctx: SimContext, task: TaskRecord): void {
  changed(ctx, task);
}

export function launchTask(ctx: SimContext, task: TaskRecord): void {
  changed(ctx, task);
  const timings = definitionTimings(ctx, task);
  const advance = (stepIndex: number) => {
    const step = LAUNCH_STEPS[stepIndex];
    const seconds = step.seconds(timings);
    // A container waiting for ever on a dependency keeps the task short of RUNNING.
    if (!Number.isFinite(seconds)) return;
    later(ctx, task, seconds, () => {
      if (step.from === 'PENDING') {
        task.pullStoppedAt = ctx.clock.now;
        const failed = timings.containers.findIndex((c) => c.behaviour.pullError);
        const denied = ctx.hooks.taskLaunchRefusal.first(ctx, task, failed < 0);
        if (denied) {
          for (const c of task.containers) updateContainer(task, c, { reason: denied });
          stopTask(ctx, task, 'TaskFailedToStart', denied, 'start');
          return;
        }
        if (failed >= 0) {
          const reason = `CannotPullContainerError: ${timings.containers[failed].behaviour.pullError}`;
          updateContainer(task, task.containers[failed], { reason });
          stopTask(ctx, task, 'TaskFailedToStart', reason, 'start');
          return;
        }
      }
      setStatus(ctx, task, step.to);
      if (step.to === 'PENDING') task.pullStartedAt = ctx.clock.now;
      if (step.to === 'ACTIVATING') startContainers(ctx, task, timings);
      if (step.to === 'RUNNING') onRunning(ctx, task);
      changed(ctx, task);
      if (stepIndex + 1 < LAUNCH_STEPS.length) advance(stepIndex + 1);
    });
  };
  advance(0);
}

function onRunning(ctx: SimContext, task: TaskRecord): void {
  task.startedAt = ctx.clock.now;
  for (const c of task.containers) {
    if (c.lastStatus === 'STOPPED') continue;
    // A dependency the agent waited on to be HEALTHY has already passed its first check.
    updateContainer(task, c, waitedOnHealthy(task, c.name) ? { lastStatus: 'RUNNING', healthStatus: 'HEALTHY' } : { lastStatus: 'RUNNING' });
  }
  const handle: RunningTaskHandle = {
    later: (seconds, run) => later(ctx, task, seconds, run),
    recountHealthy: () => recountHealthy(ctx, task),
    exitContainer: (container, exitCode, reason) => containerExited(ctx, task, container, exitCode, reason),
  };
  const checked = hasEssentialHealthCheck(task.containers);
  if (checked) runHealthChecks(ctx, task, handle.later, () => updateTaskHealth(ctx, task));
  const gated = ctx.hooks.taskRunning.collect(ctx, task, handle).includes(true);
  // With neither a health check nor a load balancer, ECS counts the task healthy 40 s after RUNNING.
  if (!checked && !gated) later(ctx, task, HEALTHY_AFTER_RUNNING_SECONDS, () => setCountedHealthy(ctx, task, true));
  ctx.hooks.applicationsStarted.emit(ctx, task, handle);
}

const waitedOnHealthy = (task: TaskRecord, name: string) =>
  task.containers.some((c) => c.definition.dependsOn?.some((d) => d.containerName === name && d.condition === 'HEALTHY'));

/** A container's process ended: an essential one takes the task down, another one just stops. */
export function containerExited(ctx: SimContext, task: TaskRecord, container: ContainerRecord, exitCode: number, reason?: string): void {
  ctx.hooks.containerExited.emit(ctx, task, container, reason);
  updateContainer(task, container, { lastStatus: 'STOPPED', exitCode, reason });
  if (container.essential) stopTask(ctx, task, 'EssentialContainerExited', stoppedReasons.essentialContainerExited, 'exit');
  else changed(ctx, task);
}

/**
 * When a container's process ends by itself: a crash the image declares, or the kernel's OOM kill once a
 * leak passes the container's hard limit (its `memory`, else the task's), whichever comes first.
 */
export function containerExit(
  container: ContainerRecord,
  behaviour: ResolvedImageBehaviour,
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
  ctx.hooks.taskStopDecided.emit(ctx, task);
  // ECS reports the stop decision first (desiredStatus STOPPED, lastStatus unchanged), then the agent acts.
  changed(ctx, task);
  // A disconnected agent cannot hear it: the task keeps running until the agent is back.
  if (task.instanceArn && !ctx.state.clusters.get(task.clusterName)!.instances.get(task.instanceArn)?.agentConnected) {
    task.stopAwaitingAgent = true;
    return;
  }
  agentStops(ctx, task, wasRunning);
}

/** A reconnected agent acts on the stops ECS decided while it was away. */
export function agentReconnected(ctx: SimContext, task: TaskRecord): void {
  if (!task.stopAwaitingAgent) return;
  task.stopAwaitingAgent = false;
  agentStops(ctx, task, !PRE_RUNNING_STATUSES.has(task.lastStatus));
}

function agentStops(ctx: SimContext, task: TaskRecord, wasRunning: boolean): void {
  if (!wasRunning) {
    later(ctx, task, 0, () => {
      setStatus(ctx, task, 'DEPROVISIONING');
      changed(ctx, task);
      later(ctx, task, deprovisionSeconds(task.taskDefinition.networkMode), () => finishStop(ctx, task));
    });
    return;
  }
  later(ctx, task, 0, () => {
    setStatus(ctx, task, 'DEACTIVATING');
    changed(ctx, task);
    // Connections drain for the target group's deregistration delay before the containers get SIGTERM.
    later(ctx, task, Math.max(0, ...ctx.hooks.taskDeactivating.collect(ctx, task)), () => stopContainers(ctx, task));
  });
}

/**
 * SIGTERM to the running containers in reverse dependsOn order; SIGKILL (exit 137) for each still up after
 * its stopTimeout.
 */
function stopContainers(ctx: SimContext, task: TaskRecord): void {
  setStatus(ctx, task, 'STOPPING');
  changed(ctx, task);
  const exits = planContainerStops(
    task.containers.map((c) => ({
      name: c.name,
      dependsOn: c.definition.dependsOn ?? [],
      running: c.lastStatus === 'RUNNING',
      stopSeconds: ctx.images.behaviourOf(c.image).stopSeconds,
      stopTimeout: c.definition.stopTimeout ?? DEFAULT_STOP_TIMEOUT_SECONDS,
    })),
    EXIT_CODE_SIGTERM,
    EXIT_CODE_SIGKILL,
  );
  let lastExit = 0;
  for (const c of task.containers) {
    const exit = exits.get(c.name);
    if (!exit) continue;
    lastExit = Math.max(lastExit, exit.exitsAt);
    updateContainer(task, c, { exitCode: exit.exitCode });
    ctx.hooks.containerStopping.emit(ctx, task, c);
  }
  later(ctx, task, lastExit, () => {
    task.executionStoppedAt = ctx.clock.now;
    for (const c of task.containers) updateContainer(task, c, { lastStatus: 'STOPPED' });
    setStatus(ctx, task, 'DEPROVISIONING');
    changed(ctx, task);
    later(ctx, task, deprovisionSeconds(task.taskDefinition.networkMode), () => finishStop(ctx, task));
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
  for (const c of task.containers) if (c.lastStatus === 'RUNNING') updateContainer(task, c, { exitCode: EXIT_CODE_SIGKILL });
  // Its load balancer targets start draining and it leaves Cloud Map, as for any stop, but nothing waits.
  ctx.hooks.taskDeactivating.collect(ctx, task);
  ctx.hooks.taskStopDecided.emit(ctx, task);
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
  for (const c of task.containers) updateContainer(task, c, { lastStatus: 'STOPPED' });
  setStatus(ctx, task, 'STOPPED');
  const instance = task.instanceArn ? cluster.instances.get(task.instanceArn) : undefined;
  if (instance) {
    release(instance, task);
    // The room it leaves may be what a daemon task has been waiting for on that instance.
    for (const service of cluster.services.values()) if (service.schedulingStrategy === 'DAEMON' && service.status === 'ACTIVE') ctx.requestServicePass(service);
  }
  ctx.hooks.taskStopped.emit(ctx, task);
  changed(ctx, task);
  later(ctx, task, STOPPED_TASK_RETENTION_SECONDS, () => {
    cluster.tasks.delete(task.arn);
    serviceOf(ctx, task)?.tasks.delete(task.arn);
    if (task.daemonArn) ctx.state.managedDaemons.daemons.get(task.daemonArn)?.scheduler.tasks.delete(task.arn);
  });
}
