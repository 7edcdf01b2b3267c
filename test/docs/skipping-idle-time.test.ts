import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { START, advance, endTime, eventsUntil, isAtEnd, playbackRate, QUIET_REAL_MS, quietStretch, toNextEvent, type Playhead } from '../../docs/components/playback.js';
import { runFeature, type ScenarioRun } from '../../scenarios/runner/run-feature.js';

const scenario = async (feature: string, name: RegExp): Promise<ScenarioRun> =>
  (await runFeature(readFileSync(`scenarios/features/${feature}.feature`, 'utf8'))).scenarios.find((s) => name.test(s.name))!;

const rolling = await scenario('rolling-update', /^The defaults/);
const night = await scenario('autoscaling', /scheduled action/);
/** The default speed: one virtual minute in 1.5 s. */
const DEFAULT_SPEED = 40;
const FRAME_MS = 16;

/** Real milliseconds playing a run takes at `speed`, ticking every FRAME_MS as the browser's animation frames do. */
function realMsToPlay(run: ScenarioRun, speed: number): number {
  let head: Playhead = START;
  let ms = 0;
  while (!isAtEnd(run, head)) {
    head = advance(run, head, FRAME_MS * playbackRate(run, head.time, speed));
    ms += FRAME_MS;
  }
  return ms;
}

describe('Next event', () => {
  it('moves the clock to each event in turn, showing it, and never past the end of the step not shown yet', () => {
    let head = START;
    const seen: number[] = [];
    while (!isAtEnd(rolling, head)) {
      const before = eventsUntil(rolling, head).length;
      const next = toNextEvent(rolling, head);
      const step = rolling.steps[head.shownSteps];
      if (step) expect(next.time).toBeLessThanOrEqual(step.endedAt);
      // Each jump shows something new: an event, or the next step.
      expect(eventsUntil(rolling, next).length > before || next.shownSteps > head.shownSteps).toBe(true);
      if (eventsUntil(rolling, next).length > before) seen.push(next.time);
      head = next;
    }
    expect(seen.length).toBeGreaterThan(10);
    expect(eventsUntil(rolling, head)).toHaveLength(rolling.events.length);
  });
});

describe('quiet stretches', () => {
  it('plays the 14-hour scheduled-scaling scenario in well under a minute at the default speed, not in 21 minutes', () => {
    const atDefaultSpeed = endTime(night) / DEFAULT_SPEED;
    expect(atDefaultSpeed).toBeGreaterThan(20 * 60_000);
    expect(realMsToPlay(night, DEFAULT_SPEED)).toBeLessThan(30_000);
  });

  it('crosses the night, where nothing happens for 13 hours, in about QUIET_REAL_MS, and names where it ends', () => {
    const quiet = quietStretch(night, 3_600_000, DEFAULT_SPEED)!;
    expect(quiet.until - quiet.from).toBeGreaterThan(12 * 3_600_000);
    expect(night.events.some((e) => e.time > quiet.from && e.time < quiet.until)).toBe(false);
    expect(night.events.some((e) => e.time === quiet.until)).toBe(true);
    expect(playbackRate(night, 3_600_000, DEFAULT_SPEED) * QUIET_REAL_MS).toBe(quiet.until - quiet.from);
  });

  it('leaves a rolling update, where something happens every few seconds, at the speed chosen', () => {
    expect(realMsToPlay(rolling, DEFAULT_SPEED)).toBeGreaterThanOrEqual(Math.floor(endTime(rolling) / DEFAULT_SPEED / FRAME_MS) * FRAME_MS);
    expect(quietStretch(rolling, 60_000, DEFAULT_SPEED)).toBeUndefined();
  });
});
