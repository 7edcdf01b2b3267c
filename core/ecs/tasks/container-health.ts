import type { SimContext } from '../../kernel/context.js';
import type { TaskRecord } from '../model/state.js';
import type { ImageBehaviour } from '../model/image-catalogue.js';
import { afterHealthCheck } from './task-health.js';
import { updateContainer } from './container-state.js';

/** The image's answer to its health check this long after it started: warmed up, and not yet failing. */
export const healthCheckPasses = (behaviour: Pick<ImageBehaviour, 'warmUpSeconds' | 'unhealthyAfterSeconds'>, runningFor: number): boolean =>
  runningFor >= (behaviour.warmUpSeconds ?? 0) && (behaviour.unhealthyAfterSeconds === undefined || runningFor < behaviour.unhealthyAfterSeconds);

type Schedule = (seconds: number, run: () => void) => void;

/**
 * Runs each container's health check every `interval` seconds while the task runs. The answer comes from
 * the image catalogue (`unhealthyAfterSeconds`); `onAnswer` is told after every check so the task's health
 * can be recomputed.
 */
export function runHealthChecks(ctx: SimContext, task: TaskRecord, schedule: Schedule, onAnswer: () => void): void {
  const startedAt = ctx.clock.now;
  for (const container of task.containers) {
    const check = container.definition.healthCheck;
    if (!check) continue;
    const interval = check.interval ?? 30;
    const behaviour = ctx.images.behaviourOf(container.image);
    const probe = () => {
      if (container.lastStatus !== 'RUNNING' || task.desiredStatus !== 'RUNNING') return;
      const runningFor = (ctx.clock.now - startedAt) / 1000;
      const passed = healthCheckPasses(behaviour, runningFor);
      updateContainer(task, container, afterHealthCheck(container, passed, runningFor < (check.startPeriod ?? 0), check.retries ?? 3));
      onAnswer();
      schedule(interval, probe);
    };
    schedule(interval, probe);
  }
}
