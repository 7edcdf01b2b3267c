// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSSRApp, h, nextTick, ref } from 'vue';
import { renderToString } from 'vue/server-renderer';
import QuizQuestion from '../../docs/components/QuizQuestion.vue';
import { selectQuestions } from '../../docs/components/quiz-bank.js';
import { answerText, isCorrect, score, type QuizQuestion as Question } from '../../docs/components/quiz-question.js';
import { choiceOrder, SEED_KEY } from '../../docs/components/quiz-shuffle.js';
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
    expect(isCorrect(multiple, [0, 0])).toBe(false);
    expect(isCorrect(question({}), [1])).toBe(true);
  });

  it('is right for an ordering only in the right order, and for a matching only with every item right', () => {
    const ordering = question({ type: 'ordering', choices: ['b', 'c', 'a'], answer: [2, 0, 1] });
    expect(isCorrect(ordering, [2, 0, 1])).toBe(true);
    expect(isCorrect(ordering, [0, 2, 1])).toBe(false);
    expect(answerText(ordering)).toEqual(['1. a', '2. b', '3. c']);
    const matching = question({ type: 'matching', items: ['x', 'y', 'z'], choices: ['one', 'two'], answer: [1, 0, 1] });
    expect(isCorrect(matching, [1, 0, 1])).toBe(true);
    expect(isCorrect(matching, [1, 0, 0])).toBe(false);
    expect(isCorrect(matching, [1, 0])).toBe(false);
    expect(answerText(matching, [0, 0, -1])).toEqual(['x → one', 'y → one', 'z → (none)']);
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
});

