import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorRateSeries, errorRateSummary, type ErrorRateSeries } from '../../docs/components/error-rate-series.js';
import { seriesReached } from '../../docs/components/running-tasks-series.js';
import { runFeature, type ScenarioRun } from '../../scenarios/runner/run-feature.js';

const run = (feature: string) => runFeature(readFileSync(new URL(`../../scenarios/features/${feature}.feature`, import.meta.url), 'utf8'));
const failover = (await run('service-discovery-failover')).scenarios;
const scenario = (name: RegExp) => failover.find((s) => name.test(s.name))!;

/** When the scenario's "one task is killed" step ran. */
const killedAt = (s: ScenarioRun) => s.steps.find((step) => step.text.includes('is killed'))!.endedAt;
const line = (series: ErrorRateSeries, kind: string) => series.lines.find((l) => l.kind === kind)!.values;

/** Seconds after the kill in which at least one request failed: the error window the chart shows. */
function secondsWithFailures(s: ScenarioRun): number {
  const [clients] = errorRateSeries(s.traffic);
  return clients.times.filter((t, i) => t > killedAt(s) && line(clients, 'failed')[i] > 0).length;
}

describe('the error-rate chart data', () => {
  it('shows failed requests for about five minutes after a task dies behind a 300-second DNS TTL', () => {
    const seconds = secondsWithFailures(scenario(/300-second TTL/));
    expect(seconds).toBeGreaterThanOrEqual(290);
    expect(seconds).toBeLessThanOrEqual(300);
  });

  it('shows about a minute of failures behind a 60-second TTL, and under 5 seconds through Service Connect', () => {
    expect(secondsWithFailures(scenario(/^DNS with a 60-second TTL/))).toBeGreaterThanOrEqual(50);
    expect(secondsWithFailures(scenario(/^DNS with a 60-second TTL/))).toBeLessThanOrEqual(60);
    expect(secondsWithFailures(scenario(/^Service Connect/))).toBeLessThan(5);
  });

  it('has no failure before the kill, then a third of the requests fail while the DNS cache holds the dead task', () => {
    const s = scenario(/300-second TTL/);
    const [clients] = errorRateSeries(s.traffic);
    const kill = clients.times.findIndex((t) => t > killedAt(s));
    expect(line(clients, 'failed').slice(0, kill).every((n) => n === 0)).toBe(true);
    expect(line(clients, 'requests')[kill + 10]).toBe(300);
    expect(line(clients, 'failed')[kill + 10]).toBe(100);
  });

  it('names the route the clients take, one series per client', () => {
    expect(errorRateSeries(scenario(/300-second TTL/).traffic).map((s) => [s.client, s.route])).toEqual([['clients', 'DNS backend.demo.local']]);
    expect(errorRateSeries(scenario(/^Service Connect/).traffic).map((s) => s.route)).toEqual(['Service Connect backend']);
  });

  it('is empty for a scenario that runs no traffic, so the player shows no error-rate chart', async () => {
    expect((await run('rolling-update')).scenarios.flatMap((s) => errorRateSeries(s.traffic))).toEqual([]);
  });

  it('stops at the playhead like the other charts', () => {
    const s = scenario(/300-second TTL/);
    const [clients] = errorRateSeries(s.traffic);
    const shown = seriesReached(clients, killedAt(s) + 10_500);
    expect(shown.times.every((t) => t <= killedAt(s) + 10_500)).toBe(true);
    expect(shown.times.length).toBeLessThan(clients.times.length);
    expect(line(shown, 'failed').at(-1)).toBe(100);
  });
});

describe('the error-rate chart in words (its aria-label)', () => {
  const s = scenario(/300-second TTL/);
  const [clients] = errorRateSeries(s.traffic);

  it('says no request was made before the clients start', () => {
    expect(errorRateSummary(clients, 0)).toMatch(/No request yet\.$/);
  });

  it('gives the rate, the failed share and the error window so far', () => {
    expect(errorRateSummary(clients, killedAt(s) + 30_000)).toContain('Last second: 300 requests, 100 failed (33 %).');
    const window = Number(/failed during (\d+) s so far/.exec(errorRateSummary(clients, Infinity))![1]);
    expect(window).toBeGreaterThanOrEqual(290);
    expect(errorRateSummary(clients, Infinity)).toContain('through DNS backend.demo.local');
  });
});
