import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';
import type { ScenarioRun } from '../../scenarios/runner/run-feature.js';
import { START, advance, isAtEnd, playbackRate, seek, stepForward, toNextEvent, type Playhead, type Recording } from './playback.js';

type Move = (run: ScenarioRun, head: Playhead) => Playhead;

/** Playback speeds in virtual milliseconds per real millisecond (quiet stretches pass faster: see playbackRate). */
export const SPEEDS = [
  { factor: 10, label: '1 min in 6 s' },
  { factor: 40, label: '1 min in 1.5 s' },
  { factor: 120, label: '1 min in 0.5 s' },
  { factor: 1000, label: 'fastest' },
] as const;

/**
 * Plays a recorded run against the real clock (requestAnimationFrame), and steps, scrubs, jumps to the next
 * event or resets it on demand. A run still being recorded plays as far as it goes, then waits for its next
 * step. With `holdAfterStep` set, playing stops once that many steps are shown (a quiz asks its question
 * there) and `onHold` is called.
 */
export function usePlayback(recording: Ref<Recording | undefined>, holdAfterStep: Ref<number | undefined>, onHold: () => void) {
  const head = ref<Playhead>(START);
  const playing = ref(false);
  const speed = ref<number>(SPEEDS[1].factor);
  const atEnd = computed(() => recording.value?.complete === true && isAtEnd(recording.value.run, head.value));
  /** Playing, and caught up with the recording: the next step is still being worked out. */
  const waiting = computed(() => playing.value && recording.value?.complete === false && isAtEnd(recording.value.run, head.value));
  let request = 0;
  let lastTick: number | undefined;
  /** Steps and Next events asked for before the recording reached the next step: made, in order, once it has. */
  let queued: Move[] = [];

  function tick(now: number) {
    const run = recording.value?.run;
    if (!run) return pause();
    const before = head.value.shownSteps;
    const realMs = now - (lastTick ?? now);
    head.value = advance(run, head.value, realMs * playbackRate(run, head.value.time, speed.value));
    lastTick = now;
    const hold = holdAfterStep.value;
    if (hold !== undefined && before < hold && head.value.shownSteps >= hold) {
      pause();
      onHold();
    } else if (atEnd.value) pause();
    else request = requestAnimationFrame(tick);
  }

  function play() {
    if (!recording.value || playing.value) return;
    if (atEnd.value) head.value = START;
    playing.value = true;
    lastTick = undefined;
    request = requestAnimationFrame(tick);
  }

  function pause() {
    queued = [];
    playing.value = false;
    cancelAnimationFrame(request);
  }

  /** Pauses, then moves the playhead as `move` says on the run as recorded so far, or as soon as it can. */
  const moveTo = (move: Move) => () => {
    const waitingFor = queued;
    pause();
    queued = [...waitingFor, move];
    makeQueuedMoves();
  };
  const caughtUp = (now: Recording) => !now.complete && head.value.shownSteps >= now.run.steps.length;
  function makeQueuedMoves() {
    const now = recording.value;
    while (now && queued.length > 0 && !caughtUp(now)) head.value = queued.shift()!(now.run, head.value);
  }
  watch(recording, makeQueuedMoves);

  const step = moveTo(stepForward);
  const nextEvent = moveTo(toNextEvent);
  function seekTo(time: number) {
    pause();
    if (recording.value) head.value = seek(recording.value.run, time);
  }

  function reset() {
    pause();
    head.value = START;
  }

  // Synchronous, so that a caller may start a new recording and call play() straight after; a recording that
  // grows keeps its id, and its playhead.
  watch(() => recording.value?.id, reset, { flush: 'sync' });
  onBeforeUnmount(pause);

  return { head, playing, waiting, speed, atEnd, play, pause, step, nextEvent, seekTo, reset };
}
