import { describe, expect, it } from 'vitest';
import { browserSession, expectCleanPage } from './browser-session.js';
import { siteAlive } from './page-ready.js';

const session = browserSession();

describe.skipIf(!session.available)('the coverage page', () => {
  it('renders the concept matrix as a table, one row per concept', async () => {
    const watched = await session.open();
    const { page } = watched;
    await page.goto(`${session.url}/`);
    await siteAlive(page);
    // An instructors' page: in the top navigation's Instructors menu.
    await page.locator('.VPNavBar').getByRole('button', { name: 'Instructors' }).click();
    await page.locator('.VPNavBar').getByRole('link', { name: 'Coverage', exact: true }).click();
    await page.waitForURL(/\/coverage/);
    const table = page.locator('.vp-doc table').first();
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(50);
    expect(await table.locator('tbody').textContent()).toContain('C01');
    expectCleanPage(watched);
  });
});
