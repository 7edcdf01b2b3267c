import type { Frame } from '../../scenarios/runner/run-feature.js';
import type { CountSeries } from './running-tasks-series.js';

export type HealthLineKind = 'healthy' | 'lower' | 'inFlight' | 'upper';

/**
 * One service's deployment against its bounds over virtual time: healthy tasks must stay at or above the
 * lower bound (minimumHealthyPercent), running + pending tasks at or below the upper one (maximumPercent).
 */
export interface HealthBoundsSeries extends CountSeries<{ kind: HealthLineKind; label: string; values: number[] }> {
  service: string;
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
    const values: Record<HealthLineKind, number[]> = {
      healthy: counts.map((c) => c.reduce((sum, n) => sum + n.healthy, 0)),
      lower: frames.map((f) => f.bounds[service]?.lower ?? 0),
      inFlight: counts.map((c) => c.reduce((sum, n) => sum + n.running + n.pending, 0)),
      upper: frames.map((f) => f.bounds[service]?.upper ?? 0),
    };
    const kinds: HealthLineKind[] = ['healthy', 'lower', 'inFlight', 'upper'];
    return { service, times: frames.map((f) => f.time), lines: kinds.map((kind) => ({ kind, label: LABELS[kind], values: values[kind] })) };
  });
}
