import { deploymentReasons } from '../model/service-messages.js';
import type { PlannedService, PlannedTask } from './pass-input.js';
import { circuitBreakerReasons } from './circuit-breaker.js';

/** What becomes of a service's deployments at the end of a pass. */
export interface DeploymentSettlement {
  /** ACTIVE deployments with no task left: INACTIVE, which DescribeServices no longer lists (their history stays). */
  retire: string[];
  /** PRIMARY has every task it wants: COMPLETED, with this reason ("rollback completed" for a rollback). */
  complete?: { deploymentId: string; reason: string };
}

/**
 * The end of a pass over a service that runs deployments; a complete PRIMARY also makes the service steady
 * (announced to EventBridge too). `live` are the service's tasks that had not reached STOPPED when the pass
 * began: a task the pass stops is still on its way to STOPPED, and one it starts belongs to PRIMARY, so
 * they are what the deployments still hold. `complete` is the decider's: PRIMARY has its tasks and no older
 * one is left.
 */
export function settleDeployments(
  service: Pick<PlannedService, 'deployments'>,
  live: readonly Pick<PlannedTask, 'deploymentId'>[],
  complete: boolean,
): { deployments: DeploymentSettlement; steady?: { reached: true; eventBridge: true } } {
  const [primary, ...older] = service.deployments;
  // Looked for among the tasks only when there is one to retire: most passes of a large service have none.
  const retire = older.filter((d) => d.status === 'ACTIVE' && !live.some((t) => t.deploymentId === d.id)).map((d) => d.id);
  if (!complete) return { deployments: { retire } };
  const steady = { reached: true, eventBridge: true } as const;
  if (primary.rolloutState !== 'IN_PROGRESS') return { deployments: { retire }, steady };
  const reason = primary.rollbackTo ? circuitBreakerReasons.rollbackCompleted : deploymentReasons.completed(primary.id);
  return { deployments: { retire, complete: { deploymentId: primary.id, reason } }, steady };
}
