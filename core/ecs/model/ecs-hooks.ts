import { HookList } from '../../kernel/hook-list.js';
import type { SimContext } from '../../kernel/context.js';
import type { ContainerRecord, InstanceRecord, TaskRecord } from './state.js';

/** Runs `run` after `seconds`, unless the task is stopped first (the lifecycle's own timer, lent to subscribers). */
export type TaskTimer = (seconds: number, run: () => void) => void;

/** What a subscriber to a RUNNING task may do to it. */
export interface RunningTaskHandle {
  later: TaskTimer;
  /** Tells the scheduler to count the task's health again (a load balancer target changed). */
  recountHealthy: () => void;
  /** The application in a container ends with this exit code and reason. */
  exitContainer: (container: ContainerRecord, exitCode: number, reason: string) => void;
}

/**
 * What ECS announces as tasks and container instances move through their lives. The task lifecycle calls
 * no other service: the parts that register targets, Cloud Map instances, log streams, volumes, costs and
 * task-role calls subscribe here (see ecs/integrations/subscribe-integrations.ts and the cost meter).
 */
export interface EcsHooks {
  /**
   * The images are pulled and the containers are about to be created: the first subscriber that answers a
   * reason stops the task with it (an execution role that may not pull, a missing file system, a log group).
   */
  taskLaunchRefusal: HookList<[ctx: SimContext, task: TaskRecord, imagesPulled: boolean], string | undefined>;
  /** A container starts its process in `startsInSeconds` (its log lines begin then). */
  containerStarting: HookList<[ctx: SimContext, task: TaskRecord, container: ContainerRecord, startsInSeconds: number, later: TaskTimer]>;
  /**
   * The task is RUNNING: register it where it serves. A subscriber answers true when the task's health is now
   * gated by what it registered (load balancer targets), so ECS does not count it healthy after 40 s.
   */
  taskRunning: HookList<[ctx: SimContext, task: TaskRecord, handle: RunningTaskHandle], boolean | void>;
  /** The applications in the RUNNING task begin their own work (a counter file, calls made with the task role). */
  applicationsStarted: HookList<[ctx: SimContext, task: TaskRecord, handle: RunningTaskHandle]>;
  /** A container's process ended by itself, with the reason it gave. */
  containerExited: HookList<[ctx: SimContext, task: TaskRecord, container: ContainerRecord, reason: string | undefined]>;
  /** ECS decided to stop the task (desiredStatus STOPPED): it stops taking new work. */
  taskStopDecided: HookList<[ctx: SimContext, task: TaskRecord]>;
  /** The task is DEACTIVATING: each subscriber answers how many seconds it needs before SIGTERM (connection draining). */
  taskDeactivating: HookList<[ctx: SimContext, task: TaskRecord], number>;
  /** SIGTERM reaches a running container. */
  containerStopping: HookList<[ctx: SimContext, task: TaskRecord, container: ContainerRecord]>;
  /** The task is STOPPED and its resources are released. */
  taskStopped: HookList<[ctx: SimContext, task: TaskRecord]>;
  /** A container instance left its cluster for good (terminated or deregistered). */
  instanceRemoved: HookList<[ctx: SimContext, instance: InstanceRecord]>;
}

export function createEcsHooks(): EcsHooks {
  return {
    taskLaunchRefusal: new HookList(),
    containerStarting: new HookList(),
    taskRunning: new HookList(),
    applicationsStarted: new HookList(),
    containerExited: new HookList(),
    taskStopDecided: new HookList(),
    taskDeactivating: new HookList(),
    containerStopping: new HookList(),
    taskStopped: new HookList(),
    instanceRemoved: new HookList(),
  };
}

declare module '../../kernel/context.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SimHooks extends EcsHooks {}
}
