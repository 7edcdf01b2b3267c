import type { Page } from 'playwright-core';

// What both the browser tests and the bench do with a lab's page; no vitest here, so the bench (plain Node) can
// import it.

/** Opens a lab's page and scrolls its panel into view, as a learner reaching it would; resolves once its checker is warm. */
export async function openLab(page: Page, siteUrl: string, lab: string, { waitForWarm = true } = {}): Promise<void> {
  await page.goto(`${siteUrl}/labs/${lab}`);
  const panel = page.locator(`.lab-panel[data-lab="${lab}"]`);
  await page.getByTestId('lab-check').waitFor();
  await panel.scrollIntoViewIfNeeded();
  if (waitForWarm) await page.locator(`.lab-panel[data-lab="${lab}"][data-warmed]`).waitFor();
}

/** Replaces the text of the file open in the lab's editor, as typing it would. */
export async function setLabFile(page: Page, text: string): Promise<void> {
  await page.getByTestId('lab-code-editor').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** Clicks Check and resolves with the milliseconds until the results were on screen (the panel's own marks). */
export async function checkMs(page: Page): Promise<number> {
  const before = await page.evaluate(() => performance.getEntriesByName('ecs-lab:checked').length);
  await page.getByTestId('lab-check').click();
  await page.waitForFunction((n) => performance.getEntriesByName('ecs-lab:checked').length > n, before);
  return page.evaluate(() => {
    const started = performance.getEntriesByName('ecs-lab:check').at(-1)!.startTime;
    return performance.getEntriesByName('ecs-lab:checked').at(-1)!.startTime - started;
  });
}
