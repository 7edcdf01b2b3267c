import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

export { firstPlayer } from './player-page.js';

/** What a learner does with a scenario player, and what they read off it. */
export async function chooseScenario(player: Locator, name: RegExp): Promise<void> {
  const picker = player.getByTestId('scenario-picker');
  await picker.waitFor();
  const label = (await picker.locator('option').allTextContents()).find((text) => name.test(text));
  expect(label, `a scenario matching ${name}`).toBeDefined();
  await picker.selectOption({ label: label! });
}

export async function playToEnd(player: Locator): Promise<void> {
  await player.getByTestId('player-speed').selectOption({ label: 'fastest' });
  await player.getByTestId('player-play').click();
  await player.getByTestId('player-verdict').waitFor();
}

export const stepStatuses = (player: Locator) => player.getByTestId('step').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
export const taskRevisions = (player: Locator) =>
  player.getByTestId('task').evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-revision')));
export const clock = (player: Locator) => player.getByTestId('player-clock').textContent();
export const eventLines = (player: Locator) => player.getByTestId('event').allTextContents();
