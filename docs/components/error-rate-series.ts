import type { TrafficRun } from '../../scenarios/runner/run-feature.js';
import type { CountSeries } from './running-tasks-series.js';

export type TrafficLineKind = 'requests' | 'failed';

/** One client's requests and failed requests per second over virtual time: what the error-rate chart draws. */
export interface ErrorRateSeries extends CountSeries<{ kind: TrafficLineKind; label: string; values: number[] }> {
  client: string;
  route: string;
}

/** One series per client the scenario started, one point per second it called (stamped at the second's end). */
export function errorRateSeries(traffic: TrafficRun[]): ErrorRateSeries[] {
  return traffic.map(({ name, route, seconds }) => ({
    client: name,
    route,
    times: seconds.map((s) => s.time),
    lines: [
      { kind: 'requests', label: 'requests per second', values: seconds.map((s) => s.requests) },
      { kind: 'failed', label: 'failed requests per second', values: seconds.map((s) => s.errors) },
    ],
  }));
}

/**
 * What the chart shows at `time`, in words (its aria-label): the rate in the last second, and how many
 * seconds so far had a failed request, the error window a learner compares between DNS TTLs and Service Connect.
 */
export function errorRateSummary(series: ErrorRateSeries, time: number): string {
  const shown = series.times.filter((t) => t <= time).length;
  const line = (kind: TrafficLineKind) => series.lines.find((l) => l.kind === kind)!.values.slice(0, shown);
  const [requests, failed] = [line('requests'), line('failed')];
  const head = `Chart of requests per second from clients through ${series.route}, and how many failed, over virtual time.`;
  if (shown === 0) return `${head} No request yet.`;
  const now = { requests: requests[shown - 1], failed: failed[shown - 1] };
  const percent = now.requests > 0 ? Math.round((100 * now.failed) / now.requests) : 0;
  const failingSeconds = failed.filter((n) => n > 0).length;
  return `${head} Last second: ${now.requests} requests, ${now.failed} failed (${percent} %). Requests failed during ${failingSeconds} s so far.`;
}
