import fc from 'fast-check';

/**
 * Values no well-behaved caller sends: wrong types, edge numbers, strings that break naive code
 * (RTL overrides, combining marks, NUL, lone surrogates, 100 000 characters), huge arrays, and objects
 * whose keys are prototype-pollution attempts (made with JSON.parse, which keeps "__proto__" an own key
 * the way a request body arriving as JSON would).
 */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'web\u0000:1',
  '\u202Eevil\u202C',
  'e\u0301\u0301\u0301',
  '\uD800',
  'a\uDFFFb',
  '🚀🧨',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'arn:',
  'arn:aws:ecs:us-east-1:123456789012:task/',
  '../../etc/passwd',
  '%s%n',
  '${7*7}',
  'x'.repeat(100_000),
  'web:99999999999999999999',
  'web:-1',
  'web:1.5',
  'NaN',
  '-0',
] as const;

export const NASTY_NUMBERS = [-1, -0, 0.5, NaN, Infinity, -Infinity, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 31), 5001, 1e-300] as const;

const pollutingObjects = [
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"__proto__":[]}',
  '{"toString":"x","valueOf":1}',
].map((json) => () => JSON.parse(json) as unknown);

/** Made once: each case gets a copy (a fresh 10,000-string list per case was a fifth of a fuzz run's time). */
const HUGE_LIST = Array.from({ length: 10_000 }, (_, i) => `item-${i}`);

export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, true, false, [], {}),
  fc.constantFrom(...NASTY_STRINGS),
  fc.constantFrom(...NASTY_NUMBERS),
  fc.constantFrom(...pollutingObjects).map((make) => make()),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.constant(null).map(() => HUGE_LIST.slice()),
);

/** Any JSON-like value, nested a little, with hostile leaves. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileLeaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'cluster', 'service', 'family', 'x'), fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A path into a request and what to do there: replace the value, drop the key, or add an unknown key. */
export type Mutation = { kind: 'replace'; path: string[]; value: unknown } | { kind: 'delete'; path: string[] } | { kind: 'unknownField'; path: string[]; key: string; value: unknown };

function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  return [prefix, ...Object.keys(value).flatMap((k) => pathsOf((value as Record<string, unknown>)[k], [...prefix, k]))];
}

export function mutation(base: unknown): fc.Arbitrary<Mutation> {
  const paths = pathsOf(base);
  const path = fc.constantFrom(...paths);
  return fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), path, value: hostileValue }),
    fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...paths.filter((p) => p.length > 0).concat([[]])) }),
    fc.record({ kind: fc.constant('unknownField' as const), path, key: fc.constantFrom('__proto__', 'constructor', 'bogus', 'clusterr', 'ServiceName'), value: hostileValue }),
  );
}

const setOwn = (target: object, key: string, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

/** Arrays and plain objects copied deeply, anything else (functions among them) shared. */
function deepCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(deepCopy);
  if (value === null || typeof value !== 'object') return value;
  const copy = {};
  for (const [k, v] of Object.entries(value)) setOwn(copy, k, deepCopy(v));
  return copy;
}

/** A deep copy of `base` with the mutation applied; own keys are set with defineProperty so "__proto__" stays a key. */
export function mutate(base: unknown, m: Mutation): unknown {
  const copy = deepCopy(base);
  if (m.path.length === 0 && m.kind === 'replace') return m.value;
  if (m.path.length === 0 && m.kind === 'delete') return undefined;
  let parent: unknown = copy;
  const steps = m.kind === 'unknownField' ? m.path : m.path.slice(0, -1);
  for (const key of steps) parent = (parent as Record<string, unknown>)[key];
  if (parent === null || typeof parent !== 'object') return copy;
  // JSON cannot give a list extra keys (and one named "constructor" breaks Array methods everywhere, fast-check's printer too).
  if (m.kind === 'unknownField' && Array.isArray(parent)) return copy;
  const target = parent as Record<string, unknown>;
  if (m.kind === 'replace') setOwn(target, m.path.at(-1)!, m.value);
  else if (m.kind === 'delete') delete target[m.path.at(-1)!];
  else setOwn(target, m.key, m.value);
  return copy;
}
