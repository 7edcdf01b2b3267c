import type { PlacementConstraint, PlacementStrategy } from '../api/types.js';
import { applyConstraints } from './apply-constraints.js';
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
 * Filter by resources, then by constraints, then rank (Nomad's feasibility-then-ranking chain, in small).
 * Pure: the caller applies the choice. Ties left after every rule go to the earliest-registered instance.
 */
export function chooseInstance(
  instances: PlacementCandidate[],
  needs: TaskRequirements,
  strategies: PlacementStrategy[],
  pick: (n: number) => number,
  constraints: readonly PlacementConstraint[] = [],
): PlacementChoice {
  const explanation: PlacementExplanation = { rejected: [], stages: [] };
  const fitting: PlacementCandidate[] = [];
  for (const instance of instances) {
    const reason = resourceRejection(instance, needs);
    if (reason) explanation.rejected.push({ ...idsOf(instance), reason });
    else fitting.push(instance);
  }
  const { kept, rejected } = applyConstraints(fitting, constraints);
  for (const r of rejected) explanation.rejected.push({ ...idsOf(r.candidate), reason: r.reason, detail: r.detail });
  if (kept.length === 0) {
    // When some instance had the resources, constraints are what stopped the task: its reason is ATTRIBUTE.
    const closest = closestMatch(fitting.length > 0 ? fitting : instances);
    return {
      chosen: null,
      explanation,
      closest,
      failureReason: closest ? explanation.rejected.find((r) => r.containerInstanceId === closest.containerInstanceId)?.reason : undefined,
    };
  }
  let ranked = kept;
  for (const rule of strategies) {
    ranked = applyStrategy(rule, ranked, instances, pick);
    explanation.stages.push({ rule: describeRule(rule), kept: ranked.map((c) => c.ec2InstanceId) });
  }
  const chosen = ranked[0];
  explanation.chosen = idsOf(chosen);
  return { chosen, explanation };
}

function idsOf(instance: PlacementCandidate): { containerInstanceId: string; ec2InstanceId: string } {
  return { containerInstanceId: instance.containerInstanceId, ec2InstanceId: instance.ec2InstanceId };
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
