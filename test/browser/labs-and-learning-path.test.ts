import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeFor } from './axe-builder.js';
import { browserSession, expectCleanPage } from './browser-session.js';
import { checkMs, openLab, setLabFile } from './lab-page.js';
import { siteAlive } from './page-ready.js';
import { chooseScenario, firstPlayer, playToEnd } from './player-actions.js';

/**
 * Labs that show the learner's own run, and a path a learner can find, as a learner meets them in the built
 * site: the TypeScript lab's type check, hints on failing checks only, "Watch your run", the labs index, each
 * chapter's Practice block, progress marks in the sidebar, "continue where you left off", the quizzes page
 * coming alive at once, and contrast in dark mode where a pointer hovers.
 */
const session = browserSession();

/** The labs the site shows: those with a page of their own. */
const labIds = readdirSync('labs').filter((id) => existsSync(`labs/${id}/lab.json`) && existsSync(`docs/labs/${id}.md`));
const manifest = (id: string) => JSON.parse(readFileSync(`labs/${id}/lab.json`, 'utf8')) as { title: string; chapter: string; minutes: number[]; difficulty: string };
const questionsOf = (chapter: string) =>
  readdirSync('docs/quiz/questions')
    .flatMap((f) => JSON.parse(readFileSync(`docs/quiz/questions/${f}`, 'utf8')) as Array<{ id: string; chapter: string; type: string; answer: number[] }>)
    .filter((q) => q.chapter === chapter);
const learnerProgress = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('ecs-lab:progress') ?? '{}') as Record<string, unknown>);

