import { invalidParameter } from '../kernel/errors.js';

/**
 * CloudWatch Logs filter patterns for unstructured lines: `ERROR Exception` (every term), `?ERROR ?WARN`
 * (any of them), `"Out of memory"` (a phrase), `ERROR -retry` (leave out lines with "retry"). Terms are
 * case-sensitive; an empty pattern matches everything. JSON (`{ $.x = 1 }`) and space-delimited (`[a, b]`)
 * patterns are not modelled and are refused. Pure.
 */
export interface FilterPattern {
  all: string[];
  any: string[];
  none: string[];
}

export function parseFilterPattern(text: string): FilterPattern {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    throw invalidParameter('filterPattern: the simulator supports term patterns only (ERROR, ?ERROR ?WARN, "a phrase", -term), not JSON or space-delimited patterns.', 'filterPattern');
  }
  const pattern: FilterPattern = { all: [], any: [], none: [] };
  for (const match of trimmed.matchAll(/([?-]?)(?:"([^"]*)"|(\S+))/g)) {
    const term = match[2] ?? match[3];
    if (term === '') continue;
    (match[1] === '?' ? pattern.any : match[1] === '-' ? pattern.none : pattern.all).push(term);
  }
  return pattern;
}

export function matchesFilterPattern(pattern: FilterPattern, message: string): boolean {
  if (pattern.none.some((t) => message.includes(t))) return false;
  if (pattern.any.length > 0 && !pattern.any.some((t) => message.includes(t))) return false;
  return pattern.all.every((t) => message.includes(t));
}
