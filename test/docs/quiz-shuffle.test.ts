// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { choiceOrder, hashString, learnerSeed, pageSeed, SEED_KEY, seededPermutation, seededShuffle } from '../../docs/components/quiz-shuffle.js';
import type { QuizQuestion } from '../../docs/components/quiz-question.js';

const question = (id: string, over: Partial<QuizQuestion> = {}): QuizQuestion => ({
  id,
  concepts: ['C13'],
  chapter: '/chapters/rolling-updates',
  exams: ['SOA'],
  type: 'single',
  prompt: 'p',
  choices: ['a', 'b', 'c', 'd'],
  answer: [1],
  explanation: 'e',
  ...over,
});

const isPermutation = (order: number[], n: number) => order.length === n && [...order].sort((a, b) => a - b).every((v, i) => v === i);

describe('a seeded shuffle', () => {
  it('is a permutation of every index, for any length', () => {
    for (const n of [0, 1, 2, 4, 5, 9]) for (const seed of ['a', 'b', 'learner-42']) expect(isPermutation(seededPermutation(n, seed), n)).toBe(true);
  });

  it('is the same for the same seed, every time', () => {
    expect(seededPermutation(8, 'seed-1')).toEqual(seededPermutation(8, 'seed-1'));
    expect(seededShuffle(['w', 'x', 'y', 'z'], 7)).toEqual(seededShuffle(['w', 'x', 'y', 'z'], 7));
    expect(hashString('seed-1')).toBe(hashString('seed-1'));
  });

  it('differs between seeds', () => {
    const orders = new Set(Array.from({ length: 40 }, (_, i) => seededPermutation(4, `learner-${i}`).join('')));
    // 24 orders of 4 choices: 40 learners see many of them, not one.
    expect(orders.size).toBeGreaterThan(10);
  });

  it('puts the right answer in every position about equally often', () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 2000; i++) counts[choiceOrder(question(`q-${i}`), 'one-learner').indexOf(1)]++;
    for (const c of counts) expect(c).toBeGreaterThan(400);
  });

  it('orders one learner’s questions differently from one another, and another learner’s differently again', () => {
    const a = choiceOrder(question('q-1'), 'learner-a');
    expect(choiceOrder(question('q-1'), 'learner-a')).toEqual(a);
    const mine = Array.from({ length: 20 }, (_, i) => choiceOrder(question(`q-${i}`), 'learner-a').join(''));
    const theirs = Array.from({ length: 20 }, (_, i) => choiceOrder(question(`q-${i}`), 'learner-b').join(''));
    expect(new Set(mine).size).toBeGreaterThan(5);
    expect(mine).not.toEqual(theirs);
  });

  it('never shows an ordering question already in its right order', () => {
    for (let i = 0; i < 300; i++) {
      const q = question(`q-${i}`, { type: 'ordering', choices: ['a', 'b', 'c'], answer: [2, 0, 1] });
      const order = choiceOrder(q, 'seed');
      expect(isPermutation(order, 3)).toBe(true);
      expect(order).not.toEqual(q.answer);
    }
  });
});

describe('the learner seed', () => {
  beforeEach(() => localStorage.clear());

  it('is made once and kept in localStorage', () => {
    const seed = learnerSeed();
    expect(seed).toMatch(/^[0-9a-f]{8}$/);
    expect(localStorage.getItem(SEED_KEY)).toBe(seed);
    expect(learnerSeed()).toBe(seed);
  });

  it('gives way to a permalink’s ?seed=, which shows the order its author saw', () => {
    localStorage.setItem(SEED_KEY, 'mine');
    expect(pageSeed('')).toBe('mine');
    expect(pageSeed('?seed=theirs')).toBe('theirs');
    // Anything that is not a seed is ignored.
    expect(pageSeed('?seed=%3Cscript%3E')).toBe('mine');
  });
});
