import type { Frame } from '../../scenarios/runner/run-feature.js';
import { revisionOf } from './revision-colours.js';

/** Running tasks per task definition over virtual time: what the chart draws. */
export interface RunningTasksSeries {
  times: number[];
  lines: Array<{ label: string; revision: number; values: number[] }>;
}

/**
 * One point per frame (the runner records one frame per instant, which stacking needs), one line per
 * service and task definition, oldest revision first so the new one stacks on top.
 */
export function runningTasksSeries(frames: Frame[]): RunningTasksSeries {
  const services = new Set(frames.flatMap((f) => Object.keys(f.tasksByRevision)));
  const keys = new Map<string, { service: string; taskDefinition: string }>();
  for (const frame of frames) {
    for (const [service, byRevision] of Object.entries(frame.tasksByRevision)) {
      for (const taskDefinition of Object.keys(byRevision)) keys.set(`${service} ${taskDefinition}`, { service, taskDefinition });
    }
  }
  const lines = [...keys.values()]
    .sort((a, b) => a.service.localeCompare(b.service) || revisionOf(a.taskDefinition) - revisionOf(b.taskDefinition))
    .map(({ service, taskDefinition }) => ({
      label: services.size > 1 ? `${service} ${taskDefinition}` : taskDefinition,
      revision: revisionOf(taskDefinition),
      values: frames.map((f) => f.tasksByRevision[service]?.[taskDefinition]?.running ?? 0),
    }));
  return { times: frames.map((f) => f.time), lines };
}

/** Lines of counts over virtual time, one point per frame: what both charts draw. */
export interface CountSeries<L extends { values: number[] }> {
  times: number[];
  lines: L[];
}

/** The top of the y axis: the highest count, at least 1 so an empty chart still has a scale. */
export const highestValue = (series: CountSeries<{ values: number[] }>) => Math.max(1, ...series.lines.flatMap((l) => l.values));

/** The series as far as the playhead: the lines grow as the run plays, ending level at `time`. */
export function seriesUntil<S extends CountSeries<{ values: number[] }>>(series: S, time: number): S {
  const shown = series.times.filter((t) => t <= time).length;
  if (shown === 0) return { ...series, times: [], lines: series.lines.map((l) => ({ ...l, values: [] })) };
  return {
    ...series,
    times: [...series.times.slice(0, shown), time],
    lines: series.lines.map((l) => ({ ...l, values: [...l.values.slice(0, shown), l.values[shown - 1]] })),
  };
}
