// @vitest-environment happy-dom
import { mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick, ref } from 'vue';
import ExamPrep from '../../docs/components/ExamPrep.vue';
import { loadSession, SESSION_KEY, startSession } from '../../docs/components/exam-session.js';
import { QUESTIONS } from '../../docs/components/quiz-bank.js';

vi.mock('vitepress', () => ({
  useData: () => ({
    theme: ref({ sidebar: [{ text: 'Chapters', items: [{ text: 'Rolling updates', link: '/chapters/rolling-updates' }] }] }),
  }),
  withBase: (path: string) => path,
}));

const byId = new Map(QUESTIONS.map((q) => [q.id, q]));
let wrapper: VueWrapper | undefined;

async function open(): Promise<VueWrapper> {
  wrapper = mount(ExamPrep, { attachTo: document.body });
  await nextTick();
  await nextTick();
  return wrapper;
}

async function startWith(w: VueWrapper, exam: string, count = '10', timer = false) {
  await w.get(`[data-testid="exam-${exam}"]`).setValue(true);
  await w.get('[data-testid="exam-count"]').setValue(count);
  await w.get('[data-testid="exam-timer-on"]').setValue(timer);
  await w.get('[data-testid="exam-setup"]').trigger('submit');
  await nextTick();
  await nextTick();
}

const currentId = (w: VueWrapper) => w.get('[data-testid="exam-session"] [data-testid="quiz-question"]').attributes('data-question-id')!;

/** Answers the question on screen, right or wrong, by its choices' identity. */
async function answer(w: VueWrapper, right: boolean) {
  const q = byId.get(currentId(w))!;
  const picks = right ? q.answer : [q.choices.findIndex((_, i) => !q.answer.includes(i))];
  for (const i of picks) await w.get(`[data-testid="exam-session"] [data-choice="${i}"] input`).setValue(true);
  await w.get('[data-testid="exam-session"] [data-testid="quiz-check"]').trigger('click');
  await nextTick();
}

beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '/exam-prep');
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

describe('exam mode', () => {
  it('offers SOA-C03, not SOA-C02, with the size of each pool', async () => {
    const w = await open();
    const text = w.get('[data-testid="exam-setup"]').text();
    expect(text).toContain('SOA-C03');
    expect(text).toContain('CloudOps Engineer – Associate');
    expect(text).not.toContain('SOA-C02');
    expect(text).toMatch(/\d+ questions in the bank/);
    expect(w.find('[data-testid="exam-session"]').exists()).toBe(false);
  });

  it('asks one question at a time with the score in view, then breaks the score down by domain and reviews the wrong ones', async () => {
    const w = await open();
    await startWith(w, 'SOA');
    expect(w.get('[data-testid="exam-session"]').attributes('data-exam')).toBe('SOA');
    expect(w.findAll('[data-testid="exam-session"] [data-testid="quiz-question"]')).toHaveLength(1);
    expect(w.get('[data-testid="exam-progress"]').text()).toBe('Question 1 of 10');
    expect(w.find('[data-testid="exam-timer"]').exists()).toBe(false);
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) {
      seen.add(currentId(w));
      expect(w.find('[data-testid="exam-next"]').exists()).toBe(false);
      await answer(w, i % 2 === 0);
      expect(w.get('[data-testid="exam-score"]').text()).toContain(`${Math.floor(i / 2) + 1} of ${i + 1}`);
      await w.get('[data-testid="exam-next"]').trigger('click');
      await nextTick();
    }
    expect(seen.size).toBe(10);
    expect(w.get('[data-testid="exam-result"]').text()).toContain('5 of 10');
    const domains = w.findAll('[data-testid="exam-domain"]');
    expect(domains.map((d) => d.attributes('data-domain'))).toEqual(['monitoring', 'reliability', 'deployment', 'security', 'networking']);
    expect(w.get('[data-testid="exam-domains"]').text()).toContain('Reliability and Business Continuity');
    const review = w.findAll('[data-testid="exam-review-item"]');
    expect(review).toHaveLength(5);
    for (const item of review) {
      const q = byId.get(item.attributes('data-question-id')!)!;
      expect(item.text()).toContain(q.explanation);
      expect(item.text()).toContain('Right answer:');
      expect(item.get('a').attributes('href')).toBe(q.chapter);
    }
    // Finished sessions are kept (a reload shows the results) until a new one starts.
    expect(loadSession(QUESTIONS)?.finishedBy).toBe('answered');
    await w.get('[data-testid="exam-again"]').trigger('click');
    expect(w.find('[data-testid="exam-session"]').exists()).toBe(false);
  });

  it('shows a timer at two minutes a question when asked', async () => {
    const w = await open();
    await startWith(w, 'DVA', '10', true);
    expect(w.get('[data-testid="exam-timer"]').text()).toMatch(/^⏱ (20:00|19:5\d) left of 20 min$/);
  });

  it('asks before a new session replaces the one under way, and keeps it if told to', async () => {
    const w = await open();
    await startWith(w, 'SOA');
    await answer(w, true);
    const first = currentId(w);
    await startWith(w, 'DVA');
    const confirm = w.get('[data-testid="exam-confirm"]');
    expect(confirm.attributes('role')).toBe('alertdialog');
    expect(confirm.text()).toContain('SOA-C03 session is at question 1 of 10, with 1 of 1 right');
    expect(confirm.text()).toContain('new DVA-C02 session');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('exam-confirm-keep');
    await w.get('[data-testid="exam-confirm-keep"]').trigger('click');
    expect(w.find('[data-testid="exam-confirm"]').exists()).toBe(false);
    expect(currentId(w)).toBe(first);
    await startWith(w, 'DVA');
    await w.get('[data-testid="exam-confirm-discard"]').trigger('click');
    await nextTick();
    expect(w.get('[data-testid="exam-session"]').attributes('data-exam')).toBe('DVA');
  });

  it('resumes a saved session on the next visit, and asks the browser to confirm leaving while one is under way', async () => {
    let session = startSession({ bank: QUESTIONS, exam: 'SOA', count: 10, seed: 'abc', timed: false, now: Date.now() });
    const first = byId.get(session.questionIds[0])!;
    session = { ...session, answers: { [first.id]: { chosen: first.answer, correct: true } } };
    localStorage.setItem(SESSION_KEY, JSON.stringify(session));
    const w = await open();
    expect(w.get('[data-testid="exam-resumed"]').text()).toContain('Resumed');
    expect(w.get('[data-testid="exam-progress"]').text()).toBe('Question 2 of 10');
    expect(w.get('[data-testid="exam-score"]').text()).toContain('1 of 1');
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);
    await w.get('[data-testid="exam-end"]').trigger('click');
    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });

  it('starts the session a form submitted before the page came alive asked for', async () => {
    history.replaceState(null, '', '/exam-prep?start=1&exam=SAA&count=20&timer=on');
    const w = await open();
    expect(w.get('[data-testid="exam-session"]').attributes('data-exam')).toBe('SAA');
    expect(w.get('[data-testid="exam-progress"]').text()).toBe('Question 1 of 20');
    expect(w.find('[data-testid="exam-timer"]').exists()).toBe(true);
    // The address is tidied, so a reload resumes rather than starting again.
    expect(location.search).toBe('');
  });
});
