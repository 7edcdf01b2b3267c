import type { PlacementConstraint } from '../model/types.js';
import { fail, optionalArray, optionalEnum, rejectUnknownFields, requireObject, requireString } from '../../kernel/fields.js';
import { parseExpression } from './query-language/parse-expression.js';

/** ECS allows 10 constraints per task, the task definition's included [API: RunTask placementConstraints]. */
export const MAX_PLACEMENT_CONSTRAINTS = 10;

/**
 * Checks CreateService/UpdateService/RunTask `placementConstraints`. memberOf expressions are parsed here, so a
 * bad one fails the API call instead of the placement. `fromTaskDefinition` is how many constraints the task
 * definition already brings to the limit.
 */
export function validatePlacementConstraints(input: unknown, field: string, fromTaskDefinition = 0): PlacementConstraint[] {
  const items = optionalArray(input, field) ?? [];
  const room = MAX_PLACEMENT_CONSTRAINTS - fromTaskDefinition;
  if (items.length > room) {
    const counted = fromTaskDefinition > 0 ? ` besides the task definition's ${fromTaskDefinition}` : '';
    fail('InvalidParameterException', field, `${field} can have at most ${room} items${counted} (got ${items.length}).`);
  }
  return items.map((item, i) => validateConstraint(item, `${field}[${i}]`));
}

function validateConstraint(item: unknown, at: string): PlacementConstraint {
  const raw = requireObject(item, at);
  rejectUnknownFields(raw, at, ['type', 'expression']);
  const type = optionalEnum(raw.type, `${at}.type`, ['distinctInstance', 'memberOf'] as const);
  if (!type) fail('InvalidParameterException', `${at}.type`, `${at}.type should not be null or empty.`);
  if (type === 'distinctInstance') {
    // ECS refuses any expression here, even an empty string [OBS: Terraform issue 11471].
    if (raw.expression !== undefined) fail('InvalidParameterException', `${at}.expression`, 'distinctInstance expression should not be specified.');
    return { type };
  }
  const expression = requireString(raw.expression, `${at}.expression`);
  parseExpression(expression, `${at}.expression`);
  return { type, expression };
}
