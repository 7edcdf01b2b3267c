import type { Page } from 'playwright-core';

/**
 * Waits until the site has come alive on the page: VitePress's app is mounted, so its navigation and the
 * page's own parts answer clicks (a click on the server-rendered HTML before that does nothing, or reloads).
 * A condition the page reaches, not a guess at quiet time such as networkidle.
 */
export async function siteAlive(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const app = document.querySelector('#app');
    return app !== null && '__vue_app__' in app;
  });
}
