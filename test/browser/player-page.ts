import type { Locator, Page } from 'playwright-core';

// What both the browser tests and the bench read off a page with a player; no vitest here, so the bench
// (plain Node) can import it.

/**
 * The first player on the page, once it has recorded its first scenario to the end: Play works before that
 * (see notePlayReady), but scrubbing to the end, say, reaches only as far as the recording has got.
 */
export async function firstPlayer(page: Page): Promise<Locator> {
  const player = page.getByTestId('scenario-player').first();
  await player.getByTestId('player-play').waitFor();
  await player.and(page.locator('[data-recording="complete"]')).waitFor();
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

/** When Play was first on the page and enabled (ms since navigation), and whether its scenario was still recording then. */
export interface PlayReady {
  at: number;
  recording: string | null;
}

declare global {
  interface Window {
    ecsLabPlayReady?: PlayReady;
  }
}

/**
 * Call before navigating: the page notes, as the DOM changes, the first moment a Play button is there and
 * enabled, and whether the player was still recording its scenario then (`data-recording`).
 */
export async function notePlayReady(page: Page): Promise<void> {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const play = document.querySelector<HTMLButtonElement>('[data-testid="player-play"]');
      if (!play || play.disabled) return;
      observer.disconnect();
      window.ecsLabPlayReady = { at: performance.now(), recording: play.closest('[data-testid="scenario-player"]')!.getAttribute('data-recording') };
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
}

/** What notePlayReady noted, once Play is ready, and the time the first scenario finished recording (ms since navigation). */
export async function playReadiness(page: Page): Promise<PlayReady & { recordedAt: number }> {
  await page.waitForFunction(() => window.ecsLabPlayReady !== undefined && performance.getEntriesByName('ecs-lab:recorded').length > 0);
  return page.evaluate(() => ({ ...window.ecsLabPlayReady!, recordedAt: performance.getEntriesByName('ecs-lab:recorded')[0].startTime }));
}