async function contrastViolations(page: Page, selector: string): Promise<string[]> {
  const { violations } = await axeFor(page).include(selector).withRules(['color-contrast']).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`));
}

/** The requests for TypeScript's compiler that the page (its check worker included) makes from now on. */
function typeScriptFetches(page: Page): string[] {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (/\/typescript[^/]*\.js$/.test(new URL(request.url()).pathname)) fetched.push(new URL(request.url()).pathname);
  });
  return fetched;
}

describe.skipIf(!session.available)('labs that show your own run', () => {
  it('type-checks the TypeScript lab: a string where a number goes fails "compiles", the checks after it are one line each, without hints', async () => {
    const watched = await session.open();
    const { page } = watched;
    const compiler = typeScriptFetches(page);
    await openLab(page, session.url, 'drain-for-maintenance');
    const solution = readFileSync('labs/drain-for-maintenance/solution/maintenance.ts', 'utf8');
    await setLabFile(page, solution.replace('): void {\n', '): void {\n  const n: number = "five";\n'));
    const ms = await checkMs(page);
    console.log(`TypeScript lab, first Check once the lab was in view: ${Math.round(ms)} ms`);

    const results = page.getByTestId('lab-result');
    const [first, ...rest] = await results.all();
    expect(compiler, 'TypeScript, fetched by the check worker').toHaveLength(1);
    expect(await first.getAttribute('data-status')).toBe('failed');
    expect(await first.textContent()).toContain(`maintenance.ts, line 7, column 9: maintenance.ts does not compile: Type 'string' is not assignable to type 'number'.`);
    expect(await first.getByTestId('lab-result-hint').count()).toBe(1);
    expect(rest.length).toBe(2);
    for (const notRun of rest) {
      expect(await notRun.getAttribute('data-status')).toBe('skipped');
      expect(await notRun.locator('p').count()).toBe(1);
      expect((await notRun.textContent())!.trim()).toMatch(/\(not run\)$/);
      expect(await notRun.getByTestId('lab-result-hint').count()).toBe(0);
    }
    // The editor points at the line too.
    expect(await page.getByTestId('lab-editor-problem').first().textContent()).toContain('line 7, column 9');

    // The solution: every check passes, and no check shows a hint.
    await setLabFile(page, solution);
    await checkMs(page);
    expect(await page.getByTestId('lab-summary').getAttribute('data-status')).toBe('passed');
    expect(await page.getByTestId('lab-result-hint').count()).toBe(0);
    expectCleanPage(watched);
  });

  it('plays the run the checks judged in the player: "Watch your run" after a Check shows the learner\'s service.json at work', async () => {
    const watched = await session.open();
    const { page } = watched;
    const compiler = typeScriptFetches(page);
    await openLab(page, session.url, 'rolling-update');
    await setLabFile(page, readFileSync('labs/rolling-update/solution/service.json', 'utf8'));
    await checkMs(page);
    expect(await page.getByTestId('lab-summary').getAttribute('data-status')).toBe('passed');
    // A lab of JSON files is checked without TypeScript, which only the TypeScript labs fetch (3.5 MB).
    expect(compiler).toEqual([]);

    await page.getByTestId('lab-watch').click();
    const player = page.getByTestId('lab-watch-panel').getByTestId('scenario-player');
    await player.getByTestId('player-play').waitFor();
    expect(await player.textContent()).toContain('Your run: all 4 checks passed');
    const steps = await player.getByTestId('step').allTextContents();
    expect(steps.some((s) => s.includes('your service.json is sent as createService'))).toBe(true);
    expect(steps.some((s) => s.includes('the lab calls updateService'))).toBe(true);
    await player.getByTestId('player-speed').selectOption({ label: 'fastest' });
    await player.getByTestId('player-verdict').waitFor();
    expect(await player.getByTestId('player-verdict').textContent()).toContain('passed');
    // At the end, the tasks still running are the six of revision 2, as the checks found them.
    const running = () =>
      player.getByTestId('task').evaluateAll((tiles) => tiles.filter((t) => !['stopping', 'failed'].includes(t.getAttribute('data-status')!)).map((t) => t.getAttribute('data-revision')));
    await expect.poll(running).toEqual(['2', '2', '2', '2', '2', '2']);
    // The learner's run is theirs, not one of the site's scenarios played.
    expect(Object.keys(((await learnerProgress(page)).scenariosPlayed as object) ?? {})).toEqual([]);
    expectCleanPage(watched);
  });
});

describe.skipIf(!session.available)('a path a learner can find', () => {
  it('lists every lab with its time, difficulty and chapter on the labs index, reached from the top navigation', async () => {
    const watched = await session.open();
    const { page } = watched;
    await page.goto(`${session.url}/`);
    await siteAlive(page);
    await page.locator('.VPNavBar').getByRole('link', { name: 'Labs', exact: true }).click();
    await page.waitForURL(/\/labs\/(index(\.html)?)?$/);
    const rows = page.getByTestId('labs-index-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(labIds.length);
    for (const row of await rows.all()) {
      const lab = manifest((await row.getAttribute('data-lab'))!);
      const cells = await row.locator('td').allTextContents();
      expect(cells[0]).toContain(lab.title);
      expect(cells[2]).toBe(`${lab.minutes.join('–')} min`);
      expect(cells[3].toLowerCase()).toBe(lab.difficulty);
      expect(await row.locator('td').nth(1).locator('a').getAttribute('href')).toMatch(new RegExp(`^${lab.chapter}(\\.html)?$`));
    }
    await rows.filter({ hasText: manifest('rolling-update').title }).locator('td').first().getByRole('link').click();
    await page.getByTestId('lab-check').waitFor();
    expectCleanPage(watched);
  });

  it('ends every chapter with a Practice block; the rolling-updates one asks its questions and links its lab', async () => {
    const chapters = readdirSync('docs/chapters').map((f) => f.replace(/\.md$/, ''));
    for (const chapter of chapters) {
      const html = await (await fetch(`${session.url}/chapters/${chapter}`)).text();
      expect(html, chapter).toMatch(new RegExp(`data-testid="chapter-practice"[^>]*data-chapter="/chapters/${chapter}"`));
    }

    const watched = await session.open();
    const { page } = watched;
    await page.goto(`${session.url}/chapters/rolling-updates`);
    const practice = page.getByTestId('chapter-practice');
    await practice.scrollIntoViewIfNeeded();
    const asked = questionsOf('/chapters/rolling-updates');
    await practice.getByTestId('quiz-question').nth(asked.length - 1).waitFor();
    expect(await practice.getByTestId('quiz-question').evaluateAll((qs) => qs.map((q) => q.getAttribute('data-question-id')))).toEqual(asked.map((q) => q.id));
    const single = asked.find((q) => q.type === 'single')!;
    const card = practice.locator(`[data-question-id="${single.id}"]`);
    await card.locator(`[data-testid="quiz-choice"][data-choice="${single.answer[0]}"]`).click();
    await card.getByTestId('quiz-check').click();
    expect(await card.getByTestId('quiz-feedback').textContent()).toContain('Right.');

    await practice.getByTestId('practice-lab').click();
    await page.waitForURL(/\/labs\/rolling-update(\.html)?$/);
    await page.getByTestId('lab-check').waitFor();
    expectCleanPage(watched);
  });

  it('marks the sidebar with chapters read, quizzes done and labs passed, and offers to continue on the home page', async () => {
    const watched = await session.open();
    const { page } = watched;
    // A lab passed, as a learner passes it.
    await openLab(page, session.url, 'rolling-update');
    await setLabFile(page, readFileSync('labs/rolling-update/solution/service.json', 'utf8'));
    await checkMs(page);
    const labLink = page.locator('.VPSidebar a[href^="/labs/rolling-update"]');
    await labLink.getByTestId('sidebar-progress').waitFor();
    expect(await labLink.getByTestId('sidebar-progress').getAttribute('data-marks')).toBe('lab');

    // The chapter read to its end.
    await page.goto(`${session.url}/chapters/rolling-updates`);
    await page.getByTestId('chapter-practice').waitFor();
    const chapterMarks = page.locator('.VPSidebar a[href^="/chapters/rolling-updates"]').getByTestId('sidebar-progress');
    // Scrolled on until the end stays in view, as a learner does: the Practice block's questions load as it nears
    // the screen and push the end further down while the page is still scrolling towards the old one.
    await expect
      .poll(async () => {
        await page.mouse.wheel(0, 100_000);
        return chapterMarks.getAttribute('data-marks');
      }, { timeout: 60_000 })
      .toBe('read lab');
    expect(await chapterMarks.textContent()).toContain('(read, lab passed)');

    // Every question of the chapter answered right (as the quiz records answers): the quiz mark joins at once.
    const ids = questionsOf('/chapters/rolling-updates').map((q) => q.id);
    await page.evaluate((answered) => {
      const stored = JSON.parse(localStorage.getItem('ecs-lab:progress')!);
      for (const id of answered) stored.quiz[id] = { correct: true, at: new Date().toISOString() };
      localStorage.setItem('ecs-lab:progress', JSON.stringify(stored));
      window.dispatchEvent(new Event('ecs-lab:progress'));
    }, ids);
    await chapterMarks.and(page.locator('[data-marks="read quiz lab"]')).waitFor();

    // The home page offers the chapter opened last, and the first chapter not read yet.
    await page.goto(`${session.url}/`);
    const resume = page.getByTestId('continue-last');
    await resume.waitFor();
    expect(await resume.textContent()).toBe('Rolling updates');
    expect(await page.getByTestId('continue-next').textContent()).toBe('What ECS is');
    await resume.click();
    await page.waitForURL(/\/chapters\/rolling-updates(\.html)?$/);
    expectCleanPage(watched);
  });

  it('brings the quizzes page to life at once, and each chapter\'s questions as the learner reaches them', async () => {
    const watched = await session.open();
    const { page } = watched;
    await page.goto(`${session.url}/quizzes`);
    await page.locator('[data-testid="quiz-index"][data-ready]').waitFor();
    const readyMs = await page.evaluate(() => performance.getEntriesByName('ecs-lab:quizzes-ready')[0].startTime);
    console.log(`Quizzes page live ${Math.round(readyMs)} ms after navigation`);
    // Only the first chapter's questions are on the page yet; the learner can answer one at once.
    const topics = page.getByTestId('quiz-topic');
    const first = topics.first().getByTestId('quiz-question').first();
    await first.getByTestId('quiz-choice').first().click();
    await first.getByTestId('quiz-check').click();
    await first.getByTestId('quiz-feedback').waitFor();
    const last = topics.last();
    expect(await last.getByTestId('quiz-question').count()).toBe(0);
    await last.scrollIntoViewIfNeeded();
    const lastChapter = (await last.getAttribute('data-chapter'))!;
    await last.getByTestId('quiz-question').nth(questionsOf(lastChapter).length - 1).waitFor();

    // A link to a question of a late chapter shows that question.
    const linked = questionsOf(lastChapter)[0].id;
    await page.goto(`${session.url}/quizzes#${linked}`);
    await page.locator(`[data-question-id="${linked}"]`).waitFor();
    await expect.poll(() => page.locator(`[data-question-id="${linked}"]`).isVisible()).toBe(true);
    expectCleanPage(watched);
  });
});

