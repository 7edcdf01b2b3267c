import type { PlacementConstraint, PlacementStrategy } from '../model/types.js';
import { constraintCheck, type ConstraintCheck } from './apply-constraints.js';
import { resourceRejection } from './filter-by-resources.js';
import type { PlacementCandidate } from './placement-candidate.js';
import { EXPLAINED_INSTANCES, type PlacementExplanation } from '../model/placement-explanation.js';
import { applyStrategy, describeRule, SpreadCounts } from './rank-by-strategies.js';
import type { TaskRequirements } from './task-requirements.js';
import { LowestPerValue } from './lowest-per-value.js';

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

type Rejection = PlacementExplanation['rejected'][number];

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
  return new Placer(instances, needs, strategies, constraints).choose(pick);
}

/**
 * chooseInstance for a series of tasks of one call: each placement changes only the candidate it chose
 * (see `replace`), so what each candidate fails and the spread counts are worked out once and then kept
 * up to date, instead of being redone over the whole cluster for every task.
 */
export class Placer {
  private readonly candidates: PlacementCandidate[];
  /** Per candidate: the first resource rule it fails, else the first constraint, else null. */
  private readonly rejections: Array<Rejection | null>;
  private readonly constraintFailure: ConstraintCheck;
  private readonly rules: Array<{ rule: PlacementStrategy; description: string; spread?: SpreadCounts; kept: KeptLists }>;
  /** The candidates still in the running during a choice, at the front (see applyStrategy). */
  private readonly ranked: Int32Array;
  /** 0, 1, 2...: what `ranked` starts as when no candidate is rejected, the usual case in a large cluster. */
  private readonly everyIndex: Int32Array;
  /** With a spread over an attribute then one over instances: the second rule's lowest candidates per value. */
  private readonly instancesPerValue?: LowestPerValue;
  private rejectedCount = 0;

  constructor(
    candidates: readonly PlacementCandidate[],
    private readonly needs: TaskRequirements,
    strategies: readonly PlacementStrategy[],
    constraints: readonly PlacementConstraint[],
  ) {
    this.candidates = [...candidates];
    this.constraintFailure = constraintCheck(constraints);
    this.rejections = this.candidates.map((c) => this.rejectionOf(c));
    this.rejectedCount = this.rejections.filter((r) => r !== null).length;
    this.ranked = new Int32Array(this.candidates.length);
    this.everyIndex = this.ranked.map((_, i) => i);
    this.rules = strategies.map((rule) => ({
      rule,
      description: describeRule(rule),
      kept: new KeptLists(),
      ...(rule.type === 'spread' ? { spread: new SpreadCounts(rule.field ?? 'instanceId', this.candidates) } : {}),
    }));
    const [first, second] = this.rules;
    if (first?.spread && second?.spread?.onePerValue) this.instancesPerValue = new LowestPerValue(first.spread, second.spread, this.candidates.length);
  }

  /** Where the next task goes; `index` is the chosen candidate's position in the candidates given. */
  choose(pick: (n: number) => number): PlacementChoice & { index?: number } {
    // Resource rejections are listed before constraint ones, as the chain applies them.
    const listed: Record<'resource' | 'constraint', Rejection[]> = { resource: [], constraint: [] };
    const rejectedTotal = this.rejectedCount;
    let fitting = 0;
    if (rejectedTotal === 0) {
      this.ranked.set(this.everyIndex);
      fitting = this.candidates.length;
    } else {
      for (let index = 0; index < this.rejections.length; index++) {
        const rejection = this.rejections[index];
        if (!rejection) {
          this.ranked[fitting++] = index;
          continue;
        }
        const list = rejection.reason === 'ATTRIBUTE' ? listed.constraint : listed.resource;
        if (list.length < EXPLAINED_INSTANCES) list.push(rejection);
      }
    }
    const rejected = rejectedTotal === 0 ? [] : [...listed.resource, ...listed.constraint].slice(0, EXPLAINED_INSTANCES);
    const explanation: PlacementExplanation = rejectedTotal > rejected.length ? { rejected, rejectedTotal, stages: [] } : { rejected, stages: [] };
    if (fitting === 0) return { chosen: null, explanation, ...this.closest() };
    let ranked = fitting;
    // Sized once: an array grown by push keeps room for more than it holds, for as long as the task lives.
    explanation.stages = new Array(this.rules.length);
    // The values a first spread rule kept, when it kept them from its counts (see below).
    let keptValues: readonly number[] | undefined;
    for (let r = 0; r < this.rules.length; r++) {
      const { rule, description, spread } = this.rules[r];
      // Past the explanation's list, only the rules after this one read the ranking: the last rule, or a first
      // rule whose values the instance spread takes over, writes no more than the explanation lists.
      const readOn = r + 1 < this.rules.length && !(r === 0 && this.instancesPerValue) ? Infinity : EXPLAINED_INSTANCES;
      // A first spread rule over the whole cluster keeps its lowest values' candidates, which its counts list;
      // an instance spread after it finds the least loaded of those values' candidates the same way.
      const lowest = r === 0 && rejectedTotal === 0 ? spread?.keepLowestValues(this.ranked, readOn) : undefined;
      if (lowest) {
        ranked = lowest.kept;
        keptValues = lowest.values;
      } else if (r === 1 && keptValues && this.instancesPerValue) ranked = this.instancesPerValue.keepLowest(keptValues, this.ranked, readOn);
      else ranked = applyStrategy(rule, this.ranked, ranked, this.candidates, spread, pick);
      const kept = this.rules[r].kept.of(this.ranked, Math.min(ranked, EXPLAINED_INSTANCES), this.candidates);
      explanation.stages[r] = ranked > kept.length ? { rule: description, kept, keptTotal: ranked } : { rule: description, kept };
    }
    const index = this.ranked[0];
    const chosen = this.candidates[index];
    explanation.chosen = idsOf(chosen);
    return { chosen, explanation, index };
  }

