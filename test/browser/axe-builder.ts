import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * axe for a page of the site, reporting violations only. Legacy mode runs axe in the page itself: the default
 * opens a blank page per analysis to merge the results of cross-origin frames, which this site does not have,
 * and that doubled the time of every check (most of the browser tests' time is axe).
 */
export function axeFor(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
}
