import type { HealthStatus } from '../model/types.js';
import type { ContainerRecord } from '../model/state.js';

/**
 * Task health from its containers (Developer Guide, health checks): HEALTHY when every essential container
 * with a check passes, UNHEALTHY when any essential one fails, UNKNOWN otherwise. Non-essential containers
 * never decide it.
 */
export function taskHealth(containers: readonly ContainerRecord[]): HealthStatus {
  const checked = containers.filter((c) => c.essential && c.definition.healthCheck);
  if (checked.length === 0) return 'UNKNOWN';
  if (checked.some((c) => c.healthStatus === 'UNHEALTHY')) return 'UNHEALTHY';
  return checked.every((c) => c.healthStatus === 'HEALTHY') ? 'HEALTHY' : 'UNKNOWN';
}

/** Whether the scheduler waits for health checks (true) or uses the 40-second rule. */
export const hasEssentialHealthCheck = (containers: readonly ContainerRecord[]) =>
  containers.some((c) => c.essential && c.definition.healthCheck);

/**
 * One health check answer applied to a container, Docker's way: failures inside the start period do not
 * count, a success at any time makes it HEALTHY, `retries` failures in a row make it UNHEALTHY.
 */
export function afterHealthCheck(
  container: Pick<ContainerRecord, 'healthStatus' | 'healthCheckFailures'>,
  passed: boolean,
  inStartPeriod: boolean,
  retries: number,
): Pick<ContainerRecord, 'healthStatus' | 'healthCheckFailures'> {
  if (passed) return { healthStatus: 'HEALTHY', healthCheckFailures: 0 };
  if (inStartPeriod) return { ...container };
  const failures = container.healthCheckFailures + 1;
  return { healthStatus: failures >= retries ? 'UNHEALTHY' : container.healthStatus, healthCheckFailures: failures };
}
