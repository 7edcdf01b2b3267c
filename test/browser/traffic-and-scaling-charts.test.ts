import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession, expectCleanPage } from './browser-session.js';
import { chooseScenario, firstPlayer, playToEnd } from './player-actions.js';

const session = browserSession();

const summary = (chart: Locator) => chart.getAttribute('aria-label');
/** The error window the chart's text gives: seconds so far in which some request failed. */
async function failingSeconds(chart: Locator): Promise<number> {
  return Number(/failed during (\d+) s so far/.exec((await summary(chart)) ?? '')?.[1]);
}

describe.skipIf(!session.available)('the traffic and scaling charts, in Chromium', () => {
  it('shows five minutes of failed requests through a 300 s DNS TTL and none through Service Connect', async () => {
    const watched = await session.open();
    const { page } = watched;
    await page.goto(`${session.url}/chapters/service-discovery`);
    const player = await firstPlayer(page);
    expect(await player.getByTestId('scaling-chart').count()).toBe(0);

    await chooseScenario(player, /300-second TTL/);
    await playToEnd(player);
    const chart = player.getByTestId('error-rate-chart');
    expect((await chart.boundingBox())!.height).toBeGreaterThan(100);
    expect(await summary(chart)).toContain('through DNS backend.demo.local');
    expect(await failingSeconds(chart)).toBeGreaterThanOrEqual(290);

    // The chart follows the scrubber: back at the start, the clients have not called yet.
    await player.getByTestId('player-scrub').focus();
    await page.keyboard.press('Home');
    await expect.poll(() => summary(chart)).toMatch(/No request yet\.$/);

    await chooseScenario(player, /^Service Connect/);
    await playToEnd(player);
    expect(await summary(chart)).toContain('through Service Connect backend');
    expect(await failingSeconds(chart)).toBeLessThan(5);
    expectCleanPage(watched);
  });

  it('draws the desired count against the CPU for auto scaling, and in dark mode too', async () => {
    const watched = await session.open({ colorScheme: 'dark' });
    const { page } = watched;
    await page.goto(`${session.url}/chapters/auto-scaling`);
    const player = await firstPlayer(page);
    const chart = player.getByTestId('scaling-chart');
    expect(await summary(chart)).toContain('no CPU datapoint yet');

    await playToEnd(player);
    expect((await chart.boundingBox())!.height).toBeGreaterThan(100);
    expect(await summary(chart)).toMatch(/Now: desired 2, 2 running, CPU \d+ % \(target 50 %\)\./);
    // Scrubbed back to 21:40, inside the spike, the service has scaled out.
    await player.getByTestId('player-scrub').fill('1300000');
    await expect.poll(async () => Number(/desired (\d+)/.exec((await summary(chart)) ?? '')?.[1])).toBeGreaterThanOrEqual(8);
    expectCleanPage(watched);
  });
});