  /** The candidate at `index` after a placement changed it. */
  replace(index: number, candidate: PlacementCandidate): void {
    for (const { spread } of this.rules) spread?.replace(index, this.candidates[index], candidate);
    this.instancesPerValue?.update(index);
    this.candidates[index] = candidate;
    const rejection = this.rejectionOf(candidate);
    this.rejectedCount += (rejection ? 1 : 0) - (this.rejections[index] ? 1 : 0);
    this.rejections[index] = rejection;
  }

  private rejectionOf(candidate: PlacementCandidate): Rejection | null {
    const reason = resourceRejection(candidate, this.needs);
    if (reason) return { ...idsOf(candidate), reason };
    const failure = this.constraintFailure(candidate);
    return failure ? { ...idsOf(candidate), reason: 'ATTRIBUTE', detail: failure.detail } : null;
  }

  /**
   * The "closest matching" instance of the failure event: an ACTIVE, connected instance with the most free
   * resources (CPU share plus memory share), so its reason is the one a learner can act on. When some
   * instance had the resources, constraints are what stopped the task: its reason is ATTRIBUTE.
   */
  private closest(): Pick<PlacementChoice, 'closest' | 'failureReason'> {
    const fitting = this.candidates.filter((_, i) => this.rejections[i]!.reason === 'ATTRIBUTE');
    const among = fitting.length > 0 ? fitting : this.candidates;
    const usable = among.filter((i) => i.agentConnected && i.status === 'ACTIVE');
    let best: PlacementCandidate | undefined;
    let bestScore = -Infinity;
    for (const i of usable.length > 0 ? usable : among) {
      const score = i.remainingCpu / 1024 + i.remainingMemory / 1024;
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    if (!best) return {};
    const reason = this.rejections[this.candidates.indexOf(best)]!.reason;
    return { closest: best, failureReason: reason };
  }
}

function idsOf(instance: PlacementCandidate): { containerInstanceId: string; ec2InstanceId: string } {
  return { containerInstanceId: instance.containerInstanceId, ec2InstanceId: instance.ec2InstanceId };
}

/**
 * The instances a rule kept, as listed in explanations. From one task to the next of a large call the lists
 * mostly repeat (the same zone's first instances, say), so an equal list already made is shared: explanations
 * are read-only, and 20 ids per rule per task would otherwise weigh more than the task itself. Lists are
 * compared by candidate position, which names the same instance for the whole call, so that a repeated list
 * costs no look at the candidates.
 */
class KeptLists {
  /** By the first position listed: the last list made that starts with it, and the positions it lists. */
  private readonly byFirst = new Map<number, { positions: Int32Array; kept: string[] }>();

  of(ranked: Int32Array, count: number, candidates: readonly PlacementCandidate[]): string[] {
    if (count === 0) return [];
    const known = this.byFirst.get(ranked[0]);
    if (known && known.positions.length === count && sameStart(known.positions, ranked)) return known.kept;
    const kept = new Array<string>(count);
    for (let k = 0; k < count; k++) kept[k] = candidates[ranked[k]].ec2InstanceId;
    this.byFirst.set(ranked[0], { positions: ranked.slice(0, count), kept });
    return kept;
  }
}

/** Whether `ranked` starts with `positions`. */
function sameStart(positions: Int32Array, ranked: Int32Array): boolean {
  for (let k = 0; k < positions.length; k++) if (positions[k] !== ranked[k]) return false;
  return true;
}
