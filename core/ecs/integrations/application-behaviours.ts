import type { SimContext } from '../../kernel/context.js';
import type { RunningTaskHandle } from '../model/ecs-hooks.js';
import type { ContainerRecord, TaskRecord } from '../model/state.js';
import { resolvePath } from './file-access.js';
import { taskRoleRefusal } from './launch-permissions.js';

/** The demo application of the storage lesson: adds one to a counter file every minute it runs. */
export function countMinutesWhereAsked(ctx: SimContext, task: TaskRecord, handle: RunningTaskHandle): void {
  for (const container of task.containers) {
    const path = ctx.images.behaviourOf(container.image).countsMinutesIn;
    if (path) countMinutes(ctx, task, container, path, handle);
  }
}

function countMinutes(ctx: SimContext, task: TaskRecord, container: ContainerRecord, path: string, handle: RunningTaskHandle): void {
  handle.later(60, () => {
    if (container.lastStatus !== 'RUNNING') return;
    const { files, key } = resolvePath(ctx, task, container, path);
    files.set(key, String(Number(files.get(key) ?? '0') + 1));
    countMinutes(ctx, task, container, path, handle);
  });
}

/** An application refused an AWS call by its task role fails at start and exits. */
export function callAwsWithTaskRole(ctx: SimContext, task: TaskRecord, handle: RunningTaskHandle): void {
  for (const container of task.containers) {
    const calls = ctx.images.behaviourOf(container.image).calls;
    const refusal = calls ? taskRoleRefusal(ctx, task, calls) : undefined;
    if (refusal) handle.later(1, () => handle.exitContainer(container, 1, refusal));
  }
}
