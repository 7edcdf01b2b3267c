import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeFor } from './axe-builder.js';
import { browserSession, expectCleanPage } from './browser-session.js';
import { chooseScenario, clock, eventLines, firstPlayer, playToEnd, stepStatuses } from './player-actions.js';
import { ON_PHONE, scrollsSideways } from './phone-screen.js';
import { notePlayReady, playReadiness } from './player-page.js';
import { predictId } from './predict-question.js';

const session = browserSession();

/** The box of an element on screen, as the learner sees it. */
const box = async (locator: Locator) => (await locator.boundingBox())!;
const steps = (player: Locator) => player.getByTestId('step');
const clickUntil = async (button: Locator, done: () => Promise<boolean>, most = 400) => {
  for (let i = 0; i < most && !(await done()); i++) await button.click();
  expect(await done()).toBe(true);
};

const FOLLOWED = { status: '[data-testid="player-status"]', cluster: '[data-testid="cluster-view"]', chart: '[data-testid="player-stage"] canvas' };
type Extreme = { top: number; bottom: number; step: string };

/** Watches, on every frame until `layoutExtremes`, how high and how low the status, cluster and chart go on screen. */
async function followLayout(player: Locator): Promise<void> {
  await player.evaluate((el, parts) => {
    const seen: Record<string, Extreme> = {};
    const watch = () => {
      const step = el.querySelector(parts.status)?.textContent?.trim().slice(0, 60) ?? '';
      for (const [name, selector] of Object.entries(parts)) {
        const r = el.querySelector(selector)?.getBoundingClientRect();
        if (!r) continue;
        const worst = (seen[name] ??= { top: r.top, bottom: r.bottom, step });
        if (r.top < worst.top) Object.assign(worst, { top: r.top, step });
        if (r.bottom > worst.bottom) Object.assign(worst, { bottom: r.bottom, step });
      }
      (el as { followed?: number }).followed = requestAnimationFrame(watch);
    };
    (el as { seen?: typeof seen }).seen = seen;
    watch();
  }, FOLLOWED);
}

async function layoutExtremes(player: Locator): Promise<Record<keyof typeof FOLLOWED, Extreme>> {
  return player.evaluate((el) => {
    const followed = el as unknown as { followed: number; seen: Record<keyof typeof FOLLOWED, Extreme> };
    cancelAnimationFrame(followed.followed);
    return followed.seen;
  });
}

