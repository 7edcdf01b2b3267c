import type { TargetHealthCheck, TargetRecord } from './elb-state.js';

/**
 * One health check answer applied to a target (ALB guide): a new target needs one pass to become healthy;
 * `unhealthyThreshold` failures in a row make any target unhealthy; an unhealthy target needs
 * `healthyThreshold` passes in a row to come back. Pure.
 */
export function afterTargetCheck(
  target: Pick<TargetRecord, 'state' | 'passes' | 'failures'>,
  passed: boolean,
  check: TargetHealthCheck,
): Pick<TargetRecord, 'state' | 'passes' | 'failures' | 'reasonCode' | 'description'> {
  if (passed) {
    const passes = target.passes + 1;
    const healthy = target.state === 'healthy' || target.state === 'initial' || passes >= check.healthyThreshold;
    return healthy
      ? { state: 'healthy', passes, failures: 0, reasonCode: undefined, description: undefined }
      : { state: 'unhealthy', passes, failures: 0, reasonCode: 'Target.ResponseCodeMismatch', description: failedDescription() };
  }
  const failures = target.failures + 1;
  if (failures >= check.unhealthyThreshold) {
    return { state: 'unhealthy', passes: 0, failures, reasonCode: 'Target.ResponseCodeMismatch', description: failedDescription() };
  }
  return {
    state: target.state,
    passes: 0,
    failures,
    reasonCode: target.state === 'initial' ? 'Elb.InitialHealthChecking' : undefined,
    description: target.state === 'initial' ? 'Initial health checks in progress' : undefined,
  };
}

/** A failing application answers 503 to the health check path. */
export const FAILED_HEALTH_CHECK_CODE = 503;
const failedDescription = () => `Health checks failed with these codes: [${FAILED_HEALTH_CHECK_CODE}]`;

/**
 * Where the load balancer sends new requests: healthy targets; when none is healthy, every registered
 * target that is not draining (ALB fails open).
 */
export function routableTargets(targets: readonly TargetRecord[]): TargetRecord[] {
  const live = targets.filter((t) => t.state !== 'draining' && t.state !== 'unused');
  const healthy = live.filter((t) => t.state === 'healthy');
  return healthy.length > 0 ? healthy : live.filter((t) => t.state === 'unhealthy');
}
