import type { RegionalSimulators } from './regional-simulators.js';

/**
 * Virtual time only moves in steps of 1/8 s: a multiple of 125 ms is exact in binary, so seconds passed to
 * `control.advance` turn back into whole milliseconds on the engine's clock.
 */
export const VIRTUAL_STEP_MS = 125;

/** Where virtual time should be after `elapsedRealMs` of wall time at `speed` times real time. */
export function virtualTargetMs(baseVirtualMs: number, elapsedRealMs: number, speed: number): number {
  return baseVirtualMs + Math.floor((elapsedRealMs * speed) / VIRTUAL_STEP_MS) * VIRTUAL_STEP_MS;
}

/**
 * `--speed X`: virtual time runs X times faster than the wall clock. A ticker moves it, and every request
 * catches it up first, so answers are never up to one tick stale. The only place real time enters.
 */
export class RealTimeDriver {
  private baseRealMs = 0;
  private baseVirtualMs = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly simulators: RegionalSimulators,
    readonly speed: number,
    /** An engine failure while time runs with no request to answer it: the server reports it and lives on. */
    private readonly onError: (error: unknown) => void,
    private readonly tickMs = 100,
  ) {
    this.rebase();
  }

  start(): void {
    this.timer = setInterval(() => {
      try {
        this.sync();
      } catch (error) {
        // The failing step is consumed: the next tick carries on after it.
        this.onError(error);
      }
    }, this.tickMs);
    // The ticker alone must not keep a finished process (a test, a script) alive.
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  sync(): void {
    const target = virtualTargetMs(this.baseVirtualMs, performance.now() - this.baseRealMs, this.speed);
    if (target > this.simulators.nowMs) this.simulators.advanceAllTo(target);
  }

  /** After a jump (advance, run-until-steady, reset), real time counts on from the new virtual time. */
  rebase(): void {
    this.baseRealMs = performance.now();
    this.baseVirtualMs = this.simulators.nowMs;
  }
}
