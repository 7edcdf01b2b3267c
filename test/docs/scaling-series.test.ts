import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scalingSeries, scalingSummary, type ScalingSeries } from '../../docs/components/scaling-series.js';
import { runFeature } from '../../scenarios/runner/run-feature.js';

const run = (feature: string) => runFeature(readFileSync(new URL(`../../scenarios/features/${feature}.feature`, import.meta.url), 'utf8'));
const [spike, night, step, memory] = (await run('autoscaling')).scenarios;
const seriesOf = (s: typeof spike) => scalingSeries(s.frames, s.scaling);
const values = <K extends string>(lines: Array<{ kind: K; values: number[] }>, kind: K) => lines.find((l) => l.kind === kind)!.values;

describe('the desired-count-against-CPU chart data', () => {
  const [web] = seriesOf(spike);
  const desired = values(web.tasks.lines, 'desired');
  const cpu = values(web.metric.lines, 'metric');

  it('has one series for the scaled service, with its policy target of 50 % beside the CPU', () => {
    expect(seriesOf(spike).map((s) => s.service)).toEqual(['web']);
    expect(new Set(values(web.metric.lines, 'target'))).toEqual(new Set([50]));
  });

  it('names CPU on the axis and in the legend for a CPU target-tracking policy', () => {
    expect(web.metricName).toBe('CPU');
    expect(web.metric.lines.map((l) => l.label)).toEqual(['CPUUtilization (%)', 'target CPU (50 %)']);
  });

  it('goes from 2 tasks up to at least 8 during the spike and back to 2 by the end', () => {
    expect(desired.find((n) => n > 0)).toBe(2);
    expect(Math.max(...desired)).toBeGreaterThanOrEqual(8);
    expect(desired.at(-1)).toBe(2);
    expect(values(web.tasks.lines, 'running').at(-1)).toBe(2);
  });

  it('shows the CPU above its target before the desired count first rises', () => {
    const firstRise = web.tasks.times[desired.findIndex((n, i) => i > 0 && n > desired[i - 1] && desired[i - 1] >= 2)];
    const firstHot = web.metric.times[cpu.findIndex((v) => v > 50)];
    expect(firstHot).toBeLessThan(firstRise);
  });

  it('reads one CPU datapoint a minute', () => {
    expect(web.metric.times[1] - web.metric.times[0]).toBe(60_000);
  });

  it('follows a scheduled action: one task for the night', () => {
    const [scheduled] = seriesOf(night);
    expect(values(scheduled.tasks.lines, 'desired').at(-1)).toBe(1);
  });

  it('draws the CPU without a target line for a service scaled by a step policy only', () => {
    const [stepped] = seriesOf(step);
    expect(stepped.metricName).toBe('CPU');
    expect(stepped.metric.lines.map((l) => l.kind)).toEqual(['metric']);
  });

  it('is empty for scenarios that scale nothing, so the player shows no scaling chart', async () => {
    const unscaled = [...(await run('rolling-update')).scenarios, ...(await run('service-discovery-failover')).scenarios];
    expect(unscaled.flatMap(seriesOf)).toEqual([]);
  });
});

describe('the chart of a service scaled on its memory', () => {
  const [web] = seriesOf(memory);
  const used = values(web.metric.lines, 'metric');

  it('draws memory, not CPU, with the memory policy target of 50 %', () => {
    expect(web.metricName).toBe('memory');
    expect(web.metric.lines.map((l) => l.label)).toEqual(['MemoryUtilization (%)', 'target memory (50 %)']);
    expect(new Set(values(web.metric.lines, 'target'))).toEqual(new Set([50]));
  });

  it('follows the memory the scenario works out: 32 % at rest, 90.6 % on 2 tasks, 65.2 % on 4, 47.7 % on 6', () => {
    // At 540 requests a second 2 tasks run at 100 % CPU, so 90.6 can only be their memory.
    const levels = used.filter((v, i) => i === 0 || v !== used[i - 1]).slice(0, 4);
    expect(levels.map((v) => Math.round(v * 10) / 10)).toEqual([32, 90.6, 65.2, 47.7]);
  });

  it('says memory in words, with its target, and that no memory datapoint exists before the first minute', () => {
    expect(scalingSummary(web, 0)).toContain('against its memory over virtual time');
    expect(scalingSummary(web, 0)).toContain('no memory datapoint yet');
    expect(scalingSummary(web, memory.steps.at(-1)!.endedAt)).toMatch(/Now: desired 2, 2 running, memory \d+ % \(target 50 %\)\.$/);
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
