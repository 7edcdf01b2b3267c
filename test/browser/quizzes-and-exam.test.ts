import { readdirSync, readFileSync } from 'node:fs';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../docs/components/quiz-question.js';
import { choiceOrder, SEED_KEY } from '../../docs/components/quiz-shuffle.js';
import { axeFor } from './axe-builder.js';
import { browserSession, expectCleanPage } from './browser-session.js';
import { siteAlive } from './page-ready.js';

/**
 * The quizzes and the exam mode as a learner meets them: the Quizzes link in the top navigation, choices in a
 * seeded order of the learner's own, an exam session (timer off) to its per-domain breakdown and review, the
 * prompt before a reload loses a session, and a Start clicked before the page has come alive.
 */
const session = browserSession();
const DIR = 'docs/quiz/questions/';
const bank: QuizQuestion[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(DIR + f, 'utf8')) as QuizQuestion[]);
const byId = new Map(bank.map((q) => [q.id, q]));

/** axe over the exam's part of the page: the rest of it is the static page the site crawl checks. */
async function noAxeViolations(page: Page): Promise<void> {
  const violations = (await axeFor(page).include('.exam-prep').analyze()).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(' | ')})`);
  expect(violations).toEqual([]);
}

/** A learner's browser with their own quiz seed already kept. */
async function learner(seed: string) {
  const watched = await session.open();
  await watched.page.context().addInitScript(([key, value]) => localStorage.setItem(key, value), [SEED_KEY, seed] as const);
  return watched;
}

/** The choices of a question, as the indexes into its file's choices, in the order on screen. */
const shownOrder = (page: Page, id: string) =>
  page.locator(`[data-question-id="${id}"] [data-testid="quiz-choice"]`).evaluateAll((labels) => labels.map((l) => Number(l.getAttribute('data-choice'))));

/** Waits until the page has come alive and shuffled the question's choices into `order`. */
async function waitForOrder(page: Page, id: string, order: number[]): Promise<void> {
  await page.waitForFunction(
    ([qid, expected]) =>
      JSON.stringify([...document.querySelectorAll(`[data-question-id="${qid}"] [data-testid="quiz-choice"]`)].map((l) => Number(l.getAttribute('data-choice')))) ===
      JSON.stringify(expected),
    [id, order] as const,
  );
}

// Plain single-answer questions whose order differs between the two learners used below, and from the file's.
const plain = bank.filter((q) => q.type === 'single' && q.choices.length === 4);
const identity = [0, 1, 2, 3].join();
const shuffled = plain.find(
  (q) => choiceOrder(q, 'learner-one').join() !== identity && choiceOrder(q, 'learner-one').join() !== choiceOrder(q, 'learner-two').join(),
)!;

/** Answers the exam question on screen, right or wrong, by clicking its choices by their text. */
async function answerExamQuestion(page: Page, right: boolean): Promise<QuizQuestion> {
  const card = page.getByTestId('exam-session').getByTestId('quiz-question');
  const q = byId.get((await card.getAttribute('data-question-id'))!)!;
  const picks = right ? q.answer : [q.choices.findIndex((_, i) => !q.answer.includes(i))];
  for (const i of picks) await card.getByTestId('quiz-choice').filter({ hasText: q.choices[i] }).first().click();
  await card.getByTestId('quiz-check').click();
  await card.getByTestId('quiz-feedback').waitFor();
  return q;
}

/** The exam page, come alive: Start is handled in the page, not sent as a form. */
async function openExamPrep(page: Page): Promise<void> {
  await page.goto(`${session.url}/exam-prep`);
  await page.locator('.exam-prep[data-ready]').waitFor();
}

async function startExam(page: Page, exam: 'SOA' | 'SAA' | 'DVA', count: string) {
  await page.getByTestId(`exam-${exam}`).check();
  await page.getByTestId('exam-count').selectOption(count);
  await page.getByTestId('exam-timer-on').setChecked(false);
  await page.getByTestId('exam-start').click();
}

describe.skipIf(!session.available)('quizzes and exam mode', () => {
  it('has Quizzes in the top navigation, grouped in learning-path order, and Coverage under Instructors', async () => {
    const watched = await session.open();
    const { page } = watched;
    await page.goto(`${session.url}/`);
    await siteAlive(page);
    const nav = page.locator('.VPNavBar');
    expect(await nav.getByRole('link', { name: 'Coverage', exact: true }).isVisible()).toBe(false);
    await nav.getByRole('button', { name: 'Instructors' }).click();
    await nav.getByRole('link', { name: 'Coverage', exact: true }).waitFor({ state: 'visible' });
    await nav.getByRole('link', { name: 'Quizzes', exact: true }).click();
    await page.waitForURL(/\/quizzes/);
    await page.getByTestId('quiz-topic').first().waitFor();

    const sidebar = await page.locator('.VPSidebar a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname.replace(/\.html$/, '')));
    const chapters = await page
      .getByTestId('quiz-topic')
      .evaluateAll((sections) => sections.map((s) => (s.querySelector('p a') as HTMLAnchorElement).pathname.replace(/\.html$/, '')));
    expect(chapters.length).toBeGreaterThan(10);
    const positions = chapters.map((c) => sidebar.indexOf(c));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expectCleanPage(watched);
  });

  it('shows each learner the choices in an order of their own, kept across visits and in a permalink, and checks by identity', async () => {
    const one = await learner('learner-one');
    const mine = choiceOrder(shuffled, 'learner-one');
    // Each chapter's questions load as the learner reaches them: this one is reached by its link.
    await one.page.goto(`${session.url}/quizzes#${shuffled.id}`);
    await waitForOrder(one.page, shuffled.id, mine);
    const card = one.page.locator(`[data-question-id="${shuffled.id}"]`);
    expect(await card.getByTestId('quiz-choice').allTextContents()).toEqual(mine.map((i) => shuffled.choices[i]));

    // The right answer, found by its text wherever it sits.
    await card.getByTestId('quiz-choice').filter({ hasText: shuffled.choices[shuffled.answer[0]] }).first().click();
    await card.getByTestId('quiz-check').click();
    expect(await card.getByTestId('quiz-feedback').locator('.verdict').textContent()).toContain('Right.');
    const permalink = await card.getByTestId('quiz-permalink').getAttribute('href');
    expect(permalink).toContain(`seed=learner-one#${shuffled.id}`);

    await one.page.reload();
    await waitForOrder(one.page, shuffled.id, mine);

    // Another learner sees another order, unless they follow the first one's permalink.
    const two = await learner('learner-two');
    await two.page.goto(`${session.url}/quizzes#${shuffled.id}`);
    await waitForOrder(two.page, shuffled.id, choiceOrder(shuffled, 'learner-two'));
    expect(await shownOrder(two.page, shuffled.id)).not.toEqual(mine);
    await two.page.goto(`${session.url}${permalink}`);
    await waitForOrder(two.page, shuffled.id, mine);
    expectCleanPage(one);
    expectCleanPage(two);
  });

  it('runs an exam session one question at a time, then shows the score per domain and reviews the wrong answers', async () => {
    const watched = await session.open();
    const { page } = watched;
    await openExamPrep(page);
    expect(await page.locator('.vp-doc').textContent()).toContain('SOA-C03');
    await startExam(page, 'SOA', '10');
    await expect.poll(() => page.getByTestId('exam-progress').textContent()).toBe('Question 1 of 10');
    expect(await page.getByTestId('exam-timer').count()).toBe(0);
    expect(await page.getByTestId('exam-session').getByTestId('quiz-question').count()).toBe(1);

    const asked = new Set<string>();
    const chapters = new Set<string>();
    for (let i = 0; i < 10; i++) {
      await page.getByTestId('exam-progress').filter({ hasText: `Question ${i + 1} of 10` }).waitFor();
      const q = await answerExamQuestion(page, i % 2 === 0);
      asked.add(q.id);
      chapters.add(q.chapter);
      expect(await page.getByTestId('exam-score').textContent()).toContain(`${Math.floor(i / 2) + 1} of ${i + 1}`);
      if (i === 1) {
        // The score stays in view while the learner reads down the page.
        await page.getByTestId('exam-next').scrollIntoViewIfNeeded();
        const box = (await page.getByTestId('exam-status').boundingBox())!;
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
        await noAxeViolations(page);
      }
      await page.getByTestId('exam-next').click();
    }
    expect(asked.size).toBe(10);
    expect(chapters.size).toBeGreaterThanOrEqual(6);

    expect(await page.getByTestId('exam-result').textContent()).toMatch(/5 of 10\s+right/);
    expect(await page.getByTestId('exam-domain').count()).toBe(5);
    expect(await page.getByTestId('exam-domains').textContent()).toContain('Networking and Content Delivery');
    const review = page.getByTestId('exam-review-item');
    expect(await review.count()).toBe(5);
    const first = byId.get((await review.first().getAttribute('data-question-id'))!)!;
    expect(await review.first().textContent()).toContain(first.explanation);
    await noAxeViolations(page);
    await review.first().getByRole('link').click();
    await page.waitForURL(new RegExp(`${first.chapter}(\\.html)?$`));
    expectCleanPage(watched);
  });

  it('asks before a reload or another session would lose a session, and resumes it after the reload', async () => {
    const watched = await session.open();
    const { page } = watched;
    await openExamPrep(page);
    await startExam(page, 'DVA', '10');
    await answerExamQuestion(page, true);
    await page.getByTestId('exam-next').click();
    await page.getByTestId('exam-progress').filter({ hasText: 'Question 2 of 10' }).waitFor();

    // Another session: the page asks, and "keep" keeps.
    await startExam(page, 'SOA', '20');
    await page.getByTestId('exam-confirm').waitFor();
    expect(await page.getByTestId('exam-confirm').textContent()).toContain('DVA-C02 session is at question 2 of 10');
    await page.getByTestId('exam-confirm-keep').click();
    expect(await page.getByTestId('exam-session').getAttribute('data-exam')).toBe('DVA');

    // A reload: the browser asks first. Staying keeps the page as it is.
    const stay = page.waitForEvent('dialog');
    void page.evaluate(() => setTimeout(() => location.reload(), 0));
    const asked = await stay;
    expect(asked.type()).toBe('beforeunload');
    await asked.dismiss();
    expect(await page.getByTestId('exam-progress').textContent()).toBe('Question 2 of 10');

    // Leaving anyway: the session is still there after the reload.
    const leave = page.waitForEvent('dialog');
    const reloaded = page.waitForEvent('load');
    void page.evaluate(() => setTimeout(() => location.reload(), 0));
    await (await leave).accept();
    await reloaded;
    await page.getByTestId('exam-resumed').waitFor();
    expect(await page.getByTestId('exam-session').getAttribute('data-exam')).toBe('DVA');
    expect(await page.getByTestId('exam-progress').textContent()).toBe('Question 2 of 10');
    expect(await page.getByTestId('exam-score').textContent()).toContain('1 of 1');
    expectCleanPage(watched);
  });

  it('does not lose a Start clicked before the page has come alive', async () => {
    const watched = await session.open();
    const { page } = watched;
    // Hold back the site's scripts, so that the page is only its server-rendered HTML.
    const held: Route[] = [];
    let hold = true;
    await page.route(/\/assets\/.*\.js$/, (route) => (hold ? held.push(route) : route.continue()));
    await page.goto(`${session.url}/exam-prep`, { waitUntil: 'commit' });
    await page.getByTestId('exam-start').waitFor();
    expect(held.length).toBeGreaterThan(0);
    await page.getByTestId('exam-SAA').check();
    await page.getByTestId('exam-count').selectOption('10');
    const submitted = page.waitForURL(/start=1/, { waitUntil: 'commit' });
    await page.getByTestId('exam-start').click();
    await submitted;
    hold = false;
    for (const route of held.splice(0)) await route.continue().catch(() => {});
    await page.locator('[data-testid="exam-session"][data-exam="SAA"]').waitFor();
    expect(await page.getByTestId('exam-progress').textContent()).toBe('Question 1 of 10');
    expect(page.url()).not.toContain('start=1');
    expectCleanPage(watched);
  });
});