describe.skipIf(!session.available)('contrast in dark mode', () => {
  it('keeps 4.5:1 on the hovered main buttons and the "scenario passed" pill', async () => {
    const watched = await session.open({ colorScheme: 'dark' });
    const { page } = watched;
    await page.goto(`${session.url}/`);
    await siteAlive(page);
    const hero = page.locator('.VPHero .VPButton.brand').first();
    await hero.hover();
    expect(await contrastViolations(page, '.VPHero .actions')).toEqual([]);

    await openLab(page, session.url, 'rolling-update');
    await page.getByTestId('lab-check').hover();
    expect(await contrastViolations(page, '.lab-panel .actions')).toEqual([]);

    await page.goto(`${session.url}/chapters/rolling-updates`);
    const player = await firstPlayer(page);
    await chooseScenario(player, /100 % \/ 200 %/);
    await playToEnd(player);
    expect(await player.getByTestId('player-verdict').textContent()).toContain('passed');
    expect(await contrastViolations(page, '[data-testid="player-verdict"]')).toEqual([]);
    await player.getByTestId('player-play').hover();
    expect(await contrastViolations(page, '[data-testid="player-play"]')).toEqual([]);

    await page.getByTestId('practice-lab').hover();
    expect(await contrastViolations(page, '[data-testid="practice-lab"]')).toEqual([]);

    // The sidebar's progress marks, once there is progress to show.
    await page.evaluate(() => {
      localStorage.setItem('ecs-lab:labs', JSON.stringify({ version: 1, passed: { 'rolling-update': new Date().toISOString() } }));
      window.dispatchEvent(new Event('ecs-lab:progress'));
    });
    await page.locator('.VPSidebar [data-testid="sidebar-progress"]').first().waitFor();
    expect(await contrastViolations(page, '.VPSidebar .progress-marks')).toEqual([]);
    expectCleanPage(watched);
  });
});
