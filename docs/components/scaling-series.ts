import type { Frame, ScaledMetric, ScalingRun } from '../../scenarios/runner/run-feature.js';
import { seriesReached, type CountSeries } from './running-tasks-series.js';

export type ScalingTaskKind = 'desired' | 'running';
export type ScalingMetricKind = 'metric' | 'target';

/** How the chart names each metric in its axis, legend and words. */
const METRIC_NAMES: Record<ScaledMetric, string> = { CPUUtilization: 'CPU', MemoryUtilization: 'memory' };

/**
 * A scaled service over virtual time: its desired and running counts (one point per frame) against the
 * metric its target-tracking policy scales on (one point per one-minute datapoint) and that policy's target.
 */
export interface ScalingSeries {
  service: string;
  /** "CPU" or "memory": what the right axis measures. */
  metricName: string;
  tasks: CountSeries<{ kind: ScalingTaskKind; label: string; values: number[] }>;
  metric: CountSeries<{ kind: ScalingMetricKind; label: string; values: number[] }>;
}

export function scalingSeries(frames: Frame[], scaling: ScalingRun[]): ScalingSeries[] {
  return scaling.map(({ service, metric, target, datapoints }) => ({
    service,
    metricName: METRIC_NAMES[metric],
    tasks: {
      times: frames.map((f) => f.time),
      lines: [
        { kind: 'desired', label: 'desired count', values: frames.map((f) => f.bounds[service]?.desiredCount ?? 0) },
        {
          kind: 'running',
          label: 'running tasks',
          values: frames.map((f) => Object.values(f.tasksByRevision[service] ?? {}).reduce((sum, c) => sum + c.running, 0)),
        },
      ],
    },
    metric: {
      times: datapoints.map((d) => d.time),
      lines: [
        { kind: 'metric', label: `${metric} (%)`, values: datapoints.map((d) => d.value) },
        ...(target !== undefined
          ? [{ kind: 'target' as const, label: `target ${METRIC_NAMES[metric]} (${target} %)`, values: datapoints.map(() => target) }]
          : []),
      ],
    },
  }));
}

/** The chart at `time` (and `frames` shown) in words (its aria-label): the counts and the metric as they stand then. */
export function scalingSummary(series: ScalingSeries, time: number, frames = Infinity): string {
  const now = <K extends string>(counts: CountSeries<{ kind: K; values: number[] }>, kind: K, shown = Infinity) =>
    seriesReached(counts, time, shown).lines.find((l) => l.kind === kind)?.values.at(-1);
  const { metricName } = series;
  const value = now(series.metric, 'metric');
  const target = now(series.metric, 'target');
  const metricText =
    value === undefined ? `no ${metricName} datapoint yet` : `${metricName} ${Math.round(value)} %${target !== undefined ? ` (target ${target} %)` : ''}`;
  return (
    `Chart of service ${series.service}: desired count and running tasks against its ${metricName} over virtual time. ` +
    `Now: desired ${now(series.tasks, 'desired', frames) ?? 0}, ${now(series.tasks, 'running', frames) ?? 0} running, ${metricText}.`
  );
}
