import { EcsError, type EcsExceptionName } from './errors.js';

/**
 * Small checks shared by every action. Each names the field and the rule, and throws the exception
 * ECS uses for it (InvalidParameterException for a malformed parameter unless told otherwise).
 */
type Exception = Extract<EcsExceptionName, 'ClientException' | 'InvalidParameterException'>;

export function fail(exception: Exception, field: string, message: string): never {
  throw new EcsError(exception, message, field);
}

export function requireObject(value: unknown, field: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail('InvalidParameterException', field, `${field} must be an object.`);
  }
  return value as Record<string, unknown>;
}

export function requireString(value: unknown, field: string, exception: Exception = 'InvalidParameterException'): string {
  if (typeof value !== 'string' || value.length === 0) fail(exception, field, `${field} should not be null or empty.`);
  return value;
}

export function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') fail('InvalidParameterException', field, `${field} must be a string.`);
  return value;
}

export function optionalInteger(
  value: unknown,
  field: string,
  range?: { min?: number; max?: number },
  exception: Exception = 'InvalidParameterException',
): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(exception, field, `${field} must be an integer.`);
  if (range?.min !== undefined && value < range.min) {
    fail(exception, field, `${field} must be at least ${range.min} (got ${value}).`);
  }
  if (range?.max !== undefined && value > range.max) {
    fail(exception, field, `${field} must be at most ${range.max} (got ${value}).`);
  }
  return value;
}

export function optionalBoolean(value: unknown, field: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') fail('InvalidParameterException', field, `${field} must be true or false.`);
  return value;
}

export function optionalArray(value: unknown, field: string, maxItems?: number): unknown[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) fail('InvalidParameterException', field, `${field} must be a list.`);
  if (maxItems !== undefined && value.length > maxItems) {
    fail('InvalidParameterException', field, `${field} can have at most ${maxItems} items (got ${value.length}).`);
  }
  // A hole in a list is not an item: .map would skip it and let it past the checks.
  for (let i = 0; i < value.length; i++) if (!(i in value)) fail('InvalidParameterException', `${field}[${i}]`, `${field}[${i}] is missing.`);
  return value;
}

/** A list of non-empty strings (names or ARNs), as the Describe* actions take. */
export function optionalStringList(value: unknown, field: string, maxItems?: number): string[] | undefined {
  return optionalArray(value, field, maxItems)?.map((item, i) => requireString(item, `${field}[${i}]`));
}

/** `tags`: at most 50 {key, value} pairs, keys 1-128 characters, values up to 256. */
export function validateTags(value: unknown, field = 'tags'): Array<{ key: string; value?: string }> {
  return (optionalArray(value, field, 50) ?? []).map((t, i) => {
    const tag = requireObject(t, `${field}[${i}]`);
    const key = requireString(tag.key, `${field}[${i}].key`);
    if (key.length > 128) fail('InvalidParameterException', `${field}[${i}].key`, `${field}[${i}].key can be at most 128 characters.`);
    const tagValue = optionalString(tag.value, `${field}[${i}].value`);
    if (tagValue !== undefined && tagValue.length > 256) fail('InvalidParameterException', `${field}[${i}].value`, `${field}[${i}].value can be at most 256 characters.`);
    return tagValue === undefined ? { key } : { key, value: tagValue };
  });
}

export function optionalEnum<T extends string>(value: unknown, field: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    fail('InvalidParameterException', field, `${field} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)}).`);
  }
  return value as T;
}

/** Letters, digits, hyphens and underscores, 1-255 characters: the rule for families, clusters and services. */
export const NAME_PATTERN = /^[A-Za-z0-9_-]{1,255}$/;

export function requireName(value: unknown, field: string, exception: Exception = 'InvalidParameterException'): string {
  const name = requireString(value, field, exception);
  if (!NAME_PATTERN.test(name)) {
    fail(exception, field, `${field} can have up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores (got ${JSON.stringify(name.slice(0, 60))}).`);
  }
  return name;
}

/** Field names the request shape knows; anything else is rejected with the closest known name. */
export function rejectUnknownFields(value: Record<string, unknown>, field: string, known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const suggestion = closest(key, known);
    fail(
      'InvalidParameterException',
      field ? `${field}.${key}` : key,
      `Unknown parameter ${field ? `${field}.` : ''}${key}${suggestion ? `; did you mean ${suggestion}?` : '.'}`,
    );
  }
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
