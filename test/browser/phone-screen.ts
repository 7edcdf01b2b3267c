import type { Page } from 'playwright-core';

/** The phone the tests hold the site to: its screen in CSS pixels. */
export const PHONE = { width: 390, height: 844 };

/** A browser context on that phone: the page's viewport meta applies, as on a real one. */
export const ON_PHONE = { viewport: PHONE, isMobile: true };

/**
 * Whether the page scrolls sideways: wider than the layout viewport. Not `innerWidth`, which on a phone grows
 * to fit content that overflows (the browser zooms out), so comparing with it never tells.
 */
export const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
