/**
 * Start-failure throttling (Developer Guide, service throttle logic): when a service's tasks keep failing
 * before RUNNING, ECS waits longer and longer between launches, up to 15 minutes, and never gives up.
 * The curve is not documented; the simulator's model: no wait for the first two failures in a row, then
 * 15 s doubling (15, 30, 60, ...) capped at 900 s. The "unable to consistently start" event comes with
 * the first wait.
 */
export const START_THROTTLE_FIRST_DELAY_SECONDS = 15;
export const START_THROTTLE_MAX_DELAY_SECONDS = 900;
export const START_FAILURES_BEFORE_THROTTLING = 3;

export function startThrottleDelaySeconds(failuresInARow: number): number {
  if (failuresInARow < START_FAILURES_BEFORE_THROTTLING) return 0;
  const doublings = failuresInARow - START_FAILURES_BEFORE_THROTTLING;
  return Math.min(START_THROTTLE_MAX_DELAY_SECONDS, START_THROTTLE_FIRST_DELAY_SECONDS * 2 ** Math.min(doublings, 16));
}
