import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scalingSeries, scalingSummary, type ScalingSeries } from '../../docs/components/scaling-series.js';
import { runFeature } from '../../scenarios/runner/run-feature.js';

const run = (feature: string) => runFeature(readFileSync(new URL(`../../scenarios/features/${feature}.feature`, import.meta.url), 'utf8'));
const [spike, night] = run('autoscaling').scenarios;
const seriesOf = (s: typeof spike) => scalingSeries(s.frames, s.scaling);
const values = <K extends string>(lines: Array<{ kind: K; values: number[] }>, kind: K) => lines.find((l) => l.kind === kind)!.values;

describe('the desired-count-against-CPU chart data', () => {
  const [web] = seriesOf(spike);
  const desired = values(web.tasks.lines, 'desired');
  const cpu = values(web.cpu.lines, 'cpu');

  it('has one series for the scaled service, with its policy target of 50 % beside the CPU', () => {
    expect(seriesOf(spike).map((s) => s.service)).toEqual(['web']);
    expect(new Set(values(web.cpu.lines, 'target'))).toEqual(new Set([50]));
  });

  it('goes from 2 tasks up to at least 8 during the spike and back to 2 by the end', () => {
    expect(desired.find((n) => n > 0)).toBe(2);
    expect(Math.max(...desired)).toBeGreaterThanOrEqual(8);
    expect(desired.at(-1)).toBe(2);
    expect(values(web.tasks.lines, 'running').at(-1)).toBe(2);
  });

  it('shows the CPU above its target before the desired count first rises', () => {
    const firstRise = web.tasks.times[desired.findIndex((n, i) => i > 0 && n > desired[i - 1] && desired[i - 1] >= 2)];
    const firstHot = web.cpu.times[cpu.findIndex((v) => v > 50)];
    expect(firstHot).toBeLessThan(firstRise);
  });

  it('reads one CPU datapoint a minute', () => {
    expect(web.cpu.times[1] - web.cpu.times[0]).toBe(60_000);
  });

  it('follows a scheduled action: one task for the night', () => {
    const [scheduled] = seriesOf(night);
    expect(values(scheduled.tasks.lines, 'desired').at(-1)).toBe(1);
  });

  it('is empty for scenarios that scale nothing, so the player shows no scaling chart', () => {
    const unscaled = [...run('rolling-update').scenarios, ...run('service-discovery-failover').scenarios];
    expect(unscaled.flatMap(seriesOf)).toEqual([]);
  });
});

describe('the scaling chart in words (its aria-label)', () => {
  const [web]: ScalingSeries[] = seriesOf(spike);

  it('says there is no CPU datapoint before the first minute of metrics', () => {
    expect(scalingSummary(web, 0)).toContain('no CPU datapoint yet');
  });

  it('gives the counts and the CPU against its target at the playhead', () => {
    const end = spike.steps.at(-1)!.endedAt;
    expect(scalingSummary(web, end)).toMatch(/Now: desired 2, 2 running, CPU \d+ % \(target 50 %\)\.$/);
    const duringSpike = spike.steps.find((s) => s.text === '20 minutes pass')!.endedAt;
    expect(Number(/desired (\d+)/.exec(scalingSummary(web, duringSpike))![1])).toBeGreaterThanOrEqual(8);
  });
});
