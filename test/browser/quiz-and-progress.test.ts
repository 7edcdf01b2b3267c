import { existsSync, readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession, expectCleanPage } from './browser-session.js';
import { chooseScenario, firstPlayer, playToEnd, stepStatuses } from './player-actions.js';
import { predictId } from './predict-question.js';

const session = browserSession();
const QUESTIONS = 'docs/quiz/questions';
const haveQuestions = existsSync(QUESTIONS) && readdirSync(QUESTIONS).some((f) => f.endsWith('.json'));
if (!haveQuestions) console.warn(`\n⚠ No quiz data in ${QUESTIONS} yet: the quiz is not tested in the browser.\n`);

/** Answers the first single- or multiple-choice question on the page with its first choice; returns the verdict. */
async function answerFirstQuestion(page: Page): Promise<string> {
  const question = page.locator('[data-testid="quiz-question"]:not(:has([data-testid="quiz-start"]))').first();
  await question.getByTestId('quiz-choice').first().click();
  await question.getByTestId('quiz-check').click();
  return (await question.getByTestId('quiz-feedback').textContent()) ?? '';
}

const summary = (page: Page, id: string) => page.getByTestId(id).textContent();

/**
 * Opens the quizzes or the progress page and waits until it has come alive (a click on server-rendered HTML
 * before that does nothing): the quizzes page says when its first questions are live, the progress page shows
 * the learner's progress once it has read it.
 */
async function openPage(page: Page, path: '/quizzes' | '/progress' | `/quizzes#${string}`): Promise<void> {
  await page.goto(`${session.url}${path}`);
  await page.locator(path === '/progress' ? '[data-testid="progress-chapters"]' : '[data-testid="quiz-index"][data-ready]').waitFor();
}

describe.skipIf(!session.available)('quizzes and progress', () => {
  it.skipIf(!haveQuestions)('answers a question: right or not, with the explanation and the chapter', async () => {
    const watched = await session.open();
    await openPage(watched.page, '/quizzes');
    const feedback = await answerFirstQuestion(watched.page);
    expect(feedback).toMatch(/^\s*(Right\.|Not quite\.)/);
    expect(feedback).toContain('Taught in');
    expectCleanPage(watched);
  });

  it.skipIf(!haveQuestions)('asks a predict question halfway through a scenario, then plays on and says who was right', async () => {
    const watched = await session.open();
    const { page } = watched;
    // Each chapter's questions load as the learner reaches them: the question is reached by its link.
    const id = predictId();
    await openPage(page, `/quizzes#${id}`);
    const question = page.locator(`[data-question-id="${id}"]`);
    const pauseAfter = Number((await question.locator('.hint').textContent())!.match(/after step (\d+)/)![1]);
    await question.getByTestId('quiz-start').click();
    await question.locator('.hint', { hasText: 'Paused' }).waitFor();
    const steps = await stepStatuses(question.getByTestId('scenario-player'));
    expect(steps.filter((s) => s !== 'pending')).toHaveLength(pauseAfter);

    await question.getByTestId('quiz-choice').first().click();
    await question.getByTestId('quiz-check').click();
    const verdict = question.getByTestId('quiz-feedback').locator('.verdict');
    await verdict.filter({ hasText: 'The simulator has played on' }).waitFor();
    expect(await verdict.textContent()).toMatch(/you were right|it did something else/);
    expect(new Set(await stepStatuses(question.getByTestId('scenario-player')))).not.toContain('pending');
    await question.screenshot({ path: '/tmp/ecs-lab-predict.png' });
    expectCleanPage(watched);
  });

  it('keeps chapters read, scenarios played, labs passed and quiz answers across a reload, until reset', async () => {
    const watched = await session.open();
    const { page } = watched;
    await openPage(page, '/progress');
    expect(await summary(page, 'progress-chapters')).toMatch(/^\s*0 of \d+ chapters read/);

    await page.goto(`${session.url}/chapters/rolling-updates`);
    const player = await firstPlayer(page);
    await chooseScenario(player, /100 % \/ 200 %/);
    await playToEnd(player);
    // The chapter counts as read once scrolled to its end (its path is also kept as the page last visited). The
    // learner scrolls on to the end while the Practice block below grows as its questions load.
    await page.waitForFunction(
      () => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        return JSON.parse(localStorage.getItem('ecs-lab:progress') ?? '{}').chaptersRead?.['/chapters/rolling-updates'] !== undefined;
      },
      undefined,
      { polling: 200 },
    );
    // What the labs panel writes when a lab passes.
    await page.evaluate(() => localStorage.setItem('ecs-lab:labs', JSON.stringify({ version: 1, passed: { 'rolling-update': new Date().toISOString() } })));
    if (haveQuestions) {
      await openPage(page, '/quizzes');
      await answerFirstQuestion(page);
    }

    await openPage(page, '/progress');
    await page.reload();
    expect(await summary(page, 'progress-chapters')).toMatch(/^\s*1 of \d+ chapters read/);
    expect(await summary(page, 'progress-scenarios')).toContain('1 played');
    expect(await page.getByTestId('progress').textContent()).toContain('rolling-update The defaults');
    expect(await summary(page, 'progress-labs')).toMatch(/^\s*1 of \d+ labs passed/);
    if (haveQuestions) expect(await summary(page, 'progress-quiz')).toMatch(/of 1 answers right/);
    await page.screenshot({ path: '/tmp/ecs-lab-progress.png', fullPage: true });

    await page.getByTestId('progress-reset').click();
    await page.getByTestId('progress-reset-confirm').click();
    expect(await summary(page, 'progress-chapters')).toMatch(/^\s*0 of \d+ chapters read/);
    await page.reload();
    expect(await summary(page, 'progress-labs')).toMatch(/^\s*0 of \d+ labs passed/);
    expectCleanPage(watched);
  });
});
