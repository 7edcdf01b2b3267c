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
    expect(await page.locator('.vp-doc').textContent()).toContain('minimumHealthyPercent');
    expectCleanPage(watched);
  });
});
