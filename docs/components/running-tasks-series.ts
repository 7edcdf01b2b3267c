import type { Frame } from '../../scenarios/runner/run-feature.js';
import { revisionOf } from './revision-colours.js';

/** Running tasks per task definition over virtual time: what the chart draws. */
export interface RunningTasksSeries {
  times: number[];
  lines: Array<{ label: string; revision: number; values: number[] }>;
}

/**
 * One point per frame (the runner records one frame per instant, which stacking needs), one line per
 * service and task definition, oldest revision first so the new one stacks on top; standalone tasks (RunTask,
 * no service) get lines of their own, after the services'.
 */
export function runningTasksSeries(frames: Frame[]): RunningTasksSeries {
  const counts = frames.map(runningByLine);
  const keys = new Map<string, { service?: string; taskDefinition: string }>();
  for (const frame of counts) for (const [key, { service, taskDefinition }] of frame) keys.set(key, { service, taskDefinition });
  const services = new Set([...keys.values()].map((k) => k.service));
  const lines = [...keys]
    .sort(([, a], [, b]) => (a.service === undefined ? 1 : 0) - (b.service === undefined ? 1 : 0) || (a.service ?? '').localeCompare(b.service ?? '') || revisionOf(a.taskDefinition) - revisionOf(b.taskDefinition))
    .map(([key, { service, taskDefinition }]) => ({
      label: service === undefined ? `${taskDefinition} (standalone)` : services.size > 1 ? `${service} ${taskDefinition}` : taskDefinition,
      revision: revisionOf(taskDefinition),
      values: counts.map((frame) => frame.get(key)?.running ?? 0),
    }));
  return { times: frames.map((f) => f.time), lines };
}

/** Running tasks in a frame by service (none: standalone) and "family:revision", counted as the runner counts a service's. */
function runningByLine(frame: Frame): Map<string, { service?: string; taskDefinition: string; running: number }> {
  const lines = new Map<string, { service?: string; taskDefinition: string; running: number }>();
  for (const cluster of frame.view.clusters) {
    for (const task of [...cluster.instances.flatMap((i) => i.tasks), ...cluster.fargateTasks]) {
      const taskDefinition = `${task.family}:${task.revision}`;
      const key = `${task.serviceName ?? ''} ${taskDefinition}`;
      const line = lines.get(key) ?? { ...(task.serviceName !== undefined ? { service: task.serviceName } : {}), taskDefinition, running: 0 };
      if (task.desiredStatus !== 'STOPPED' && task.lastStatus === 'RUNNING') line.running++;
      lines.set(key, line);
    }
  }
  return lines;
}

/** Lines of counts over virtual time, one point per frame: what the charts draw (null: no point, a gap). */
export interface CountSeries<L extends { values: Array<number | null> }> {
  times: number[];
  lines: L[];
}

/** The top of the y axis: the highest count, at least 1 so an empty chart still has a scale. */
export const highestValue = (series: CountSeries<{ values: Array<number | null> }>) => Math.max(1, ...series.lines.flatMap((l) => l.values.map((v) => v ?? 0)));

/**
 * How many of the series' points the playhead has reached at `time`. A series drawn from frames stops at the
 * frames the playhead shows (`frames`, see framesShown): several steps' frames can share an instant.
 */
export function pointsReached(series: { times: number[] }, time: number, frames = Infinity): number {
  return Math.min(frames, series.times.filter((t) => t <= time).length);
}

/**
 * The series as far as the playhead: the points it has reached (see pointsReached). A chart draws each line on,
 * level, to the playhead (use-line-chart.ts).
 */
export function seriesReached<S extends CountSeries<{ values: Array<number | null> }>>(series: S, time: number, frames = Infinity): S {
  return firstPoints(series, pointsReached(series, time, frames));
}

/** The series' first `count` points. */
export function firstPoints<S extends CountSeries<{ values: Array<number | null> }>>(series: S, count: number): S {
  return { ...series, times: series.times.slice(0, count), lines: series.lines.map((l) => ({ ...l, values: l.values.slice(0, count) })) };
}
