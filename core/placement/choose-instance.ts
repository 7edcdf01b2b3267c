import type { PlacementStrategy } from '../api/types.js';
import { resourceRejection } from './filter-by-resources.js';
import type { PlacementCandidate } from './placement-candidate.js';
import type { PlacementExplanation } from './placement-explanation.js';
import { applyStrategy, describeRule } from './rank-by-strategies.js';
import type { TaskRequirements } from './task-requirements.js';

/** Services with no strategy: spread across Availability Zones, then fewer tasks of the service per instance. */
export const DEFAULT_SERVICE_STRATEGY: PlacementStrategy[] = [
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'spread', field: 'instanceId' },
];

export interface PlacementChoice {
  chosen: PlacementCandidate | null;
  explanation: PlacementExplanation;
  /** When nothing fits: the reason code of the closest instance (RunTask `failures[].reason`). */
  failureReason?: string;
  closest?: PlacementCandidate;
}

/**
 * Filter, then rank (Nomad's feasibility-then-ranking chain, in small). Pure: the caller applies the choice.
 * Ties left after every rule go to the earliest-registered instance.
 */
export function chooseInstance(
  instances: PlacementCandidate[],
  needs: TaskRequirements,
  strategies: PlacementStrategy[],
  pick: (n: number) => number,
): PlacementChoice {
  const explanation: PlacementExplanation = { rejected: [], stages: [] };
  let feasible: PlacementCandidate[] = [];
  for (const instance of instances) {
    const reason = resourceRejection(instance, needs);
    if (reason) {
      explanation.rejected.push({
        containerInstanceId: instance.containerInstanceId,
        ec2InstanceId: instance.ec2InstanceId,
        reason,
      });
    } else feasible.push(instance);
  }
  if (feasible.length === 0) {
    const closest = closestMatch(instances);
    return {
      chosen: null,
      explanation,
      closest,
      failureReason: closest ? explanation.rejected.find((r) => r.containerInstanceId === closest.containerInstanceId)?.reason : undefined,
    };
  }
  for (const rule of strategies) {
    feasible = applyStrategy(rule, feasible, instances, pick);
    explanation.stages.push({ rule: describeRule(rule), kept: feasible.map((c) => c.ec2InstanceId) });
  }
  const chosen = feasible[0];
  explanation.chosen = { containerInstanceId: chosen.containerInstanceId, ec2InstanceId: chosen.ec2InstanceId };
  return { chosen, explanation };
}

/**
 * The "closest matching" instance of the failure event: an ACTIVE, connected instance with the most free
 * resources (CPU share plus memory share), so its reason is the one a learner can act on.
 */
function closestMatch(instances: PlacementCandidate[]): PlacementCandidate | undefined {
  const usable = instances.filter((i) => i.agentConnected && i.status === 'ACTIVE');
  const pool = usable.length > 0 ? usable : instances;
  let best: PlacementCandidate | undefined;
  let bestScore = -Infinity;
  for (const i of pool) {
    const score = i.remainingCpu / 1024 + i.remainingMemory / 1024;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}
