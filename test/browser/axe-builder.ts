import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * An AxeBuilder that puts axe into a page once, not twice in every analysis: the builder evaluates axe's source
 * (1.4 MB, sent through Playwright's connection and compiled anew) before each analysis and again for each frame,
 * which took more of the site crawl's time than some of the checks. It is told the source is a no-op, and axe's
 * minified build is evaluated here when the page does not have it yet (a new page, or a page navigated since).
 */
class AxeOncePerPage extends AxeBuilder {
  readonly #page: Page;

  constructor(page: Page) {
    super({ page, axeSource: 'void 0' });
    this.#page = page;
  }

  override async analyze(): Promise<AxeResults> {
    if (!(await this.#page.evaluate(() => 'axe' in window))) await this.#page.evaluate(AXE);
    return super.analyze();
  }
}

/**
 * axe for a page of the site, reporting violations only. Legacy mode runs axe in the page itself: the default
 * opens a blank page per analysis to merge the results of cross-origin frames, which this site does not have,
 * and that doubled the time of every check (most of the browser tests' time is axe).
 */
export function axeFor(page: Page): AxeBuilder {
  return new AxeOncePerPage(page).setLegacyMode(true).options({ resultTypes: ['violations'] });
}
