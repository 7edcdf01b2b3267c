import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { describeEvent } from '../../core/index.js';
import { engineErrors, malformedValues } from '../../docs/components/parameter-errors.js';
import { healthBoundsSeries, healthyBelowLowerAt, type HealthBoundsSeries } from '../../docs/components/health-bounds-series.js';
import { START, advance, endTime, eventsUntil, frameAt, isAtEnd, seek, stepForward, stepStatus, type Playhead } from '../../docs/components/playback.js';
import { levelTo } from '../../docs/components/playhead-clip.js';
import { runningTasksSeries, seriesReached } from '../../docs/components/running-tasks-series.js';
import { useSeriesReached } from '../../docs/components/use-series-reached.js';
import { runFeature, type ScenarioRun } from '../../scenarios/runner/run-feature.js';

const source = readFileSync(new URL('../../scenarios/features/rolling-update.feature', import.meta.url), 'utf8');
const defaults = (await runFeature(source)).scenarios[0];

function playToEnd(run: ScenarioRun, budget: number): Playhead[] {
  const heads = [START];
  while (!isAtEnd(run, heads.at(-1)!)) heads.push(advance(run, heads.at(-1)!, budget));
  return heads;
}

describe('playing back a recorded scenario', () => {
  it('shows the steps that end at the same instant one at a time', () => {
    const first = advance(defaults, START, 0);
    const second = advance(defaults, first, 0);
    expect([first.shownSteps, second.shownSteps]).toEqual([1, 2]);
    expect(second.time).toBe(0);
  });

  it('never lets the clock run past a step that is not shown yet, even at the fastest speed', () => {
    for (const head of playToEnd(defaults, 1_000_000)) {
      const next = defaults.steps[head.shownSteps];
      if (next) expect(head.time).toBeLessThanOrEqual(next.endedAt);
    }
  });

  it('ends with every step passed, only revision 2 in the cluster and "deployment completed" in the log', () => {
    const end = playToEnd(defaults, 16 * 40).at(-1)!;
    expect(end.time).toBe(endTime(defaults));
    expect(defaults.steps.map((_, i) => stepStatus(defaults, end, i))).toEqual(defaults.steps.map(() => 'passed'));
    const tiles = frameAt(defaults, end)!.view.clusters[0].instances.flatMap((i) => i.tasks);
    expect(tiles.map((t) => t.revision)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(eventsUntil(defaults, end).map(describeEvent).some((m) => m.includes('deployment completed'))).toBe(true);
  });

  it('marks the step whose time is passing as running and the later ones as pending', () => {
    let head = START;
    for (let i = 0; i < 5; i++) head = stepForward(defaults, head);
    head = advance(defaults, head, 10_000);
    expect(stepStatus(defaults, head, 5)).toBe('running');
    expect(stepStatus(defaults, head, 6)).toBe('pending');
  });

  it("does not show a step's events before the step itself", () => {
    let head = START;
    for (let i = 0; i < 4; i++) head = stepForward(defaults, head);
    const messages = eventsUntil(defaults, head).map(describeEvent);
    expect(messages).toContain('(service web) has reached a steady state.');
    expect(messages.filter((m) => m.includes('has started'))).toHaveLength(1);
  });

  it('jumps to the end of the next step on Step', () => {
    let head = START;
    for (let i = 0; i < 6; i++) head = stepForward(defaults, head);
    expect(head).toEqual({ time: defaults.steps[5].endedAt, shownSteps: 6 });
  });
});

describe('the running-tasks chart data', () => {
  const series = runningTasksSeries(defaults.frames);

  it('has one line per revision, old below new, and never more running than the cluster holds (8)', () => {
    expect(series.lines.map((l) => l.label)).toEqual(['web:1', 'web:2']);
    const totals = series.times.map((_, i) => series.lines[0].values[i] + series.lines[1].values[i]);
    expect(Math.max(...totals)).toBe(8);
    expect(series.lines[0].values.at(-1)).toBe(0);
    expect(series.lines[1].values.at(-1)).toBe(6);
  });

  it('grows with the playhead: the points reached by then, the next one beyond it', () => {
    const shown = seriesReached(series, 60_000);
    expect(shown.times.length).toBeGreaterThan(1);
    expect(shown.times.every((t) => t <= 60_000)).toBe(true);
    expect(series.times[shown.times.length]).toBeGreaterThan(60_000);
    expect(shown.lines[1].values.at(-1)).toBe(2);
  });

  it('changes as playback moves on only when the playhead reaches another point, so a chart is laid out again only then', () => {
    const time = ref(0);
    const shown = useSeriesReached(() => series, () => time.value);
    const atStart = shown.value;
    const [next] = series.times.filter((t) => t > 0);
    time.value = next - 1;
    expect(shown.value).toBe(atStart);
    time.value = next;
    expect(shown.value).not.toBe(atStart);
    expect(shown.value.times.at(-1)).toBe(next);
  });

  it('draws each line on, level, from its last point to the end of the axis, for the playhead to reveal', () => {
    const lines = [
      { label: 'web:1', data: [{ x: 0, y: 6 }, { x: 40_000, y: 4 }] },
      { label: 'web:2', data: [] },
    ];
    expect(levelTo(lines, 300_000)).toEqual([
      { label: 'web:1', data: [{ x: 0, y: 6 }, { x: 40_000, y: 4 }, { x: 300_000, y: 4 }] },
      { label: 'web:2', data: [] },
    ]);
  });
});

describe('what the player says beside a parameter input', () => {
  const parameters = [
    { name: 'minimumHealthyPercent', value: '100' },
    { name: 'maximumPercent', value: '200' },
  ];

  it('asks for a whole number when the value is not one', () => {
    expect(malformedValues(parameters, { minimumHealthyPercent: 'abc', maximumPercent: '150' })).toEqual({
      minimumHealthyPercent: 'minimumHealthyPercent must be a whole number, like 100 (got "abc").',
    });
  });

  it("passes on the engine's ECS error for an out-of-range value, and nothing for a valid one that fails", async () => {
    const outline = async (values: Record<string, string>) => (await runFeature(source, { exampleValues: values })).scenarios.at(-1)!;
    expect(engineErrors(await outline({ minimumHealthyPercent: '100', maximumPercent: '50' }), parameters)).toEqual({
      maximumPercent: 'InvalidParameterException: deploymentConfiguration.maximumPercent must be at least 100 (got 50).',
    });
    expect(engineErrors(await outline({ minimumHealthyPercent: '100', maximumPercent: '100' }), parameters)).toEqual({});
  });
});

describe('stepping shows each step its own picture of the cluster', () => {
  it('does not show the service tasks of the next step while the Given steps at the same instant are shown', () => {
    const run = defaults;
    const afterTaskDefinition = stepForward(run, stepForward(run, START));
    expect(afterTaskDefinition.shownSteps).toBe(2);
    const tiles = frameAt(run, afterTaskDefinition)!.view.clusters[0].instances.flatMap((i) => i.tasks);
    expect(tiles).toEqual([]);
    const afterService = stepForward(run, afterTaskDefinition);
    const serviceTiles = frameAt(run, afterService)!.view.clusters[0].instances.flatMap((i) => i.tasks);
    expect(serviceTiles.map((t) => t.revision)).toEqual([1, 1, 1, 1, 1, 1]);
  });
});

describe('scrubbing the timeline', () => {
  it('shows at any instant the same as playing up to it: the steps ended by then, their events and cluster', () => {
    const played = playToEnd(defaults, 16 * 40);
    for (const head of played.filter((h, i) => i % 7 === 0 && h.time > 0)) {
      const sought = seek(defaults, head.time);
      expect(eventsUntil(defaults, sought)).toEqual(eventsUntil(defaults, stepForwardUntilShown(head)));
      expect(frameAt(defaults, sought)).toBe(frameAt(defaults, stepForwardUntilShown(head)));
    }
  });

  it('goes back to the start at zero and stops at the end', () => {
    expect(seek(defaults, 0)).toEqual(START);
    const end = seek(defaults, endTime(defaults) + 5_000);
    expect(isAtEnd(defaults, end)).toBe(true);
    expect(end.time).toBe(endTime(defaults));
  });
});

/** Playback shows a step one tick after the clock reaches its end; scrubbing shows it at once. */
function stepForwardUntilShown(head: Playhead): Playhead {
  let h = head;
  while (defaults.steps[h.shownSteps] && defaults.steps[h.shownSteps].endedAt <= h.time) h = advance(defaults, h, 0);
  return h;
}

describe('the deployment-bounds chart data', () => {
  const [web] = healthBoundsSeries(defaults.frames);
  const line = (kind: string) => web.lines.find((l) => l.kind === kind)!.values;
  const deploy = defaults.steps.find((s) => s.text === 'I deploy revision 2 of "web"')!;

  it('draws the bounds from the update on, when revision 2 is deployed, and not while the service first starts', () => {
    expect(web.updateFrom).toBe(deploy.endedAt);
    const drawn = (i: number) => [line('lower')[i], line('upper')[i]].map((v) => v !== null);
    for (let i = 0; i < deploy.framesFrom; i++) expect(drawn(i), `bounds in frame ${i}, before the deployment`).toEqual([false, false]);
    for (let i = deploy.framesTo - 1; i < web.times.length; i++) expect(drawn(i), `bounds in frame ${i}`).toEqual([true, true]);
  });

  it('keeps healthy tasks at or above the lower bound and running + pending at or below the upper one, from the update on', () => {
    expect(web.service).toBe('web');
    for (let i = deploy.framesTo - 1; i < web.times.length; i++) {
      expect(line('healthy')[i]).toBeGreaterThanOrEqual(line('lower')[i]!);
      expect(line('inFlight')[i]).toBeLessThanOrEqual(line('upper')[i]!);
    }
    expect(healthyBelowLowerAt(web, endTime(defaults))).toBeUndefined();
  });

  it('ends with 6 healthy against bounds of 6 and 12 (100 % / 200 % of 6)', () => {
    expect([line('healthy').at(-1), line('lower').at(-1), line('inFlight').at(-1), line('upper').at(-1)]).toEqual([6, 6, 6, 12]);
  });

  it('finds the first instant healthy tasks sat below the lower bound, up to the playhead', () => {
    const series: HealthBoundsSeries = {
      service: 'web',
      updateFrom: 10,
      times: [0, 10, 20, 30],
      lines: [
        { kind: 'healthy', label: '', values: [0, 4, 3, 4] },
        { kind: 'lower', label: '', values: [null, 4, 4, 4] },
        { kind: 'inFlight', label: '', values: [0, 4, 4, 4] },
        { kind: 'upper', label: '', values: [null, 8, 8, 8] },
      ],
    };
    expect([healthyBelowLowerAt(series, 10), healthyBelowLowerAt(series, 30)]).toEqual([undefined, 20]);
  });
});
