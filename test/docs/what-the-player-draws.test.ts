import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { START, framesShown, stepForward } from '../../docs/components/playback.js';
import { runningTasksSeries, seriesReached } from '../../docs/components/running-tasks-series.js';
import { timeAxis } from '../../docs/components/time-axis.js';
import { tileStatus } from '../../docs/components/tile-status.js';
import { runFeature, type ScenarioRun } from '../../scenarios/runner/run-feature.js';

const scenario = async (feature: string, name: RegExp): Promise<ScenarioRun> =>
  (await runFeature(readFileSync(`scenarios/features/${feature}.feature`, 'utf8'))).scenarios.find((s) => name.test(s.name))!;

/** The tick labels a chart.js linear axis draws with these settings: 0, step, 2 × step, ... up to max. */
const tickLabels = (end: number) => {
  const axis = timeAxis(end);
  return Array.from({ length: axis.max / axis.stepSize + 1 }, (_, i) => axis.label(i * axis.stepSize));
};

describe('the time axis of the charts', () => {
  it('gives a run of zero length a minute with distinct, readable ticks', () => {
    const labels = tickLabels(0);
    expect(labels[0]).toBe('0:00');
    expect(labels.at(-1)).toBe('1:00');
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.length).toBeLessThanOrEqual(9);
  });

  it('labels a 3-minute run in minutes and seconds, and a 14-hour run in hours and minutes, on round steps', () => {
    expect(tickLabels(198_000)).toEqual(['0:00', '0:30', '1:00', '1:30', '2:00', '2:30', '3:00', '3:30']);
    expect(timeAxis(198_000).title).toBe('virtual time (min:s)');
    expect(tickLabels(50_438_000)).toEqual(['0:00', '2:00', '4:00', '6:00', '8:00', '10:00', '12:00', '14:00', '16:00']);
    expect(timeAxis(50_438_000).title).toBe('virtual time (h:min)');
  });
});

describe('the running-tasks chart', () => {
  it('draws a standalone task (RunTask, no service) as a line of its own while it runs', async () => {
    const run = await scenario('task-vs-service', /standalone task that stops/);
    const { lines } = runningTasksSeries(run.frames);
    expect(lines.map((l) => l.label)).toEqual(['report:1 (standalone)']);
    expect(Math.max(...lines[0].values)).toBe(1);
    expect(lines[0].values.at(-1)).toBe(0);
  });

  it('stops at the frames the cluster view shows: not the next step\'s, at the same instant', async () => {
    const run = await scenario('task-vs-service', /standalone task that stops/);
    // Up to "And 1 minute passes": the task runs; the next step, at the same instant, ends it.
    let head = START;
    while (head.shownSteps < 5) head = stepForward(run, head);
    const series = runningTasksSeries(run.frames);
    expect(seriesReached(series, head.time, framesShown(run, head)).lines[0].values.at(-1)).toBe(1);
    // By time alone it would show the task already stopped.
    expect(seriesReached(series, head.time).lines[0].values.at(-1)).toBe(0);
  });
});

describe('a task tile', () => {
  it('looks failed, not merely stopping, when its task failed to start (an image that cannot be pulled)', async () => {
    const run = await scenario('circuit-breaker', /cannot be pulled/);
    const tiles = run.frames.flatMap((f) => f.view.clusters.flatMap((c) => c.instances.flatMap((i) => i.tasks)));
    const failed = tiles.filter((t) => t.stopCode === 'TaskFailedToStart');
    expect(failed.length).toBeGreaterThan(0);
    expect(new Set(failed.map(tileStatus))).toEqual(new Set(['failed']));
    expect(new Set(tiles.filter((t) => t.revision === 1 && t.desiredStatus === 'RUNNING').map(tileStatus))).toEqual(new Set(['healthy', 'pending', 'running']));
  });
});
