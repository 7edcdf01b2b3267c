import type { EcsSimulator } from '../../core/index.js';
import { secondsNotPast } from './seconds-not-past.js';
import type { WireCall } from './wire-call.js';

export interface ReadsChangeRequest {
  /** The calls the condition made, or null (it made a call that is not a read): stop after the next engine step. */
  watch: WireCall[] | null;
  /** Virtual ms at which the runUntil began (absent on its first round). */
  startedAtMs?: number;
  maxSeconds: number;
}

export interface ReadsChangeResult {
  /** The watched reads answer differently now (or an engine step ran, with watch null). */
  changed: boolean;
  startedAtMs: number;
  /** Time reached the runUntil's limit: the condition gets its last look. */
  deadlineReached: boolean;
}

/**
 * What lets a runUntil whose condition is an asynchronous function stop exactly where the engine's own
 * runUntil stops: the engine checks a condition after every step, and a condition made of reads can only
 * change its answer after a step that changed one of its reads. So time runs until the reads change, and the
 * port looks at the condition again (run-until.ts). `read` runs one watched call on the simulator.
 */
export function runUntilReadsChange(simulator: EcsSimulator, request: ReadsChangeRequest, read: (call: WireCall) => unknown): ReadsChangeResult {
  const { control } = simulator;
  const nowMs = control.now * 1000;
  const startedAtMs = request.startedAtMs ?? nowMs;
  // The same sum as SimulationControl.runUntil, so the limit is the very millisecond it would be in one call.
  const deadlineMs = startedAtMs + request.maxSeconds * 1000;
  const { watch } = request;
  const fingerprint = () => JSON.stringify(watch!.map((call) => outcome(read, call)));
  let steps = 0;
  const baseline = watch ? fingerprint() : '';
  const changed = watch ? () => fingerprint() !== baseline : () => steps++ > 0;
  const seconds = request.startedAtMs === undefined ? request.maxSeconds : secondsNotPast(nowMs, deadlineMs);
  let result = control.runUntil(changed, seconds);
  // Time may have stopped a hair short of the limit (no double lands on it): finish the instant.
  if (!result && control.now * 1000 < deadlineMs && Number.isInteger(deadlineMs)) {
    control.advanceTo(deadlineMs);
    result = changed();
  }
  return { changed: result, startedAtMs, deadlineReached: control.now * 1000 >= deadlineMs };
}

/** A read's answer, or its error: both are what the condition saw. */
function outcome(read: (call: WireCall) => unknown, call: WireCall): unknown {
  try {
    return read(call);
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
