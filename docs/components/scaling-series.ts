import type { Frame, ScalingRun } from '../../scenarios/runner/run-feature.js';
import { seriesUntil, type CountSeries } from './running-tasks-series.js';

export type ScalingTaskKind = 'desired' | 'running';
export type ScalingCpuKind = 'cpu' | 'target';

/**
 * A scaled service over virtual time: its desired and running counts (one point per frame) against its CPU
 * (one point per one-minute datapoint) and the CPU its target-tracking policy aims for.
 */
export interface ScalingSeries {
  service: string;
  tasks: CountSeries<{ kind: ScalingTaskKind; label: string; values: number[] }>;
  cpu: CountSeries<{ kind: ScalingCpuKind; label: string; values: number[] }>;
}

export function scalingSeries(frames: Frame[], scaling: ScalingRun[]): ScalingSeries[] {
  return scaling.map(({ service, targetCpu, cpu }) => ({
    service,
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
    cpu: {
      times: cpu.map((d) => d.time),
      lines: [
        { kind: 'cpu', label: 'CPUUtilization (%)', values: cpu.map((d) => d.value) },
        ...(targetCpu !== undefined ? [{ kind: 'target' as const, label: `target CPU (${targetCpu} %)`, values: cpu.map(() => targetCpu) }] : []),
      ],
    },
  }));
}

/** The chart at `time` in words (its aria-label): the counts and the CPU as they stand then. */
export function scalingSummary(series: ScalingSeries, time: number): string {
  const now = <K extends string>(counts: CountSeries<{ kind: K; values: number[] }>, kind: K) =>
    seriesUntil(counts, time).lines.find((l) => l.kind === kind)?.values.at(-1);
  const cpu = now(series.cpu, 'cpu');
  const target = now(series.cpu, 'target');
  const cpuText = cpu === undefined ? 'no CPU datapoint yet' : `CPU ${Math.round(cpu)} %${target !== undefined ? ` (target ${target} %)` : ''}`;
  return (
    `Chart of service ${series.service}: desired count and running tasks against its CPU over virtual time. ` +
    `Now: desired ${now(series.tasks, 'desired') ?? 0}, ${now(series.tasks, 'running') ?? 0} running, ${cpuText}.`
  );
}
