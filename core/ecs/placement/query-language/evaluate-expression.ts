import type { Comparison, Expression, Relation } from './expression-ast.js';
import { SUBJECT_RULES, type Subject } from './subjects.js';
import { compareValues, sameValue } from './value-kinds.js';

/** What an expression can see of one container instance. PlacementCandidate is one. */
export interface QueryContext {
  ec2InstanceId: string;
  agentConnected: boolean;
  attributes: Readonly<Record<string, string>>;
  agentVersion?: string;
  /** Epoch seconds. */
  registeredAt?: number;
  runningTasksCount?: number;
  /** The group of each task on the instance (one entry per task). */
  taskGroups?: readonly string[];
}

const RELATIONS: Record<Relation, (sign: number) => boolean> = {
  greater_than: (sign) => sign > 0,
  greater_than_equal: (sign) => sign >= 0,
  less_than: (sign) => sign < 0,
  less_than_equal: (sign) => sign <= 0,
};

export function evaluateExpression(expression: Expression, context: QueryContext): boolean {
  switch (expression.kind) {
    case 'or':
      return evaluateExpression(expression.left, context) || evaluateExpression(expression.right, context);
    case 'and':
      return evaluateExpression(expression.left, context) && evaluateExpression(expression.right, context);
    case 'not':
      return !evaluateExpression(expression.operand, context);
    case 'comparison':
      return holds(expression, context) !== expression.negated;
  }
}

/**
 * A subject's values on the instance: none when unknown (a missing attribute), several for task:group.
 * A test holds when any value passes it, so `task:group == x` means "hosts a task of group x" and its
 * negation "hosts none", as the guide's affinity and anti-affinity examples read.
 */
export function subjectValues(subject: Subject, context: QueryContext): string[] {
  const known = (value: string | number | undefined) => (value === undefined ? [] : [String(value)]);
  switch (subject.name) {
    case 'attribute':
      return Object.hasOwn(context.attributes, subject.attribute) ? [context.attributes[subject.attribute]] : [];
    case 'ec2InstanceId':
      return [context.ec2InstanceId];
    case 'agentConnected':
      return [String(context.agentConnected)];
    case 'agentVersion':
      return known(context.agentVersion);
    case 'registeredAt':
      return known(context.registeredAt);
    case 'runningTasksCount':
      return known(context.runningTasksCount);
    case 'task:group':
      return [...(context.taskGroups ?? [])];
  }
}

function holds(comparison: Comparison, context: QueryContext): boolean {
  const actual = subjectValues(comparison.subject, context);
  const kind = SUBJECT_RULES[comparison.subject.name].kind;
  switch (comparison.test) {
    case 'exists':
      return actual.length > 0;
    case 'in':
      return actual.some((value) => comparison.values.some((expected) => sameValue(kind, value, expected)));
    case 'matches':
      return actual.some((value) => comparison.regex.test(value));
    case 'order':
      return actual.some((value) => RELATIONS[comparison.relation](compareValues(kind, value, comparison.value)));
  }
}
