import type { SimEvent } from '../../core/index.js';
import type { Frame, ScenarioRun, StepRun } from '../../scenarios/runner/run-feature.js';

/**
 * Where playback of a recorded scenario run stands: a virtual instant and how many Gherkin steps are shown.
 * Time alone is not enough: several steps often end at the same instant (the Givens all run at 0 ms), and
 * a learner should still see them pass one by one.
 */
export interface Playhead {
  time: number;
  shownSteps: number;
}

export const START: Playhead = { time: 0, shownSteps: 0 };

/** The last instant anything happens in the run. */
export function endTime(run: ScenarioRun): number {
  return Math.max(
    0,
    ...run.steps.map((s) => s.endedAt),
    run.frames.at(-1)?.time ?? 0,
    run.events.at(-1)?.time ?? 0,
  );
}

export function isAtEnd(run: ScenarioRun, head: Playhead): boolean {
  return head.shownSteps >= run.steps.length && head.time >= endTime(run);
}

/**
 * Moves the playhead up to `virtualMs` forward. Time stops at the end of the next step, which is then shown
 * on the following call, so steps appear one at a time and never behind the clock.
 */
export function advance(run: ScenarioRun, head: Playhead, virtualMs: number): Playhead {
  const next = run.steps[head.shownSteps];
  if (next && next.endedAt <= head.time) return { time: head.time, shownSteps: head.shownSteps + 1 };
  const stop = next ? next.endedAt : endTime(run);
  // Whole milliseconds: the clock shows them, and frames and events are stamped in them.
  return { time: Math.min(stop, head.time + Math.round(virtualMs)), shownSteps: head.shownSteps };
}

/** Jumps to the end of the next step (or of the run, once every step is shown). */
export function stepForward(run: ScenarioRun, head: Playhead): Playhead {
  const next = run.steps[head.shownSteps];
  if (!next) return { time: endTime(run), shownSteps: head.shownSteps };
  return { time: Math.max(head.time, next.endedAt), shownSteps: head.shownSteps + 1 };
}

/** A step's result once playback has passed it; `running` while the clock is inside it; `pending` before. */
export type StepDisplayStatus = StepRun['status'] | 'running' | 'pending';

export function stepStatus(run: ScenarioRun, head: Playhead, index: number): StepDisplayStatus {
  if (index < head.shownSteps) return run.steps[index].status;
  return index === head.shownSteps && head.time > run.steps[index].startedAt ? 'running' : 'pending';
}

/**
 * The cluster as it was at the playhead: the last frame recorded at or before its time, among the frames
 * of the steps reached so far (a step starting at the instant the previous one ended must not show early).
 */
export function frameAt(run: ScenarioRun, head: Playhead): Frame | undefined {
  const next = run.steps[head.shownSteps];
  let low = 0;
  let high = !next ? run.frames.length : head.time > next.startedAt ? next.framesTo : next.framesFrom;
  const limit = high;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (run.frames[mid].time <= head.time) low = mid + 1;
    else high = mid;
  }
  return run.frames[Math.min(low, limit) - 1];
}

/**
 * The events up to the playhead, leaving out those of steps not reached yet: a step often starts at the
 * instant the one before it ends, and its events must not appear before it does.
 */
export function eventsUntil(run: ScenarioRun, head: Playhead): SimEvent[] {
  const next = run.steps[head.shownSteps];
  const limit = !next ? run.events.length : head.time > next.startedAt ? next.eventsTo : next.eventsFrom;
  return run.events.slice(0, limit).filter((e) => e.time <= head.time);
}

/**
 * The playhead at `time`, as the scrubber sets it: every step that has ended by then is shown. Time zero is
 * the start (no step shown yet), so dragging back to the left is the same as Reset.
 */
export function seek(run: ScenarioRun, time: number): Playhead {
  const at = Math.min(Math.max(0, Math.round(time)), endTime(run));
  if (at === 0) return START;
  return { time: at, shownSteps: run.steps.filter((s) => s.endedAt <= at).length };
}
