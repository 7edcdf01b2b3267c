import { describe, expect, it } from 'vitest';
import { browserSession, expectCleanPage } from './browser-session.js';
import { ON_PHONE, scrollsSideways } from './phone-screen.js';
import { chooseScenario, clock, eventLines, firstPlayer, playToEnd, stepStatuses, taskRevisions } from './player-actions.js';

const session = browserSession();

describe.skipIf(!session.available)('the Rolling updates chapter, in Chromium', () => {
  it('plays the default rolling update to the end and replays the outline with new values', async () => {
    const watched = await session.open();
    const { page } = watched;
    await page.goto(`${session.url}/`);
    await page.getByRole('link', { name: 'Rolling updates', exact: true }).first().click();
    await page.waitForURL(/\/chapters\/rolling-updates/);
    await page.locator('h1', { hasText: 'Rolling updates' }).waitFor();
    const player = await firstPlayer(page);

    await chooseScenario(player, /100 % \/ 200 %/);
    expect(await clock(player)).toBe('+00:00:00.000');
    await playToEnd(player);

    expect(await player.getByTestId('player-verdict').textContent()).toContain('passed');
    const statuses = await stepStatuses(player);
    expect(statuses.length).toBeGreaterThan(5);
    expect(new Set(statuses)).toEqual(new Set(['passed']));
    // Old tiles fade out for a moment after they stop; then only revision 2 is left.
    await expect.poll(() => taskRevisions(player)).toEqual(['2', '2', '2', '2', '2', '2']);
    expect(await player.getByTestId('instance').count()).toBe(2);
    expect(await clock(player)).not.toBe('+00:00:00.000');
    const chart = player.getByTestId('task-chart');
    expect((await chart.boundingBox())!.height).toBeGreaterThan(100);
    expect(await chart.getAttribute('aria-label')).toContain('web:2: 6 running');
    const health = player.getByTestId('health-chart');
    expect((await health.boundingBox())!.height).toBeGreaterThan(100);
    expect(await health.getAttribute('aria-label')).toContain('6 healthy (at least 6)');
    expect((await eventLines(player)).some((e) => e.includes('deployment completed'))).toBe(true);
    await player.screenshot({ path: '/tmp/ecs-lab-chapter.png' });

    await chooseScenario(player, /Try your own/);
    await player.getByTestId('param-maximumPercent').fill('150');
    await player.getByTestId('player-speed').selectOption({ label: 'fastest' });
    await player.getByTestId('player-replay').click();
    await player.getByTestId('player-verdict').waitFor();
    expect((await player.getByTestId('step').allTextContents()).join('\n')).toContain('maximumPercent 150');
    expect(new Set(await stepStatuses(player))).toEqual(new Set(['passed']));

    expectCleanPage(watched);
  });

  it('says what is wrong with a bad parameter, beside its input', async () => {
    const watched = await session.open();
    await watched.page.goto(`${session.url}/chapters/rolling-updates`);
    const player = await firstPlayer(watched.page);
    await chooseScenario(player, /Try your own/);

    await player.getByTestId('param-minimumHealthyPercent').fill('300');
    await player.getByTestId('player-replay').click();
    const engineSays = await player.getByTestId('param-error-minimumHealthyPercent').textContent();
    expect(engineSays).toContain('InvalidParameterException');
    expect(engineSays).toContain('minimumHealthyPercent');

    await player.getByTestId('param-minimumHealthyPercent').fill('abc');
    await player.getByTestId('player-replay').click();
    expect(await player.getByTestId('param-error-minimumHealthyPercent').textContent()).toContain('whole number');
    expect(await player.getByTestId('cluster-view').isVisible()).toBe(true);

    expectCleanPage(watched);
  });

  it('can be stepped and scrubbed with the keyboard and fits a phone screen', async () => {
    const watched = await session.open(ON_PHONE);
    const { page } = watched;
    await page.goto(`${session.url}/chapters/rolling-updates`);
    const player = await firstPlayer(page);
    await player.getByTestId('player-step').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect((await stepStatuses(player)).slice(0, 2)).toEqual(['passed', 'passed']);

    await player.getByTestId('player-scrub').focus();
    await page.keyboard.press('End');
    expect(await player.getByTestId('player-verdict').textContent()).toContain('passed');
    await page.keyboard.press('Home');
    expect(await clock(player)).toBe('+00:00:00.000');
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
    expect(await clock(player)).toBe('+00:00:30.000');

    expect(await scrollsSideways(page)).toBe(false);
    await player.getByTestId('cluster-view').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/ecs-lab-chapter-phone.png' });
    expectCleanPage(watched);
  });
});
