/**
 * The deployment circuit breaker's threshold (Developer Guide, deployment circuit breaker): half the desired
 * count rounded up, at least 3 (today's docs; the 2020 launch used 10) and at most 200.
 */
export const CIRCUIT_BREAKER_MINIMUM = 3;
export const CIRCUIT_BREAKER_MAXIMUM = 200;

export function circuitBreakerThreshold(desiredCount: number): number {
  return Math.min(CIRCUIT_BREAKER_MAXIMUM, Math.max(CIRCUIT_BREAKER_MINIMUM, Math.ceil(desiredCount / 2)));
}

export const circuitBreakerReasons = {
  failed: 'ECS deployment circuit breaker: tasks failed to start.',
  eventBridgeFailed: 'ECS deployment circuit breaker: task failed to start.',
  rollingBack: (deploymentId: string) => `ECS deployment circuit breaker: rolling back to deploymentId ${deploymentId}.`,
  rollbackCompleted: 'ECS deployment circuit breaker: rollback completed.',
};

/** ECS does not document the alarm failure's wording; these texts are the simulator's. */
export const alarmReasons = {
  failed: (alarmNames: string[]) => `ECS deployment failed: alarm ${alarmNames.join(', ')} in ALARM state.`,
};
