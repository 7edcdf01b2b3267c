/**
 * A deep copy of a record's plain data (objects, arrays, primitives), the same as structuredClone gives for it
 * at a fraction of the cost: views copy a record's nested members on every Describe call. Anything that is not
 * a plain object or array (a Date, a Map) is left to structuredClone.
 */
export function copyJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return structuredClone(value);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyJson((value as Record<string, unknown>)[key]);
  return copy as T;
}
