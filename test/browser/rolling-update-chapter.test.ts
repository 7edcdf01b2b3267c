import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumInstalled, launchChromium, openWatchedPage } from './offline-chromium.js';
import { startPreviewServer, type PreviewServer } from './preview-server.js';

if (!chromiumInstalled) {
  const message = `${CHROMIUM} is missing, so the workshop site cannot be tested in a browser (apt-get install -y chromium).`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`\n⚠⚠⚠ SKIPPING BROWSER TESTS: ${message}\n`);
}

async function chooseScenario(page: Page, name: RegExp): Promise<void> {
  const picker = page.getByTestId('scenario-picker');
  await picker.waitFor();
  const label = (await picker.locator('option').allTextContents()).find((text) => name.test(text));
  expect(label, `a scenario matching ${name}`).toBeDefined();
  await picker.selectOption({ label: label! });
}

async function playToEnd(page: Page): Promise<void> {
  await page.getByTestId('player-speed').selectOption({ label: 'fastest' });
  await page.getByTestId('player-play').click();
  await page.getByTestId('player-verdict').waitFor({ timeout: 60_000 });
}

const stepStatuses = (page: Page) => page.getByTestId('step').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
const taskRevisions = (page: Page) => page.getByTestId('task').evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-revision')));

describe.skipIf(!chromiumInstalled)('the Rolling updates chapter, in Chromium', () => {
  let server: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPreviewServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('plays the default rolling update to the end and replays the outline with new values', async () => {
    const { page, errors } = await openWatchedPage(browser);
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Rolling updates', exact: true }).first().click();
    await page.waitForURL(/\/chapters\/rolling-updates/);
    await page.locator('h1', { hasText: 'Rolling updates' }).waitFor();

    await chooseScenario(page, /100 % \/ 200 %/);
    expect(await page.getByTestId('player-clock').textContent()).toBe('+00:00:00.000');
    await playToEnd(page);

    expect(await page.getByTestId('player-verdict').textContent()).toContain('passed');
    const statuses = await stepStatuses(page);
    expect(statuses.length).toBeGreaterThan(5);
    expect(new Set(statuses)).toEqual(new Set(['passed']));
    // Old tiles fade out for a moment after they stop; then only revision 2 is left.
    await expect.poll(() => taskRevisions(page)).toEqual(['2', '2', '2', '2', '2', '2']);
    expect(await page.getByTestId('instance').count()).toBe(2);
    expect(await page.getByTestId('player-clock').textContent()).not.toBe('+00:00:00.000');
    const chart = page.getByTestId('task-chart');
    expect((await chart.boundingBox())!.height).toBeGreaterThan(100);
    expect(await chart.getAttribute('aria-label')).toContain('web:2: 6 running');
    const events = await page.getByTestId('event').allTextContents();
    expect(events.some((e) => e.includes('deployment completed'))).toBe(true);
    await page.getByTestId('scenario-player').screenshot({ path: '/tmp/ecs-lab-chapter.png' });

    await chooseScenario(page, /Try your own/);
    await page.getByTestId('param-maximumPercent').fill('150');
    await page.getByTestId('player-speed').selectOption({ label: 'fastest' });
    await page.getByTestId('player-replay').click();
    await page.getByTestId('player-verdict').waitFor({ timeout: 60_000 });
    expect((await page.getByTestId('step').allTextContents()).join('\n')).toContain('maximumPercent 150');
    expect(new Set(await stepStatuses(page))).toEqual(new Set(['passed']));

    expect(errors).toEqual([]);
  });

  it('says what is wrong with a bad parameter, beside its input', async () => {
    const { page, errors } = await openWatchedPage(browser);
    await page.goto(`${server.url}/chapters/rolling-updates`);
    await chooseScenario(page, /Try your own/);

    await page.getByTestId('param-minimumHealthyPercent').fill('300');
    await page.getByTestId('player-replay').click();
    const engineSays = await page.getByTestId('param-error-minimumHealthyPercent').textContent();
    expect(engineSays).toContain('InvalidParameterException');
    expect(engineSays).toContain('minimumHealthyPercent');

    await page.getByTestId('param-minimumHealthyPercent').fill('abc');
    await page.getByTestId('player-replay').click();
    expect(await page.getByTestId('param-error-minimumHealthyPercent').textContent()).toContain('whole number');
    expect(await page.getByTestId('cluster-view').isVisible()).toBe(true);

    expect(errors).toEqual([]);
  });

  it('can be stepped with the keyboard and fits a phone screen', async () => {
    const { page, errors } = await openWatchedPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto(`${server.url}/chapters/rolling-updates`);
    await page.getByTestId('player-step').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect((await stepStatuses(page)).slice(0, 2)).toEqual(['passed', 'passed']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.getByTestId('cluster-view').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/ecs-lab-chapter-phone.png' });
    expect(errors).toEqual([]);
  });
});
