import { describe, expect, it } from 'vitest';
import { browserSession, expectCleanPage } from './browser-session.js';

const session = browserSession();

describe.skipIf(!session.available)('local search', () => {
  it('finds a chapter by a word in it and opens it', async () => {
    const watched = await session.open();
    const { page } = watched;
    await page.goto(`${session.url}/`);
    await page.getByRole('button', { name: /search/i }).first().click();
    const box = page.getByRole('combobox').or(page.getByPlaceholder(/search/i)).first();
    await box.fill('minimumHealthyPercent');
    const result = page.locator('.VPLocalSearchBox .result').first();
    await result.waitFor();
    expect(await result.textContent()).toMatch(/\w/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/chapters\//);
    // The address changes before the new page is drawn.
    await page.locator('.vp-doc', { hasText: 'minimumHealthyPercent' }).waitFor();
    expect(await page.locator('h1').first().textContent()).not.toBe('');
    expectCleanPage(watched);
  });
});
