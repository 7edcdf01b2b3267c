import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { axeFor } from './axe-builder.js';
import { browserSession, expectCleanPage } from './browser-session.js';
import { checkMs, openLab, setLabFile } from './lab-page.js';
import { chooseScenario, firstPlayer } from './player-actions.js';

/**
 * What a learner meets at both ends of a chapter's player and of the path, in the built site: each scenario's
 * take-away under the player, and the capstone lab, reached from the home page and graded in parts.
 */
const session = browserSession();

describe.skipIf(!session.available)('the take-away and the capstone, in Chromium', () => {
  it('shows the chosen scenario\'s take-away under the player, and changes it with the scenario', async () => {
    const watched = await session.open();
    await watched.page.goto(`${session.url}/chapters/tasks-and-services`);
    const player = await firstPlayer(watched.page);
    const takeAway = player.getByTestId('player-take-away');
    await chooseScenario(player, /standalone task that stops/);
    expect(await takeAway.textContent()).toBe('Take away: Nobody restarts a standalone task: RunTask is for work that ends.');
    await chooseScenario(player, /service replaces a task/);
    expect(await takeAway.textContent()).toBe('Take away: A service keeps its desired count by starting a replacement for every task that stops.');
    expect(await takeAway.isVisible()).toBe(true);
    expectCleanPage(watched);
  });

  it('leads from the home page to the capstone, whose checks grade a networking slip in part 2 only', async () => {
    const watched = await session.open();
    const { page } = watched;
    await page.goto(`${session.url}/`);
    await page.getByRole('link', { name: 'capstone lab' }).first().click();
    await page.waitForURL(/\/labs\/capstone-shop/);
    await page.locator('h1', { hasText: 'Lab: Capstone: ship the shop' }).waitFor();
    await openLab(page, session.url, 'capstone-shop');
    const tabs = page.getByTestId('lab-file-tab');
    expect(await tabs.allTextContents()).toEqual(['task-definitions.json', 'services.json', 'scaling.json', 'deployment.json'].map((f) => expect.stringContaining(f)));

    // The solution, but web's tasks in the public subnets with public IP addresses.
    for (const file of ['task-definitions.json', 'services.json', 'scaling.json', 'deployment.json']) {
      await tabs.filter({ hasText: file }).click();
      const folder = file === 'services.json' ? 'mistakes/net-private' : 'solution';
      await setLabFile(page, readFileSync(`labs/capstone-shop/${folder}/${file}`, 'utf8'));
    }
    const ms = await checkMs(page);
    console.log(`Capstone, Check of four files: ${Math.round(ms)} ms`);

    const failed = page.locator('[data-testid="lab-result"][data-status="failed"]');
    expect(await failed.evaluateAll((items) => items.map((item) => item.getAttribute('data-check')))).toEqual(['net-private']);
    expect(await failed.first().textContent()).toContain('web runs tasks in subnet-0public1a, subnet-0public1b, subnet-0public1c, which is not one of the private subnets.');
    expect(await page.locator('[data-testid="lab-result"][data-status="passed"]').count()).toBe(17);
    // The lab's panel, graded: the rest of the page is the static page the site crawl checks.
    const { violations } = await axeFor(page).include('.lab-panel').analyze();
    expect(violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}`))).toEqual([]);
    expectCleanPage(watched);
  });
});
