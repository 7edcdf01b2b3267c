import type { SimContext } from '../../kernel/context.js';
import type { ContainerRecord, TaskRecord } from '../model/state.js';
import { awslogsTarget, writeLogLine } from './log-driver.js';
import { memoryAfter, requestsPerSecondServed } from '../tasks/task-usage.js';

/**
 * What a container prints, from its image behaviour, at the moments the lifecycle reaches: start, every
 * so often while it runs, its last words when it ends by itself, and SIGTERM. The kernel's OOM kill
 * prints nothing in the container: its reason shows on the container in DescribeTasks, not in the logs.
 */
type Schedule = (seconds: number, run: () => void) => void;


/**
 * The container's process starts `startsIn` seconds from now: its start lines then, and its periodic line
 * while it keeps running. Nothing is scheduled for a container that prints nothing or ships nowhere.
 */
export function scheduleContainerLogs(ctx: SimContext, task: TaskRecord, container: ContainerRecord, startsIn: number, schedule: Schedule): void {
  const behaviour = ctx.images.behaviourOf(container.image);
  const logs = behaviour.logs;
  if (!logs || !awslogsTarget(task, container)) return;
  schedule(startsIn, () => {
    if (container.lastStatus === 'STOPPED') return;
    for (const line of logs.atStart ?? []) writeLogLine(ctx, task, container, line);
    const every = logs.every;
    if (!every) return;
    const startedAt = ctx.clock.now;
    const tick = () =>
      schedule(every.seconds, () => {
        if (container.lastStatus === 'STOPPED') return;
        const memory = memoryAfter(container, behaviour, (ctx.clock.now - startedAt) / 1000, task.memory, requestsPerSecondServed(task, ctx.clock.now));
        writeLogLine(ctx, task, container, every.line.replaceAll('{memoryMiB}', String(memory)));
        tick();
      });
    tick();
  });
}

/**
 * The process ended by itself: the image's last words, or the error the application printed (`printed`).
 * Not for the kernel's OOM kill: a killed process prints nothing.
 */
export function logContainerExit(ctx: SimContext, task: TaskRecord, container: ContainerRecord, printed?: string): void {
  const line = printed ?? ctx.images.behaviourOf(container.image).logs?.atExit;
  if (line !== undefined) writeLogLine(ctx, task, container, line);
}

/** SIGTERM reached the process: what it prints as it shuts down. */
export function logContainerStop(ctx: SimContext, task: TaskRecord, container: ContainerRecord): void {
  const line = ctx.images.behaviourOf(container.image).logs?.onStop;
  if (line !== undefined) writeLogLine(ctx, task, container, line);
}
