import type { QuizQuestion } from './quiz-question.js';

/**
 * Choice order per learner. Every learner gets a seed of their own (kept in this browser's localStorage), and
 * each question's choices are shuffled by that seed and the question's id: the same learner sees the same
 * order on every visit, another learner another order, and the position of the right answer says nothing.
 * A permalink or an exam review carries the seed (`?seed=...`), so it shows the order the learner saw.
 * Answers are always kept as indexes into the question's own `choices` (identity), never as positions.
 */
export const SEED_KEY = 'ecs-lab:quiz-seed';
export const SEED_PARAM = 'seed';

/** FNV-1a, 32 bits: a stable number for a string. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A permutation of 0..n-1 (Fisher–Yates), the same for the same seed. */
export function seededPermutation(n: number, seed: string | number): number[] {
  const random = seededRandom(typeof seed === 'number' ? seed : hashString(seed));
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

export function seededShuffle<T>(items: readonly T[], seed: string | number): T[] {
  return seededPermutation(items.length, seed).map((i) => items[i]);
}

/**
 * The order a learner with `seed` sees a question's choices in, as indexes into `choices`. An ordering
 * question never starts in its right order (that would answer it): it is then turned by one place.
 */
export function choiceOrder(question: Pick<QuizQuestion, 'id' | 'type' | 'choices' | 'answer'>, seed: string): number[] {
  const order = seededPermutation(question.choices.length, `${seed}:${question.id}`);
  if (question.type === 'ordering' && order.length > 1 && order.every((c, i) => c === question.answer[i])) order.push(order.shift()!);
  return order;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** A new random seed: 8 hex digits. */
export function newSeed(): string {
  const bytes = new Uint32Array(1);
  if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(bytes);
  else bytes[0] = Math.floor(Math.random() * 4294967296);
  return bytes[0].toString(16).padStart(8, '0');
}

/** A seed as a URL may carry it: letters, digits and dashes, at most 40. */
export const isSeed = (value: unknown): value is string => typeof value === 'string' && /^[\w-]{1,40}$/.test(value);

/** This browser's learner seed, made and kept the first time it is asked for. */
export function learnerSeed(): string {
  const store = storage();
  try {
    const kept = store?.getItem(SEED_KEY);
    if (isSeed(kept)) return kept;
    const seed = newSeed();
    store?.setItem(SEED_KEY, seed);
    return seed;
  } catch {
    return newSeed();
  }
}

/** The seed a page shows its questions with: a permalink's `?seed=`, else the learner's own. */
export function pageSeed(search: string = globalThis.location?.search ?? ''): string {
  const fromUrl = new URLSearchParams(search).get(SEED_PARAM);
  return isSeed(fromUrl) ? fromUrl : learnerSeed();
}
