/**
 * Seconds from `nowMs` that reach `deadlineMs` without passing it. A runUntil resumed in rounds must end
 * where the engine's runUntil in one call ends, and `(deadline - now) / 1000 * 1000` sometimes lands a hair past the
 * deadline (and so would the clock): then the double just below is taken. A hair short is made up by the
 * caller with advanceTo.
 */
export function secondsNotPast(nowMs: number, deadlineMs: number): number {
  let seconds = Math.max(0, (deadlineMs - nowMs) / 1000);
  for (let i = 0; i < 4 && seconds > 0 && nowMs + seconds * 1000 > deadlineMs; i++) seconds = doubleBelow(seconds);
  return seconds;
}

/** The largest double below a positive number. */
function doubleBelow(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
}
