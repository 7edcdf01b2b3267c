import type { SimContext } from '../engine/context.js';
import type { DEFAULT_IMAGE_BEHAVIOUR } from '../model/image-catalogue.js';
import type { ContainerRecord, TaskRecord } from '../model/state.js';

/**
 * What a task uses, from its images' behaviour: the model behind CloudWatch's service CPU and memory and
 * Container Insights' task figures.
 */

/** CPU in percent of the reservation: the image's idle CPU plus what a minute's requests cost (100 % at its capacity). */
export function cpuPercent(image: Pick<typeof DEFAULT_IMAGE_BEHAVIOUR, 'idleCpuPercent' | 'capacityRps'>, requestsInMinute: number): number {
  const rps = requestsInMinute / 60;
  return Math.min(100, image.idleCpuPercent + (100 * rps) / image.capacityRps);
}

/** The memory a leaking process uses `seconds` after it started, capped at its hard limit. */
export function memoryAfter(container: ContainerRecord, behaviour: { baseMemoryMiB: number; memoryGrowthMiBPerMinute?: number }, seconds: number, taskMemory: number): number {
  const used = behaviour.baseMemoryMiB + ((behaviour.memoryGrowthMiBPerMinute ?? 0) * seconds) / 60;
  const limit = container.definition.memory ?? taskMemory;
  return Math.round(limit > 0 ? Math.min(limit, used) : used);
}

/** MiB the task's running containers use now. */
export function memoryUsedMiB(ctx: SimContext, task: TaskRecord): number {
  const upSeconds = (ctx.clock.now - (task.startedAt ?? ctx.clock.now)) / 1000;
  return task.containers
    .filter((c) => c.lastStatus === 'RUNNING')
    .reduce((sum, c) => sum + memoryAfter(c, ctx.images.behaviourOf(c.image), upSeconds, task.memory), 0);
}
