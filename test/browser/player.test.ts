import { describe, expect, it } from 'vitest';
import { browserSession, expectCleanPage } from './browser-session.js';
import { playToFirstEventMs } from './player-page.js';
import { chooseScenario, clock, eventLines, firstPlayer, playToEnd } from './player-actions.js';

const session = browserSession();

describe.skipIf(!session.available)('the scenario player, in Chromium', () => {
  it('draws the first event soon after Play (figure printed for the bench, not asserted)', async () => {
    const watched = await session.open();
    await watched.page.goto(`${session.url}/chapters/rolling-updates`);
    const player = await firstPlayer(watched.page);
    await player.getByTestId('player-play').click();
    const ms = await playToFirstEventMs(watched.page);
    console.log(`Play → first drawn event: ${ms.toFixed(1)} ms (at the default speed)`);
    expect(ms).toBeGreaterThan(0);
    expectCleanPage(watched);
  });

  it('reproduces a run from its permalink: same scenario, values and seed, same final clock and events', async () => {
    const first = await session.open();
    await first.page.goto(`${session.url}/chapters/rolling-updates`);
    let player = await firstPlayer(first.page);
    await chooseScenario(player, /Try your own/);
    await player.getByTestId('param-maximumPercent').fill('150');
    await player.getByTestId('player-seed').fill('7');
    await player.getByTestId('player-seed').press('Enter');
    await player.getByTestId('player-speed').selectOption({ label: 'fastest' });
    await player.getByTestId('player-replay').click();
    await player.getByTestId('player-verdict').waitFor();
    const seen = { clock: await clock(player), events: await eventLines(player) };
    const link = await player.getByTestId('player-permalink').inputValue();
    expect(link).toContain('seed=7');
    await player.getByTestId('player-copy-link').click();
    await player.getByText(/Link copied|Could not copy/).waitFor();
    expectCleanPage(first);

    const second = await session.open();
    await second.page.goto(link);
    player = await firstPlayer(second.page);
    expect(await player.getByTestId('param-maximumPercent').inputValue()).toBe('150');
    expect(await player.getByTestId('player-seed').inputValue()).toBe('7');
    await playToEnd(player);
    expect({ clock: await clock(player), events: await eventLines(player) }).toEqual(seen);
    expect(seen.events.length).toBeGreaterThan(3);
    expectCleanPage(second);
  });

  it('explains why a task runs where it does, and what an instance has left', async () => {
    const watched = await session.open();
    await watched.page.goto(`${session.url}/chapters/rolling-updates`);
    const player = await firstPlayer(watched.page);
    await chooseScenario(player, /100 % \/ 200 %/);
    await playToEnd(player);

    await player.getByTestId('task').first().click();
    const details = player.getByTestId('task-details');
    expect(await details.getByTestId('placement-chosen').textContent()).toMatch(/placed on i-/);
    expect(await details.textContent()).toContain('Launch type');
    await details.getByRole('button', { name: 'Close task details' }).click();

    await player.getByTestId('instance-head').first().click();
    expect(await player.getByTestId('instance-details').textContent()).toMatch(/ACTIVE: accepts new tasks[\s\S]*units free/);
    expectCleanPage(watched);
  });

  it('draws Fargate tasks by zone with their capacity provider, and a draining instance as DRAINING', async () => {
    const watched = await session.open();
    const { page } = watched;
    await page.goto(`${session.url}/chapters/ec2-vs-fargate`);
    let player = await firstPlayer(page);
    await playToEnd(player);
    const groups = player.getByTestId('fargate-group');
    expect(await groups.count()).toBeGreaterThan(0);
    expect(await groups.first().getAttribute('data-provider')).toBe('FARGATE');
    await groups.first().getByTestId('task').first().click();
    expect(await player.getByTestId('task-capacity-provider').textContent()).toBe('FARGATE');
    await player.screenshot({ path: '/tmp/ecs-lab-fargate.png' });

    await page.goto(`${session.url}/chapters/clusters-and-capacity`);
    player = await firstPlayer(page);
    await playToEnd(player);
    expect(await player.locator('[data-testid="instance"][data-status="DRAINING"]').count()).toBe(1);
    await player.getByTestId('cluster-view').screenshot({ path: '/tmp/ecs-lab-draining.png' });
    expectCleanPage(watched);
  });

  it('is drawn in dark colours in dark mode, mid-deployment', async () => {
    const watched = await session.open({ colorScheme: 'dark' });
    const { page } = watched;
    await page.goto(`${session.url}/chapters/rolling-updates`);
    const player = await firstPlayer(page);
    await chooseScenario(player, /100 % \/ 200 %/);
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    const scrub = player.getByTestId('player-scrub');
    await scrub.focus();
    for (let i = 0; i < 100; i++) await page.keyboard.press('ArrowRight');
    expect(await clock(player)).toBe('+00:01:40.000');
    expect(new Set(await player.getByTestId('task').evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-revision'))))).toEqual(new Set(['1', '2']));
    const background = await player.getByTestId('cluster-view').evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r + g + b, `a dark background, not ${background}`).toBeLessThan(3 * 80);
    await player.screenshot({ path: '/tmp/ecs-lab-chapter-dark.png' });
    expectCleanPage(watched);
  });
});
