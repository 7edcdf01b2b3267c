import type { Locator, Page } from 'playwright-core';

// What both the browser tests and the bench read off a page with a player; no vitest here, so the bench
// (plain Node) can import it.

/** The first player on the page, once it has loaded its scenario. */
export async function firstPlayer(page: Page): Promise<Locator> {
  const player = page.getByTestId('scenario-player').first();
  await player.getByTestId('player-play').waitFor();
  return player;
}

/**
 * Play→first drawn event on `page`, from the marks the player sets (`ecs-lab:play`, then `ecs-lab:first-event`
 * once the event log draws one): the browser test prints it, the bench records it.
 */
export async function playToFirstEventMs(page: Page): Promise<number> {
  await page.waitForFunction(() => performance.getEntriesByName('ecs-lab:first-event').length > 0);
  return page.evaluate(() => {
    const play = performance.getEntriesByName('ecs-lab:play').at(-1)!.startTime;
    const first = performance.getEntriesByName('ecs-lab:first-event').find((m) => m.startTime >= play)!.startTime;
    return first - play;
  });
}
