/** The comparison operators of the cluster query language, by their word names. */
export type Operator =
  | 'equals'
  | 'not_equals'
  | 'greater_than'
  | 'greater_than_equal'
  | 'less_than'
  | 'less_than_equal'
  | 'exists'
  | 'not_exists'
  | 'in'
  | 'not_in'
  | 'matches'
  | 'not_matches';

/** How messages write each operator: the symbol when there is one. */
export const OPERATOR_SYMBOL: Record<Operator, string> = {
  equals: '==',
  not_equals: '!=',
  greater_than: '>',
  greater_than_equal: '>=',
  less_than: '<',
  less_than_equal: '<=',
  exists: 'exists',
  not_exists: '!exists',
  in: 'in',
  not_in: '!in',
  matches: '=~',
  not_matches: '!~',
};

/** Every spelling the Developer Guide lists: symbols and word names. A Map, so "constructor" is no operator. */
const SPELLINGS = new Map<string, Operator>(
  (Object.keys(OPERATOR_SYMBOL) as Operator[]).flatMap((op) => [
    [op, op],
    [OPERATOR_SYMBOL[op], op],
  ]),
);

export function operatorNamed(text: string): Operator | undefined {
  return SPELLINGS.get(text);
}
