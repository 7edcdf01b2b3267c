// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import QuizQuestion from '../../docs/components/QuizQuestion.vue';
import { byChapter, selectQuestions } from '../../docs/components/quiz-bank.js';
import { isCorrect, score, type QuizQuestion as Question } from '../../docs/components/quiz-question.js';
import { readProgress } from '../../docs/components/progress-store.js';

vi.mock('vitepress', () => ({
  useData: () => ({ theme: ref({ sidebar: [{ text: 'Chapters', items: [{ text: 'Rolling updates', link: '/chapters/rolling-updates' }] }] }) }),
  withBase: (path: string) => path,
}));

const question = (over: Partial<Question>): Question => ({
  id: 'q-1',
  concepts: ['C13'],
  chapter: '/chapters/rolling-updates',
  exams: ['SAA'],
  type: 'single',
  prompt: 'With 4 desired tasks and minimumHealthyPercent 50, how many must stay healthy?',
  choices: ['1', '2', '3', '4'],
  answer: [1],
  explanation: 'ceil(4 × 50 / 100) = 2.',
  ...over,
});

describe('scoring an answer', () => {
  it('is right only with exactly the right choices: half of a multiple answer is wrong', () => {
    const multiple = question({ type: 'multiple', answer: [0, 2] });
    expect(isCorrect(multiple, [2, 0])).toBe(true);
    expect(isCorrect(multiple, [0])).toBe(false);
    expect(isCorrect(multiple, [0, 1, 2])).toBe(false);
    expect(isCorrect(question({}), [1])).toBe(true);
  });

  it('counts right answers and rounds the percentage', () => {
    expect(score([true, false, true])).toEqual({ answered: 3, correct: 2, percent: 67 });
    expect(score([])).toEqual({ answered: 0, correct: 0, percent: 0 });
  });
});

describe('choosing the questions a block asks', () => {
  const bank = [
    question({ id: 'a', concepts: ['C13'], exams: ['SAA'] }),
    question({ id: 'b', concepts: ['C14'], exams: ['DVA'], chapter: '/chapters/circuit-breaker' }),
    question({ id: 'c', concepts: ['C13', 'C20'], exams: ['SOA', 'DVA'] }),
  ];

  it('by id in the order written, or by any of the concepts, or by exam', () => {
    expect(selectQuestions(bank, { ids: 'c, a' }).map((q) => q.id)).toEqual(['c', 'a']);
    expect(selectQuestions(bank, { concepts: 'C14,C20' }).map((q) => q.id)).toEqual(['b', 'c']);
    expect(selectQuestions(bank, { exam: 'DVA' }).map((q) => q.id)).toEqual(['b', 'c']);
    expect(selectQuestions([], { concepts: 'C13' })).toEqual([]);
  });

  it('groups questions by the chapter that teaches them', () => {
    expect(byChapter(bank).map((g) => [g.chapter, g.questions.map((q) => q.id)])).toEqual([
      ['/chapters/rolling-updates', ['a', 'c']],
      ['/chapters/circuit-breaker', ['b']],
    ]);
  });
});

describe('a question on the page', () => {
  beforeEach(() => localStorage.clear());

  it('says right or not, shows the explanation and the chapter, and records the answer', async () => {
    const wrapper = mount(QuizQuestion, { props: { question: question({}) } });
    const check = wrapper.get('[data-testid="quiz-check"]');
    expect(check.attributes('disabled')).toBeDefined();
    await wrapper.findAll('input')[0].setValue(true);
    await check.trigger('click');
    const feedback = wrapper.get('[data-testid="quiz-feedback"]');
    expect(feedback.text()).toContain('Not quite.');
    expect(feedback.text()).toContain('ceil(4 × 50 / 100) = 2.');
    expect(feedback.get('a').attributes('href')).toBe('/chapters/rolling-updates');
    expect(feedback.get('a').text()).toBe('Rolling updates');
    expect(wrapper.findAll('[data-testid="quiz-choice"]').map((c) => c.classes())).toEqual([
      expect.arrayContaining(['wrong']),
      expect.arrayContaining(['right']),
      expect.not.arrayContaining(['right', 'wrong']),
      expect.not.arrayContaining(['right', 'wrong']),
    ]);
    expect(readProgress().quiz['q-1'].correct).toBe(false);
    expect(wrapper.emitted('answered')).toEqual([[false]]);
  });

  it('takes several choices for a multiple-choice question', async () => {
    const wrapper = mount(QuizQuestion, { props: { question: question({ type: 'multiple', answer: [0, 3] }) } });
    const boxes = wrapper.findAll('input[type="checkbox"]');
    expect(boxes).toHaveLength(4);
    await boxes[0].setValue(true);
    await boxes[3].setValue(true);
    await wrapper.get('[data-testid="quiz-check"]').trigger('click');
    expect(wrapper.get('[data-testid="quiz-feedback"]').text()).toContain('Right.');
  });
});
