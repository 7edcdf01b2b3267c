import type { SimEvent } from '../../core/index.js';
import type { Frame, ScenarioRun, StepRun } from '../../scenarios/runner/run-feature.js';
import { tileStatus } from './tile-status.js';

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

/**
 * A run on screen: `complete` once its last step has run (until then its steps, frames and events are those
 * recorded so far); a new `id` for each new recording (another scenario, values or seed), which starts
 * playback again from the start.
 */
export interface Recording {
  id: number;
  run: ScenarioRun;
  complete: boolean;
}

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
  // A run still being recorded may not have reached the step yet.
  const step = run.steps[index];
  return index === head.shownSteps && step !== undefined && head.time > step.startedAt ? 'running' : 'pending';
}

/** The cluster as it was at the playhead: the last of the frames it shows (see framesShown). */
export function frameAt(run: ScenarioRun, head: Playhead): Frame | undefined {
  return run.frames[framesShown(run, head) - 1];
}

/**
 * How many frames the playhead shows: those recorded at or before its time, among the frames of the steps
 * reached so far (a step starting at the instant the previous one ended must not show early). The cluster
 * view draws the last of them, and the charts drawn from frames stop there too.
 */
export function framesShown(run: ScenarioRun, head: Playhead): number {
  const next = run.steps[head.shownSteps];
  let low = 0;
  let high = !next ? run.frames.length : head.time > next.startedAt ? next.framesTo : next.framesFrom;
  const limit = high;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (run.frames[mid].time <= head.time) low = mid + 1;
    else high = mid;
  }
  return Math.min(low, limit);
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

/**
 * Moves the playhead to the next thing that happens: the next event of the log, or the end of the next step
 * if that comes first (then the step is shown, as Step shows it). An event at the instant a step starts is
 * shown just after that instant, as playing would show it.
 */
export function toNextEvent(run: ScenarioRun, head: Playhead): Playhead {
  const next = run.steps[head.shownSteps];
  const event = run.events.slice(eventsUntil(run, head).length, next ? next.eventsTo : run.events.length)[0];
  if (next && (!event || event.time >= next.endedAt)) return stepForward(run, head);
  if (!event) return { time: endTime(run), shownSteps: head.shownSteps };
  return { time: Math.max(event.time, head.time + 1), shownSteps: head.shownSteps };
}

/** The longest a quiet stretch (nothing in the log, no task changing, no step ending) lasts in real time while playing. */
export const QUIET_REAL_MS = 2000;

/**
 * The quiet stretch the instant `time` lies in, when at `speed` (virtual ms per real ms) it would take longer
 * than QUIET_REAL_MS: from the last thing that happened to the next. Playing crosses it faster (see playbackRate).
 */
export function quietStretch(run: ScenarioRun, time: number, speed: number): { from: number; until: number } | undefined {
  const times = happenings(run);
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (times[mid] <= time) low = mid + 1;
    else high = mid;
  }
  const from = low > 0 ? times[low - 1] : 0;
  const until = low < times.length ? times[low] : endTime(run);
  return until - from > speed * QUIET_REAL_MS && until > time ? { from, until } : undefined;
}

/** Virtual ms per real ms at `time`: the chosen speed, or faster inside a long quiet stretch so it passes in QUIET_REAL_MS. */
export function playbackRate(run: ScenarioRun, time: number, speed: number): number {
  const quiet = quietStretch(run, time, speed);
  return quiet ? (quiet.until - quiet.from) / QUIET_REAL_MS : speed;
}

const happeningsOf = new WeakMap<ScenarioRun, { steps: number; times: number[] }>();

/**
 * The instants at which a learner sees something happen, sorted: events, step starts and ends, and frames
 * where some task's tile changes. Kept per run (a run being recorded grows, so they are found again then).
 */
function happenings(run: ScenarioRun): number[] {
  const known = happeningsOf.get(run);
  if (known && known.steps === run.steps.length) return known.times;
  const times = new Set<number>([...run.events.map((e) => e.time), ...run.steps.flatMap((s) => [s.startedAt, s.endedAt])]);
  let before = '';
  for (const frame of run.frames) {
    const tiles = frame.view.clusters
      .flatMap((c) => [...c.instances.flatMap((i) => i.tasks), ...c.fargateTasks])
      .map((t) => `${t.taskArn} ${tileStatus(t)}`)
      .sort()
      .join(',');
    if (tiles !== before) times.add(frame.time);
    before = tiles;
  }
  const sorted = [...times].sort((a, b) => a - b);
  happeningsOf.set(run, { steps: run.steps.length, times: sorted });
  return sorted;
}
