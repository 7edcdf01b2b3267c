/**
 * EventBridge event patterns (the subset rules use most): each field of the pattern lists the values
 * accepted; nested objects match nested fields; a prefix matcher `{ "prefix": "..." }` is allowed in a
 * list. Pure.
 */
export type EventPattern = { [field: string]: EventPattern | Array<string | number | boolean | { prefix: string }> };

function valueMatches(accepted: Array<string | number | boolean | { prefix: string }>, value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => accepted.some((a) => (typeof a === 'object' ? typeof v === 'string' && v.startsWith(a.prefix) : a === v)));
}

export function matchesPattern(pattern: EventPattern, event: Record<string, unknown>): boolean {
  return Object.entries(pattern).every(([field, accepted]) => {
    const value = event[field];
    if (Array.isArray(accepted)) return valueMatches(accepted, value);
    return value !== null && typeof value === 'object' && matchesPattern(accepted, value as Record<string, unknown>);
  });
}

export function validatePattern(input: unknown, at = 'EventPattern'): EventPattern {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new Error(`${at} must be an object.`);
  for (const [field, accepted] of Object.entries(input)) {
    if (Array.isArray(accepted)) {
      const ok = accepted.every((a) => ['string', 'number', 'boolean'].includes(typeof a) || (typeof a === 'object' && a !== null && typeof (a as { prefix?: unknown }).prefix === 'string'));
      if (!ok || accepted.length === 0) throw new Error(`${at}.${field} must list the values it accepts (strings, numbers, or {"prefix": "..."}).`);
    } else validatePattern(accepted, `${at}.${field}`);
  }
  return input as EventPattern;
}
