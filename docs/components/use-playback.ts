import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';
import type { ScenarioRun } from '../../scenarios/runner/run-feature.js';
import { START, advance, isAtEnd, seek, stepForward, type Playhead } from './playback.js';

/** Playback speeds in virtual milliseconds per real millisecond. */
export const SPEEDS = [
  { factor: 10, label: '1 min in 6 s' },
  { factor: 40, label: '1 min in 1.5 s' },
  { factor: 120, label: '1 min in 0.5 s' },
  { factor: 1000, label: 'fastest' },
] as const;

/**
 * Plays a recorded run against the real clock (requestAnimationFrame), and steps, scrubs or resets it on
 * demand. With `holdAfterStep` set, playing stops once that many steps are shown (a quiz asks its question
 * there) and `onHold` is called.
 */
export function usePlayback(run: Ref<ScenarioRun | undefined>, holdAfterStep: Ref<number | undefined>, onHold: () => void) {
  const head = ref<Playhead>(START);
  const playing = ref(false);
  const speed = ref<number>(SPEEDS[1].factor);
  const atEnd = computed(() => run.value !== undefined && isAtEnd(run.value, head.value));
  let request = 0;
  let lastTick: number | undefined;

  function tick(now: number) {
    if (!run.value) return pause();
    const before = head.value.shownSteps;
    head.value = advance(run.value, head.value, (now - (lastTick ?? now)) * speed.value);
    lastTick = now;
    const hold = holdAfterStep.value;
    if (hold !== undefined && before < hold && head.value.shownSteps >= hold) {
      pause();
      onHold();
    } else if (isAtEnd(run.value, head.value)) pause();
    else request = requestAnimationFrame(tick);
  }

  function play() {
    if (!run.value || playing.value) return;
    if (atEnd.value) head.value = START;
    playing.value = true;
    lastTick = undefined;
    request = requestAnimationFrame(tick);
  }

  function pause() {
    playing.value = false;
    cancelAnimationFrame(request);
  }

  function step() {
    pause();
    if (run.value) head.value = stepForward(run.value, head.value);
  }

  function seekTo(time: number) {
    pause();
    if (run.value) head.value = seek(run.value, time);
  }

  function reset() {
    pause();
    head.value = START;
  }

  // Synchronous, so that a caller may swap the run and call play() straight after.
  watch(run, reset, { flush: 'sync' });
  onBeforeUnmount(pause);

  return { head, playing, speed, atEnd, play, pause, step, seekTo, reset };
}
