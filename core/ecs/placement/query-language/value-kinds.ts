import { parseQueryDate } from './parse-date.js';

/**
 * How a subject's values compare. `text` is string equality, ordered numerically when both sides are numbers
 * (a custom attribute such as a rack number) and by code unit otherwise.
 */
export type ValueKind = 'text' | 'version' | 'date' | 'count';

const VERSION = /^\d+(\.\d+)*$/;
const COUNT = /^\d+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** What a value of this kind must look like, when `text` is not one; undefined when it is fine. */
export function expectedForm(kind: ValueKind, text: string): string | undefined {
  switch (kind) {
    case 'text':
      return undefined;
    case 'version':
      return VERSION.test(text) ? undefined : 'an agent version such as 1.14.5';
    case 'date':
      return parseQueryDate(text) !== undefined ? undefined : 'a date such as 2018-02-13 or 2018-06-18T22:28:28Z';
    case 'count':
      return COUNT.test(text) ? undefined : 'a whole number';
  }
}

/**
 * The sign of actual minus expected (NaN when they cannot be compared). `actual` comes from the instance
 * (dates as epoch seconds), `expected` is the value written in the expression.
 */
export function compareValues(kind: ValueKind, actual: string, expected: string): number {
  switch (kind) {
    case 'text':
      if (NUMBER.test(actual) && NUMBER.test(expected)) return Math.sign(Number(actual) - Number(expected));
      return actual < expected ? -1 : actual > expected ? 1 : 0;
    case 'version':
      return compareVersions(actual, expected);
    case 'date':
      return Math.sign(Number(actual) - (parseQueryDate(expected) ?? NaN));
    case 'count':
      return Math.sign(Number(actual) - Number(expected));
  }
}

export function sameValue(kind: ValueKind, actual: string, expected: string): boolean {
  return kind === 'text' ? actual === expected : compareValues(kind, actual, expected) === 0;
}

/** Dotted versions part by part, missing parts as 0 (1.14 == 1.14.0); a suffix such as "-dev" is ignored. */
function compareVersions(a: string, b: string): number {
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const diff = (Number.parseInt(x[i] ?? '0', 10) || 0) - (Number.parseInt(y[i] ?? '0', 10) || 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}
