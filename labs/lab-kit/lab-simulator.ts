import { createSimulator, type EcsSimulator, type SimulatorOptions, type SimulatorSnapshot } from '../../core/index.js';

/**
 * The simulator a lab's checks build their situation in, made here rather than with createSimulator so that
 * the page can show the learner the very run their files made ("Watch your run"): while checks run under
 * `watchLabRun`, the simulator they make is kept, and its snapshot (the calls that made it, which replay
 * exactly) comes back with their result.
 */
let watching: EcsSimulator[] | undefined;

export function createLabSimulator(options: SimulatorOptions): EcsSimulator {
  const sim = createSimulator(options);
  watching?.push(sim);
  return sim;
}

/** Runs `action` (a lab's checks) and returns what it returned, with the run of the last simulator it made. */
export function watchLabRun<T>(action: () => T): { value: T; run?: SimulatorSnapshot } {
  const made: EcsSimulator[] = [];
  watching = made;
  try {
    const value = action();
    const last = made.at(-1);
    return last ? { value, run: last.control.snapshot() } : { value };
  } finally {
    watching = undefined;
  }
}
