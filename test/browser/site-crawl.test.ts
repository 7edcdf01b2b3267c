import type { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeFor } from './axe-builder.js';
import { browserSession, expectCleanPage } from './browser-session.js';
import { UNCOMPRESSED, type WatchedPage } from './offline-chromium.js';

const session = browserSession();

/** Files the site links to that are not pages: checked for a 200, not opened. */
const ASSET = /\.(svg|png|jpe?g|gif|ico|webp|css|js|json|txt|xml|zip|pdf|feature)$/i;
/** Pages opened at once: the crawl is most of the suite's time. */
const WORKERS = 3;

interface PageFindings {
  status: number;
  links: string[];
  ids: Set<string>;
  violations: string[];
  overflows: boolean;
}

/** One page, however it is linked: "/x", "/x.html" and "/x?play=…#y" are all "/x". */
function pageKey(href: string): string {
  const url = new URL(href);
  return `${url.origin}${url.pathname.replace(/\.html$/, '').replace(/\/index$/, '/')}`;
}

/** Waits until the page's live parts have loaded: a player shows its controls. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid="scenario-player"]')].every((p) =>
      p.querySelector('[data-testid="player-play"], [data-testid="player-error"]'),
    ),
  );
}

async function inspect(page: Page, url: string, axe: (page: Page) => AxeBuilder): Promise<PageFindings> {
  const status = (await page.goto(url))?.status() ?? 0;
  if (status !== 200) return { status, links: [], ids: new Set(), violations: [], overflows: false };
  await settle(page);
  const { links, ids, overflows } = await page.evaluate(() => ({
    links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
    ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
    overflows: document.documentElement.scrollWidth > window.innerWidth,
  }));
  const violations = (await axe(page).analyze()).violations.map(
    (v) => `${new URL(url).pathname}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`,
  );
  return { status, links, ids: new Set(ids), violations, overflows };
}

/** Every page reachable from the home page by same-origin links, each inspected once, WORKERS at a time. */
async function crawl(watched: WatchedPage, start: string, axe: (page: Page) => AxeBuilder): Promise<Map<string, PageFindings>> {
  const origin = new URL(start).origin;
  const found = new Map<string, PageFindings>();
  const seen = new Set([pageKey(start)]);
  const queue = [pageKey(start)];
  const pages = [watched.page, ...(await Promise.all(Array.from({ length: WORKERS - 1 }, () => watched.page.context().newPage())))];
  let busy = 0;
  await Promise.all(
    pages.map(async (page) => {
      while (queue.length > 0 || busy > 0) {
        const url = queue.shift();
        if (!url) {
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        busy++;
        const findings = await inspect(page, url, axe).finally(() => busy--);
        found.set(url, findings);
        for (const link of findings.links) {
          if (new URL(link).origin !== origin || ASSET.test(new URL(link).pathname) || seen.has(pageKey(link))) continue;
          seen.add(pageKey(link));
          queue.push(pageKey(link));
        }
      }
    }),
  );
  return found;
}

const VIEWS = {
  // Every rule, on the desktop layout.
  light: { options: { colorScheme: 'light', viewport: { width: 1280, height: 900 } }, axe: axeFor },
  // Dark mode changes colours only, so contrast is what can break; a phone changes the layout.
  dark: {
    options: { colorScheme: 'dark', viewport: { width: 390, height: 844 }, isMobile: true },
    axe: (page: Page) => axeFor(page).withRules(['color-contrast']),
  },
} as const;

/** Each crawl runs once and is shared by the tests that read it. */
const crawls = new Map<keyof typeof VIEWS, Promise<{ pages: Map<string, PageFindings>; clean: () => void }>>();
function crawled(view: keyof typeof VIEWS) {
  if (!crawls.has(view)) {
    const { options, axe } = VIEWS[view];
    crawls.set(
      view,
      session.open(options).then(async (watched) => ({
        pages: await crawl(watched, `${session.url}/`, axe),
        clean: () => expectCleanPage(watched),
      })),
    );
  }
  return crawls.get(view)!;
}

const served = (pages: Map<string, PageFindings>) => [...pages].filter(([, p]) => p.status === 200);

// A limit, not a wait: the crawl runs axe over every page (about 45 now, the API fields page with 88 tables among
// them); on a 2-core machine with the other lane busy it took over 300 s.
describe.skipIf(!session.available)('every page of the built site', { timeout: 1_200_000 }, () => {
  it('has no axe violations, and no request leaves the site (light, desktop)', async () => {
    const { pages, clean } = await crawled('light');
    expect(served(pages).length).toBeGreaterThan(5);
    expect(served(pages).flatMap(([, p]) => p.violations)).toEqual([]);
    clean();
  });

  it('has enough contrast in dark mode and fits a phone screen without scrolling sideways', async () => {
    const { pages, clean } = await crawled('dark');
    expect(served(pages).flatMap(([, p]) => p.violations)).toEqual([]);
    expect(served(pages).filter(([, p]) => p.overflows).map(([url]) => new URL(url).pathname), 'pages wider than the screen').toEqual([]);
    clean();
  });

  it('links only to pages that exist and to anchors that exist on them', async () => {
    const { pages } = await crawled('light');
    const origin = new URL(session.url).origin;
    const links = new Set([...pages.values()].flatMap((p) => p.links).filter((l) => new URL(l).origin === origin));
    const broken = new Set<string>();
    for (const link of links) {
      const url = new URL(link);
      const target = ASSET.test(url.pathname) ? undefined : pages.get(pageKey(link));
      const status = target?.status ?? (await fetch(link, { headers: UNCOMPRESSED })).status;
      if (status !== 200) broken.add(`${url.pathname} answers ${status}`);
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && target && status === 200 && !target.ids.has(anchor)) broken.add(`${url.pathname}${url.hash}: no element with that id`);
    }
    expect(links.size).toBeGreaterThan(10);
    expect([...broken]).toEqual([]);
  });
});