describe('a question on the page', () => {
  beforeEach(() => localStorage.clear());

  /** The choice that is `choices[index]`, wherever the shuffle put it. */
  const choice = (wrapper: ReturnType<typeof mount>, index: number) => wrapper.get(`[data-testid="quiz-choice"][data-choice="${index}"]`);
  const shown = (wrapper: ReturnType<typeof mount>) => wrapper.findAll('[data-testid="quiz-choice"]').map((c) => Number(c.attributes('data-choice')));

  it('says right or not, shows the explanation and the chapter, and records the answer', async () => {
    const wrapper = mount(QuizQuestion, { props: { question: question({}), seed: 'test' } });
    await nextTick();
    const check = wrapper.get('[data-testid="quiz-check"]');
    expect(check.attributes('disabled')).toBeDefined();
    await choice(wrapper, 0).get('input').setValue(true);
    await check.trigger('click');
    const feedback = wrapper.get('[data-testid="quiz-feedback"]');
    expect(feedback.text()).toContain('Not quite.');
    expect(feedback.text()).toContain('ceil(4 × 50 / 100) = 2.');
    expect(feedback.get('a').attributes('href')).toBe('/chapters/rolling-updates');
    expect(feedback.get('a').text()).toBe('Rolling updates');
    expect([0, 1, 2, 3].map((i) => choice(wrapper, i).classes())).toEqual([
      expect.arrayContaining(['wrong']),
      expect.arrayContaining(['right']),
      expect.not.arrayContaining(['right', 'wrong']),
      expect.not.arrayContaining(['right', 'wrong']),
    ]);
    expect(readProgress().quiz['q-1'].correct).toBe(false);
    expect(wrapper.emitted('answered')).toEqual([[false, [0]]]);
  });

  it('takes several choices for a multiple-choice question, and says how many', async () => {
    const wrapper = mount(QuizQuestion, { props: { question: question({ type: 'multiple', answer: [0, 3] }), seed: 'test' } });
    await nextTick();
    expect(wrapper.get('.kind').text()).toBe('choose 2');
    expect(wrapper.findAll('input[type="checkbox"]')).toHaveLength(4);
    await choice(wrapper, 3).get('input').setValue(true);
    await choice(wrapper, 0).get('input').setValue(true);
    await wrapper.get('[data-testid="quiz-check"]').trigger('click');
    expect(wrapper.get('[data-testid="quiz-feedback"]').text()).toContain('Right.');
    expect(wrapper.emitted('answered')).toEqual([[true, [0, 3]]]);
  });

  it('shows the choices in the learner’s seeded order and checks the answer by identity, not position', async () => {
    const q = question({ id: 'q-shuffled', choices: ['one', 'two', 'three', 'four'], answer: [2] });
    const seeds = ['a', 'b', 'c', 'd', 'e', 'f'];
    const orders = new Set<string>();
    for (const seed of seeds) {
      const wrapper = mount(QuizQuestion, { props: { question: q, seed } });
      await nextTick();
      expect(shown(wrapper)).toEqual(choiceOrder(q, seed));
      orders.add(shown(wrapper).join());
      await choice(wrapper, 2).get('input').setValue(true);
      await wrapper.get('[data-testid="quiz-check"]').trigger('click');
      expect(wrapper.get('[data-testid="quiz-feedback"]').text()).toContain('Right.');
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('uses the learner seed from localStorage when no seed is given, and links to the same order', async () => {
    localStorage.setItem(SEED_KEY, 'kept-seed');
    const q = question({ id: 'q-kept' });
    const wrapper = mount(QuizQuestion, { props: { question: q } });
    await nextTick();
    expect(shown(wrapper)).toEqual(choiceOrder(q, 'kept-seed'));
    await choice(wrapper, 1).get('input').setValue(true);
    await wrapper.get('[data-testid="quiz-check"]').trigger('click');
    expect(wrapper.get('[data-testid="quiz-permalink"]').attributes('href')).toBe('/quizzes?seed=kept-seed#q-kept');
  });

  it('keeps a choice ticked before the page came alive', async () => {
    const q = question({ id: 'q-early' });
    const app = () => createSSRApp({ render: () => h(QuizQuestion, { question: q, seed: 'test' }) });
    const container = document.createElement('div');
    container.innerHTML = await renderToString(app());
    document.body.append(container);
    // Server-rendered in the file's order; the learner ticks the right answer before hydration.
    const early = container.querySelector<HTMLInputElement>('input[data-choice="1"]')!;
    early.checked = true;
    const live = app();
    // Vue (in development) notes that the ticked box and the enabled Check differ from the server's HTML: that is the point.
    live.config.warnHandler = () => {};
    live.mount(container);
    await nextTick();
    await nextTick();
    expect([...container.querySelectorAll('[data-testid="quiz-choice"]')].map((c) => Number(c.getAttribute('data-choice')))).toEqual(choiceOrder(q, 'test'));
    const check = container.querySelector<HTMLButtonElement>('[data-testid="quiz-check"]')!;
    expect(check.disabled).toBe(false);
    check.click();
    await nextTick();
    expect(container.querySelector('[data-testid="quiz-feedback"]')!.textContent).toContain('Right.');
    container.remove();
  });

  it('answers an ordering question by moving steps up and down', async () => {
    const q = question({ id: 'q-order', type: 'ordering', choices: ['second', 'third', 'first'], answer: [2, 0, 1] });
    const wrapper = mount(QuizQuestion, { props: { question: q, seed: 'test' }, attachTo: document.body });
    await nextTick();
    const steps = () => wrapper.findAll('[data-testid="quiz-step"]').map((s) => Number(s.attributes('data-choice')));
    expect(steps()).toEqual(choiceOrder(q, 'test'));
    expect(steps()).not.toEqual(q.answer);
    // Bubble each step into its place with the buttons a learner would press.
    for (let target = 0; target < q.answer.length; target++) {
      let at = steps().indexOf(q.answer[target]);
      while (at > target) {
        await wrapper.findAll('[data-testid="quiz-step"]')[at].get('button.up').trigger('click');
        at--;
      }
    }
    expect(steps()).toEqual(q.answer);
    expect(wrapper.get('[aria-live="polite"]').text()).toMatch(/is now step \d of 3/);
    await wrapper.get('[data-testid="quiz-check"]').trigger('click');
    expect(wrapper.get('[data-testid="quiz-feedback"]').text()).toContain('Right.');
    wrapper.unmount();
  });

  it('shows the right order when an ordering is wrong', async () => {
    const q = question({ id: 'q-order-2', type: 'ordering', choices: ['second', 'third', 'first'], answer: [2, 0, 1] });
    const wrapper = mount(QuizQuestion, { props: { question: q, seed: 'test' } });
    await nextTick();
    const first = Number(wrapper.findAll('[data-testid="quiz-step"]')[0].attributes('data-choice'));
    if (first === 2) await wrapper.findAll('[data-testid="quiz-step"]')[0].get('button.down').trigger('click');
    await wrapper.get('[data-testid="quiz-check"]').trigger('click');
    const feedback = wrapper.get('[data-testid="quiz-feedback"]').text();
    expect(feedback).toContain('Not quite.');
    expect(feedback).toContain('1. first');
    expect(feedback).toContain('3. third');
  });

  it('answers a matching question with a choice for every item', async () => {
    const q = question({ id: 'q-match', type: 'matching', items: ['pull fails', 'app denied'], choices: ['task role', 'execution role'], answer: [1, 0] });
    const wrapper = mount(QuizQuestion, { props: { question: q, seed: 'test' } });
    await nextTick();
    const selects = wrapper.findAll('select');
    expect(selects).toHaveLength(2);
    expect(wrapper.get('label[for]').text()).toBe('pull fails');
    await selects[0].setValue('1');
    expect(wrapper.get('[data-testid="quiz-check"]').attributes('disabled')).toBeDefined();
    await selects[1].setValue('1');
    await wrapper.get('[data-testid="quiz-check"]').trigger('click');
    const feedback = wrapper.get('[data-testid="quiz-feedback"]').text();
    expect(feedback).toContain('Not quite.');
    expect(feedback).toContain('app denied → task role');
    expect(wrapper.emitted('answered')).toEqual([[false, [1, 1]]]);
  });
});
