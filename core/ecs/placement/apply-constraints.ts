import type { PlacementConstraint } from '../model/types.js';
import type { PlacementCandidate } from './placement-candidate.js';
import { describeSubjectValues } from './query-language/describe-values.js';
import { evaluateExpression } from './query-language/evaluate-expression.js';
import { parseExpression } from './query-language/parse-expression.js';

export interface ConstraintRejection {
  candidate: PlacementCandidate;
  /** The failure reason ECS reports for any constraint. */
  reason: 'ATTRIBUTE';
  /** The first constraint the instance failed. */
  constraint: PlacementConstraint;
  /** e.g. "memberOf(attribute:ecs.instance-type =~ t3.*) did not match (t2.micro)". */
  detail: string;
}

/** Returns the rejection detail, or null when the instance satisfies the constraint. */
type Check = (candidate: PlacementCandidate) => string | null;

/**
 * The second placement step: constraints are binding, so an instance failing any of them is out.
 * Expressions were validated when the request came in; they are parsed once per call here.
 */
export function applyConstraints(
  candidates: readonly PlacementCandidate[],
  constraints: readonly PlacementConstraint[],
): { kept: PlacementCandidate[]; rejected: ConstraintRejection[] } {
  const firstFailure = constraintCheck(constraints);
  const kept: PlacementCandidate[] = [];
  const rejected: ConstraintRejection[] = [];
  for (const candidate of candidates) {
    const failure = firstFailure(candidate);
    if (failure) rejected.push({ candidate, reason: 'ATTRIBUTE', ...failure });
    else kept.push(candidate);
  }
  return { kept, rejected };
}

/** The first constraint a candidate fails, with why, or undefined when it satisfies them all. */
export type ConstraintCheck = (candidate: PlacementCandidate) => { constraint: PlacementConstraint; detail: string } | undefined;

export function constraintCheck(constraints: readonly PlacementConstraint[]): ConstraintCheck {
  const checks = constraints.map((constraint) => ({ constraint, check: checkFor(constraint) }));
  return (candidate) => {
    for (const { constraint, check } of checks) {
      const detail = check(candidate);
      if (detail !== null) return { constraint, detail };
    }
    return undefined;
  };
}

function checkFor(constraint: PlacementConstraint): Check {
  if (constraint.type === 'distinctInstance') {
    // groupTaskCount already counts tasks placed earlier in the same call.
    return (c) =>
      c.groupTaskCount > 0
        ? `distinctInstance: ${c.groupTaskCount} task${c.groupTaskCount === 1 ? '' : 's'} of this group already on the instance`
        : null;
  }
  const source = constraint.expression ?? '';
  const expression = parseExpression(source, 'expression');
  return (c) =>
    evaluateExpression(expression, c) ? null : `memberOf(${source}) did not match (${describeSubjectValues(expression, c)})`;
}
