import type { Subject } from './subjects.js';

/**
 * A parsed cluster query. Operators are folded into four tests plus `negated`: `==` is `in` with one value,
 * `!=` a negated one, `!exists`/`!in`/`!~` negated exists/in/matches, so evaluation has one rule per test.
 */
export type Expression =
  | { kind: 'or'; left: Expression; right: Expression }
  | { kind: 'and'; left: Expression; right: Expression }
  | { kind: 'not'; operand: Expression }
  | Comparison;

export type Relation = 'greater_than' | 'greater_than_equal' | 'less_than' | 'less_than_equal';

export type ComparisonTest = { negated: boolean } & (
  | { test: 'exists' }
  | { test: 'in'; values: string[] }
  | { test: 'matches'; regex: RegExp }
  | { test: 'order'; relation: Relation; value: string }
);

export type Comparison = { kind: 'comparison'; subject: Subject } & ComparisonTest;
