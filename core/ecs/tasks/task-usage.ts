import type { SimContext } from '../../kernel/context.js';
import type { DEFAULT_IMAGE_BEHAVIOUR } from '../model/image-catalogue.js';
import type { ContainerRecord, TaskRecord } from '../model/state.js';

/**
 * What a task uses, from its images' behaviour: the model behind CloudWatch's service CPU and memory and
 * Container Insights' task figures.
 */

/** A task's CPU in percent of its reservation: its essential container's image, serving a minute's requests. */
export function taskCpuPercent(ctx: SimContext, task: TaskRecord, requestsInMinute: number): number {
  return cpuPercent(ctx.images.behaviourOf(task.containers.find((c) => c.essential)?.image ?? ''), requestsInMinute);
}

/** CPU in percent of the reservation: the image's idle CPU plus what a minute's requests cost (100 % at its capacity). */
export function cpuPercent(image: Pick<typeof DEFAULT_IMAGE_BEHAVIOUR, 'idleCpuPercent' | 'capacityRps'>, requestsInMinute: number): number {
  const rps = requestsInMinute / 60;
  return Math.min(100, image.idleCpuPercent + (100 * rps) / image.capacityRps);
}

type MemoryBehaviour = { baseMemoryMiB: number; memoryGrowthMiBPerMinute?: number; memoryPerRequestPerSecondMiB?: number };

/**
 * The memory a process uses `seconds` after it started while serving `requestsPerSecond`: its base, its
 * leak, and what its open requests hold; capped at its hard limit.
 */
export function memoryAfter(container: ContainerRecord, behaviour: MemoryBehaviour, seconds: number, taskMemory: number, requestsPerSecond = 0): number {
  const leak = ((behaviour.memoryGrowthMiBPerMinute ?? 0) * seconds) / 60;
  const used = behaviour.baseMemoryMiB + leak + (behaviour.memoryPerRequestPerSecondMiB ?? 0) * requestsPerSecond;
  const limit = container.definition.memory ?? taskMemory;
  return Math.round(limit > 0 ? Math.min(limit, used) : used);
}

/** Called by the traffic tick with the requests a task served this second; several clients add up. */
export function recordSecondServed(now: number, task: TaskRecord, served: number): void {
  const last = task.servedLastSecond;
  task.servedLastSecond = { at: now, requests: (last?.at === now ? last.requests : 0) + served };
}

/** Requests per second the task served in the last traffic second: 0 once no client reaches it any more. */
export function requestsPerSecondServed(task: TaskRecord, now: number): number {
  const last = task.servedLastSecond;
  return last && now - last.at <= 1000 ? last.requests : 0;
}

/** MiB the task's running containers use now. */
export function memoryUsedMiB(ctx: SimContext, task: TaskRecord): number {
  const upSeconds = (ctx.clock.now - (task.startedAt ?? ctx.clock.now)) / 1000;
  const rps = requestsPerSecondServed(task, ctx.clock.now);
  return task.containers
    .filter((c) => c.lastStatus === 'RUNNING')
    .reduce((sum, c) => sum + memoryAfter(c, ctx.images.behaviourOf(c.image), upSeconds, task.memory, rps), 0);
}
