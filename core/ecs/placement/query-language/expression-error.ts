import { EcsError } from '../../../kernel/errors.js';

/** Characters of the expression echoed either side of the error, so a 2000-character expression stays readable. */
const CONTEXT = 60;

/**
 * An InvalidParameterException that points at a character of a memberOf expression: the problem, then the
 * expression (or the part around the error) with a caret under it. Positions count from 1.
 */
export function expressionError(source: string, index: number, problem: string, field: string): EcsError {
  const from = Math.max(0, index - CONTEXT);
  const to = Math.min(source.length, index + CONTEXT);
  const prefix = from > 0 ? '…' : '';
  const shown = prefix + source.slice(from, to).replace(/\s/g, ' ') + (to < source.length ? '…' : '');
  const caret = ' '.repeat(prefix.length + index - from) + '^';
  return new EcsError(
    'InvalidParameterException',
    `memberOf expression is invalid at position ${index + 1}: ${problem}\n${shown}\n${caret}`,
    field,
  );
}