async function axeClean(page: Page): Promise<void> {
  const violations = (await axeFor(page).include('[data-testid="scenario-player"]').analyze()).violations;
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

describe.skipIf(!session.available)('a player you can follow, in Chromium', () => {
  it('is ready to play soon after navigation: Play is enabled before the scenario has finished recording (times printed)', async () => {
    const watched = await session.open();
    const { page } = watched;
    await notePlayReady(page);
    await page.goto(`${session.url}/chapters/rolling-updates`);
    const ready = await playReadiness(page);
    console.log(`navigation → Play enabled: ${ready.at.toFixed(0)} ms; → first scenario recorded: ${ready.recordedAt.toFixed(0)} ms`);
    expect(ready.recording).toBe('recording');
    expect(ready.at).toBeLessThan(ready.recordedAt);
    expectCleanPage(watched);
  });

  it('keeps the cluster, the current step and a chart in view together at 1280×800 all the way through a rolling update, the event log beside them', async () => {
    const watched = await session.open({ viewport: { width: 1280, height: 800 } });
    const { page } = watched;
    await page.goto(`${session.url}/chapters/rolling-updates`);
    const player = await firstPlayer(page);
    // The learner scrolls the player up to just below the site's top bar, then presses Play.
    const navBottom = await page.locator('.VPNav').evaluate((nav) => nav.getBoundingClientRect().bottom);
    await player.evaluate((el, top) => window.scrollBy(0, el.getBoundingClientRect().top - top - 8), navBottom);
    await followLayout(player);
    await player.getByTestId('player-play').click();
    await player.getByTestId('player-status').filter({ hasText: /Step \d+ of/ }).waitFor();
    const cluster = await box(player.getByTestId('cluster-view'));
    const log = await box(player.getByTestId('event-log'));
    expect(log.x, 'the event log starts right of the cluster').toBeGreaterThanOrEqual(cluster.x + cluster.width);
    expect(log.y, 'and beside it').toBeLessThan(cluster.y + cluster.height);
    console.log(`player at 1280×800: ${(await box(player)).height.toFixed(0)} px tall, ${(await box(player)).width.toFixed(0)} px wide`);
    // The scenario plays to its end at the speed it starts with; a rolling update's extra tiles come and go.
    await player.getByTestId('player-verdict').waitFor();
    const extremes = await layoutExtremes(player);
    for (const [name, { top, bottom, step }] of Object.entries(extremes)) {
      expect(top, `${name} top, at "${step}"`).toBeGreaterThanOrEqual(navBottom);
      expect(bottom, `${name} bottom, at "${step}"`).toBeLessThanOrEqual(800);
    }
    await axeClean(page);
    expectCleanPage(watched);
  });

  it('puts the event log below the cluster on a phone', async () => {
    const watched = await session.open(ON_PHONE);
    const { page } = watched;
    await page.goto(`${session.url}/chapters/rolling-updates`);
    const player = await firstPlayer(page);
    const cluster = await box(player.getByTestId('cluster-view'));
    const log = await box(player.getByTestId('event-log'));
    expect(log.y).toBeGreaterThanOrEqual(cluster.y + cluster.height);
    expect(await scrollsSideways(page)).toBe(false);
    expectCleanPage(watched);
  });

  it("shows the doc strings under the circuit breaker's steps and the Fargate sizes' error messages", async () => {
    const watched = await session.open();
    const { page } = watched;
    await page.goto(`${session.url}/chapters/circuit-breaker`);
    let player = await firstPlayer(page);
    const reports = steps(player).filter({ hasText: 'And the service "web" reports:' }).first();
    expect(await reports.getByTestId('step-doc-string').textContent()).toBe('(service web) (deployment ecs-svc/…) deployment failed: tasks failed to start.');

    await page.goto(`${session.url}/chapters/ec2-vs-fargate`);
    player = await firstPlayer(page);
    await chooseScenario(player, /documented cpu\/memory pairs/);
    expect(await player.getByTestId('step-doc-string').allTextContents()).toEqual(Array(2).fill('ClientException: No Fargate configuration exists for given values.'));
    expectCleanPage(watched);
  });

  it("names an Outline's examples by their values, shows the chosen one's, and Play plays the values typed in", async () => {
    const watched = await session.open();
    const { page } = watched;
    await page.goto(`${session.url}/chapters/load-balancing`);
    const player = await firstPlayer(page);
    const options = await player.getByTestId('scenario-picker').locator('option').allTextContents();
    expect(options.filter((o) => o.startsWith('Slow start')).map((o) => o.replace(/^.*\(/, '('))).toEqual([
      '(slow start 0, at least 30, at most 45)',
      '(slow start 120, at least 60, at most 90)',
    ]);
    await chooseScenario(player, /slow start 120/);
    expect(await player.getByTestId('param-slow start').inputValue()).toBe('120');
    expect(await player.getByTestId('param-at least').count()).toBe(0);
    expect(await player.getByTestId('param-expected').textContent()).toMatch(/at least\s60, at most\s90/);

    await player.getByTestId('param-slow start').fill('60');
    await player.getByTestId('player-speed').selectOption({ label: 'fastest' });
    await player.getByTestId('player-play').click();
    await player.getByTestId('player-verdict').waitFor();
    expect(await steps(player).allTextContents()).toContainEqual(expect.stringContaining('slow start on "web-tg" lasts 60 seconds'));
    expectCleanPage(watched);
  });

  it('jumps from event to event, and crosses a 13-hour quiet night in seconds at the default speed', async () => {
    const watched = await session.open();
    const { page } = watched;
    await page.goto(`${session.url}/chapters/rolling-updates`);
    let player = await firstPlayer(page);
    await clickUntil(player.getByTestId('player-next-event'), async () => (await eventLines(player)).length > 0);
    expect((await eventLines(player))[0]).toContain('has started 6 tasks');

    await page.goto(`${session.url}/chapters/auto-scaling`);
    player = await firstPlayer(page);
    await chooseScenario(player, /scheduled action/);
    const started = Date.now();
    await player.getByTestId('player-play').click();
    await player.getByTestId('player-status').filter({ hasText: 'Skipping quiet time' }).waitFor();
    await player.getByTestId('player-verdict').waitFor();
    console.log(`14 virtual hours at the default speed: ${((Date.now() - started) / 1000).toFixed(1)} s (21 min without skipping)`);
    expect(await clock(player)).toMatch(/^\+14:00:/);
    expectCleanPage(watched);
  });

  it('draws the bounds from the update on, in two colours, says when healthy may sit below, and names a failed step', async () => {
    const watched = await session.open();
    const { page } = watched;
    await page.goto(`${session.url}/chapters/rolling-updates`);
    const player = await firstPlayer(page);
    await chooseScenario(player, /100 % \/ 200 %/);
    const health = player.getByTestId('health-chart');
    await player.getByTestId('player-scrub').fill('10000');
    await expect.poll(() => health.getAttribute('aria-label'), { timeout: 60_000 }).toContain('no update yet, so no bounds');
    const legend = (await health.getAttribute('data-legend'))!.split(' | ');
    const swatch = (name: string) => legend.find((l) => l.startsWith(name))!.split(': ')[1];
    expect(swatch('lower bound')).not.toBe(swatch('upper bound'));
    const caption = await player.getByTestId('health-caption').textContent();
    expect(caption).toContain('drawn from the update on');
    expect(caption).toContain('may sit below the lower bound');
    await playToEnd(player);
    expect(await health.getAttribute('aria-label')).toContain('6 healthy (at least 6)');

    await chooseScenario(player, /Try your own/);
    await player.getByTestId('param-maximumPercent').fill('100');
    await player.getByTestId('player-speed').selectOption({ label: 'fastest' });
    await player.getByTestId('player-play').click();
    await player.getByTestId('player-verdict').waitFor();
    expect(await player.getByTestId('player-status').textContent()).toMatch(/scenario failed\s*Step \d+ of \d+\sfailed: Then the deployment of "web" completes within 10 minutes — After 10 minutes/);
    expectCleanPage(watched);
  });

  it('gives a run of zero length a readable time axis, and draws a standalone task', async () => {
    const watched = await session.open();
    const { page } = watched;
    await page.goto(`${session.url}/chapters/ec2-vs-fargate`);
    let player = await firstPlayer(page);
    await chooseScenario(player, /documented cpu\/memory pairs/);
    await playToEnd(player);
    const ticks = (await player.getByTestId('task-chart').getAttribute('data-x-ticks'))!.split(' ');
    expect(ticks[0]).toBe('0:00');
    expect(ticks.at(-1)).toBe('1:00');
    expect(new Set(ticks).size).toBe(ticks.length);

    await page.goto(`${session.url}/chapters/tasks-and-services`);
    player = await firstPlayer(page);
    await chooseScenario(player, /standalone task/);
    await clickUntil(player.getByTestId('player-step'), async () => (await stepStatuses(player))[4] === 'passed');
    expect(await player.getByTestId('task-chart').getAttribute('aria-label')).toContain('report:1 (standalone): 1 running');
    expectCleanPage(watched);
  });

  it('draws a task that failed to start as failed, and counts the circuit breaker against its threshold', async () => {
    const watched = await session.open();
    const { page } = watched;
    await page.goto(`${session.url}/chapters/circuit-breaker`);
    const player = await firstPlayer(page);
    const failed = player.locator('[data-testid="task"][data-status="failed"]');
    await clickUntil(player.getByTestId('player-next-event'), async () => (await failed.count()) > 0);
    expect(await failed.first().getAttribute('aria-label')).toContain('failed to start');
    // Several tasks can fail at the same instant: the count may pass the threshold.
    expect(await player.getByTestId('player-breaker').textContent()).toMatch(/Circuit breaker of web: [1-9] of 3 failed tasks/);
    await player.screenshot({ path: '/tmp/ecs-lab-player-breaker.png' });
    await axeClean(page);
    expectCleanPage(watched);
  });

  it('keeps a predict question back until it is answered: neutral title, "?" steps, locked controls; then shows it all', async () => {
    const watched = await session.open();
    const { page } = watched;
    // Each chapter's questions load as the learner reaches them: the question is reached by its link.
    const id = predictId();
    await page.goto(`${session.url}/quizzes#${id}`);
    const question = page.locator(`[data-question-id="${id}"]`);
    await question.getByTestId('quiz-start').click();
    const player = question.getByTestId('scenario-player');
    await player.getByTestId('player-play').waitFor();
    expect(await player.getByTestId('player-title').textContent()).toBe('What happens next?');
    for (const control of ['player-play', 'player-step', 'player-next-event', 'player-reset', 'player-speed', 'player-scrub']) {
      expect(await player.getByTestId(control).isDisabled(), control).toBe(true);
    }
    await question.locator('.hint', { hasText: 'Paused' }).waitFor();
    const shown = (await stepStatuses(player)).filter((s) => s !== 'pending').length;
    expect(await player.getByTestId('step-hidden').count()).toBe((await steps(player).count()) - shown);
    expect(await player.getByTestId('step-hidden').first().textContent()).toContain('?');
    await axeClean(page);

    await question.getByTestId('quiz-choice').first().click();
    await question.getByTestId('quiz-check').click();
    await question.getByTestId('quiz-feedback').locator('.verdict').filter({ hasText: 'The simulator has played on' }).waitFor();
    expect(await player.getByTestId('player-title').textContent()).not.toBe('What happens next?');
    expect(await player.getByTestId('step-hidden').count()).toBe(0);
    expect(await player.getByTestId('player-play').isDisabled()).toBe(false);
    expectCleanPage(watched);
  });
});
