import { EventQueue, type Lapsing } from './event-queue.js';

/** Priorities for actions due at the same instant: state changes settle before controllers look at them. */
export const Priority = {
  lifecycle: 10,
  timer: 20,
  schedulerPass: 50,
} as const;

/**
 * Virtual time in integer milliseconds since the simulation started (SimPy's Environment, in small).
 * Nothing here reads the wall clock.
 */
export class Clock {
  private queue = new EventQueue();
  private current = 0;
  private afterStepListeners: Array<(time: number) => void> = [];

  get now(): number {
    return this.current;
  }

  get pending(): number {
    return this.queue.size;
  }

  /** `owner`: the action lapses (runs nothing) if the owner's generation moves before it is due. */
  schedule(delayMs: number, priority: number, run: () => void, owner?: Lapsing): void {
    if (!(delayMs >= 0)) throw new RangeError(`delay must be >= 0, got ${delayMs}`);
    this.queue.push(this.current + Math.round(delayMs), priority, run, owner);
  }

  /** Called after every processed action, e.g. to record history. */
  onAfterStep(listener: (time: number) => void): () => void {
    this.afterStepListeners.push(listener);
    return () => {
      this.afterStepListeners = this.afterStepListeners.filter((l) => l !== listener);
    };
  }

  /** Processes the next action; returns false when nothing is queued. */
  step(): boolean {
    const time = this.queue.nextTime;
    if (time === undefined) return false;
    const run = this.queue.pop()!;
    this.current = time;
    run();
    for (const listener of this.afterStepListeners) listener(this.current);
    return true;
  }

  /** Runs every action due up to and including `until`, then sets the clock to `until`. */
  runUntil(until: number): void {
    for (;;) {
      const next = this.queue.nextTime;
      if (next === undefined || next > until) break;
      this.step();
    }
    if (until > this.current) this.current = until;
  }

  /**
   * Runs until `done()` holds after a processed action, or `until` is reached.
   * Returns true when the condition was met.
   */
  runUntilCondition(done: () => boolean, until: number): boolean {
    if (done()) return true;
    for (;;) {
      const next = this.queue.nextTime;
      if (next === undefined || next > until) break;
      this.step();
      if (done()) return true;
    }
    if (until > this.current) this.current = until;
    return done();
  }
}
