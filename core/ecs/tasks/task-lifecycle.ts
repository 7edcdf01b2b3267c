import type { NetworkMode, TaskStatus } from '../model/types.js';

/**
 * The task lifecycle as data (ecs-behaviour.md 1.1-1.2). Durations are the simulator's model, chosen to look
 * like a small EC2 task; the image catalogue sets pull, start and stop times per image.
 */
export interface LaunchTiming {
  networkMode: NetworkMode;
  pullSeconds: number;
  startSeconds: number;
}

export interface LifecycleStep {
  from: TaskStatus;
  to: TaskStatus;
  seconds: (timing: LaunchTiming) => number;
}

/** PROVISIONING -> PENDING -> ACTIVATING -> RUNNING. awsvpc tasks wait for their ENI while PROVISIONING. */
export const LAUNCH_STEPS: readonly LifecycleStep[] = [
  { from: 'PROVISIONING', to: 'PENDING', seconds: (t) => (t.networkMode === 'awsvpc' ? 3 : 1) },
  { from: 'PENDING', to: 'ACTIVATING', seconds: (t) => t.pullSeconds },
  { from: 'ACTIVATING', to: 'RUNNING', seconds: (t) => t.startSeconds },
];

/** A task with no load balancer and no container health check counts as healthy this long after RUNNING. */
export const HEALTHY_AFTER_RUNNING_SECONDS = 40;

/** Default SIGTERM-to-SIGKILL wait (stopTimeout / ECS_CONTAINER_STOP_TIMEOUT). */
export const DEFAULT_STOP_TIMEOUT_SECONDS = 30;

/** DEPROVISIONING: ENI detach for awsvpc, cleanup otherwise. */
export const deprovisionSeconds = (networkMode: NetworkMode) => (networkMode === 'awsvpc' ? 3 : 1);

/** Stopped tasks stay visible to DescribeTasks and ListTasks for one hour (ECS promises "at least"). */
export const STOPPED_TASK_RETENTION_SECONDS = 3600;

/** Exit codes: 143 = SIGTERM handled (128+15); 137 = killed after stopTimeout (128+9). */
export const EXIT_CODE_SIGTERM = 143;
export const EXIT_CODE_SIGKILL = 137;

export const PRE_RUNNING_STATUSES: ReadonlySet<TaskStatus> = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);
