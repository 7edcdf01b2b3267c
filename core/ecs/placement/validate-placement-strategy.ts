import type { PlacementStrategy } from '../model/types.js';
import { fail, optionalArray, optionalEnum, optionalString, rejectUnknownFields, requireObject } from '../../kernel/fields.js';
import { ATTRIBUTE_NAME_PATTERN } from './query-language/subjects.js';

/** Up to 5 rules, applied in order [DG23:task-placement-strategies.md]. */
export const MAX_PLACEMENT_STRATEGY_RULES = 5;

/** Checks CreateService/UpdateService/RunTask `placementStrategy`. Fields are kept as written (ECS echoes them). */
export function validatePlacementStrategy(input: unknown, field: string): PlacementStrategy[] {
  const items = optionalArray(input, field, MAX_PLACEMENT_STRATEGY_RULES) ?? [];
  return items.map((item, i) => validateRule(item, `${field}[${i}]`));
}

function validateRule(item: unknown, at: string): PlacementStrategy {
  const raw = requireObject(item, at);
  rejectUnknownFields(raw, at, ['type', 'field']);
  const type = optionalEnum(raw.type, `${at}.type`, ['random', 'spread', 'binpack'] as const);
  if (!type) fail('InvalidParameterException', `${at}.type`, `${at}.type should not be null or empty.`);
  const value = optionalString(raw.field, `${at}.field`);
  const got = value === undefined ? '.' : ` (got ${JSON.stringify(value)}).`;
  switch (type) {
    case 'random':
      if (value !== undefined) fail('InvalidParameterException', `${at}.field`, `${at}.field must not be set for random${got}`);
      return { type };
    case 'binpack':
      if (value === undefined || !['cpu', 'memory'].includes(value.toLowerCase())) {
        fail('InvalidParameterException', `${at}.field`, `${at}.field must be cpu or memory for binpack${got}`);
      }
      return { type, field: value };
    case 'spread':
      if (value === undefined || !isSpreadField(value)) {
        fail('InvalidParameterException', `${at}.field`, `${at}.field must be instanceId, host or attribute:<name> for spread${got}`);
      }
      return { type, field: value };
  }
}

function isSpreadField(value: string): boolean {
  const lower = value.toLowerCase();
  if (lower === 'instanceid' || lower === 'host') return true;
  return value.startsWith('attribute:') && ATTRIBUTE_NAME_PATTERN.test(value.slice('attribute:'.length));
}
