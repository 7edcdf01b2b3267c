import type { Frame } from '../../scenarios/runner/run-feature.js';
import type { CountSeries } from './running-tasks-series.js';

export type HealthLineKind = 'healthy' | 'lower' | 'inFlight' | 'upper';

/**
 * One service's deployment against its bounds over virtual time: healthy tasks must stay at or above the
 * lower bound (minimumHealthyPercent), running + pending tasks at or below the upper one (maximumPercent).
 * The bounds are null (not drawn) until the service's first update: they limit what a deployment that
 * replaces tasks may do, and mean nothing while the service first starts its tasks.
 */
export interface HealthBoundsSeries extends CountSeries<{ kind: HealthLineKind; label: string; values: Array<number | null> }> {
  service: string;
  /** Virtual ms of the first frame with an update under way; undefined when the service is never updated. */
  updateFrom?: number;
}

const LABELS: Record<HealthLineKind, string> = {
  healthy: 'healthy tasks',
  lower: 'lower bound (minimumHealthyPercent)',
  inFlight: 'running + pending tasks',
  upper: 'upper bound (maximumPercent)',
};

/** One series per service that has bounds in some frame; before the service exists every count is 0. */
export function healthBoundsSeries(frames: Frame[]): HealthBoundsSeries[] {
  const services = [...new Set(frames.flatMap((f) => Object.keys(f.bounds)))].sort();
  return services.map((service) => {
    const counts = frames.map((f) => Object.values(f.tasksByRevision[service] ?? {}));
    const updateIndex = frames.findIndex((f) => (f.bounds[service]?.deployments ?? 0) > 1);
    const bound = (i: number, value: number | undefined) => (updateIndex >= 0 && i >= updateIndex ? (value ?? 0) : null);
    const values: Record<HealthLineKind, Array<number | null>> = {
      healthy: counts.map((c) => c.reduce((sum, n) => sum + n.healthy, 0)),
      lower: frames.map((f, i) => bound(i, f.bounds[service]?.lower)),
      inFlight: counts.map((c) => c.reduce((sum, n) => sum + n.running + n.pending, 0)),
      upper: frames.map((f, i) => bound(i, f.bounds[service]?.upper)),
    };
    const kinds: HealthLineKind[] = ['healthy', 'lower', 'inFlight', 'upper'];
    return {
      service,
      times: frames.map((f) => f.time),
      lines: kinds.map((kind) => ({ kind, label: LABELS[kind], values: values[kind] })),
      ...(updateIndex >= 0 ? { updateFrom: frames[updateIndex].time } : {}),
    };
  });
}

/** The first instant, from the update on and up to `time`, at which healthy tasks sat below the lower bound. */
export function healthyBelowLowerAt(series: HealthBoundsSeries, time: number): number | undefined {
  const line = (kind: HealthLineKind) => series.lines.find((l) => l.kind === kind)!.values;
  const [healthy, lower] = [line('healthy'), line('lower')];
  const index = series.times.findIndex((t, i) => t <= time && lower[i] !== null && healthy[i]! < lower[i]!);
  return index >= 0 ? series.times[index] : undefined;
}
