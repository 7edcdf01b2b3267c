import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeature } from '../../scenarios/runner/parse-feature.js';
import { playFeature, type ScenarioRun } from '../../scenarios/runner/run-feature.js';

const source = (feature: string) => readFileSync(`scenarios/features/${feature}.feature`, 'utf8');

describe('recording a scenario step by step, for the player', () => {
  it('hands over the recording after each step, each one what the finished run starts with', async () => {
    const parsed = parseFeature(source('rolling-update'));
    const soFar: ScenarioRun[] = [];
    const feature = await playFeature({ ...parsed, pickles: [parsed.pickles[0]] }, { onStep: (run) => void soFar.push(run) });
    const [run] = feature.scenarios;
    expect(soFar.map((r) => r.steps.length)).toEqual(run.steps.map((_, i) => i + 1));
    for (const partial of soFar) {
      expect(partial.name).toBe(run.name);
      expect(partial.steps).toEqual(run.steps.slice(0, partial.steps.length));
      expect(partial.frames).toEqual(run.frames.slice(0, partial.frames.length));
      expect(partial.events).toEqual(run.events.slice(0, partial.events.length));
    }
    expect(soFar.at(-1)).toEqual(run);
  });

  it('stops when the player no longer wants the recording (its callback throws)', async () => {
    const parsed = parseFeature(source('rolling-update'));
    let steps = 0;
    const stop = new Error('replaced');
    const playing = playFeature({ ...parsed, pickles: [parsed.pickles[0]] }, {
      onStep: () => {
        if (++steps === 3) throw stop;
      },
    });
    await expect(playing).rejects.toBe(stop);
    expect(steps).toBe(3);
  });
});

describe("a Scenario Outline's examples", () => {
  it("give each example its row's values, telling settings from expected results (columns only Then steps use)", () => {
    const parsed = parseFeature(source('load-balancer'));
    const examples = parsed.pickles.map((p) => parsed.examples.get(p.id)).filter((e) => e !== undefined);
    expect(examples).toEqual([
      [
        { name: 'slow start', value: '0', expected: false },
        { name: 'at least', value: '30', expected: true },
        { name: 'at most', value: '45', expected: true },
      ],
      [
        { name: 'slow start', value: '120', expected: false },
        { name: 'at least', value: '60', expected: true },
        { name: 'at most', value: '90', expected: true },
      ],
    ]);
    const rolling = parseFeature(source('rolling-update'));
    expect(rolling.examples.get(rolling.pickles.at(-1)!.id)!.map((c) => c.expected)).toEqual([false, false]);
  });

  it('take new values into the example asked for, and only that one', () => {
    const written = parseFeature(source('load-balancer'));
    const second = written.pickles.findIndex((p) => written.examples.get(p.id)?.[0].value === '120');
    const edited = parseFeature(source('load-balancer'), { 'slow start': '60' }, second);
    const slowStart = (parsed: typeof written, index: number) => parsed.pickles[index].steps.find((s) => s.text.startsWith('slow start'))!.text;
    expect(slowStart(edited, second)).toBe('slow start on "web-tg" lasts 60 seconds');
    expect(slowStart(edited, second - 1)).toBe('slow start on "web-tg" lasts 0 seconds');
    expect(edited.examples.get(edited.pickles[second].id)![0]).toEqual({ name: 'slow start', value: '60', expected: false });
  });
});
