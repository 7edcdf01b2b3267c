import type { Result } from 'axe-core';
import { errors, type CDPSession, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeFor } from './axe-builder.js';
import { browserSession, expectCleanPage } from './browser-session.js';
import { UNCOMPRESSED, type WatchedPage } from './offline-chromium.js';
import { PHONE, scrollsSideways } from './phone-screen.js';

const session = browserSession();

/** Files the site links to that are not pages: checked for a 200, not opened. */
const ASSET = /\.(svg|png|jpe?g|gif|ico|webp|css|js|json|txt|xml|zip|pdf|feature)$/i;
/** Pages opened at once: the crawl is most of the suite's time. */
const WORKERS = 3;

interface PageFindings {
  status: number;
  links: string[];
  ids: Set<string>;
  /** Every axe rule, light mode, desktop. */
  violations: string[];
  /** Colour contrast, dark mode, phone. */
  darkViolations: string[];
  /** Wider than the phone's screen. */
  overflows: boolean;
}

/** One page, however it is linked: "/x", "/x.html" and "/x?play=…#y" are all "/x". */
function pageKey(href: string): string {
  const url = new URL(href);
  return `${url.origin}${url.pathname.replace(/\.html$/, '').replace(/\/index$/, '/')}`;
}

/**
 * What the checks read that is not on screen yet, by name (none: the page has come to rest), as conditions the
 * page reaches rather than a guess at quiet time: the fonts the text is laid out in (a wider font can overflow a
 * phone), the images that are not lazy, the Vue app mounted, and each live part on the page come alive (a player
 * shows its controls, a lab its editor, the quizzes and the progress page their content, a chapter's Practice
 * block near the screen its questions). Runs in the page.
 */
function unsettled(): string[] {
  const all = (selector: string) => [...document.querySelectorAll(selector)];
  const conditions: Record<string, boolean> = {
    fonts: document.fonts.status === 'loaded',
    images: all('img:not([loading="lazy"])').every((img) => (img as HTMLImageElement).complete),
    'the Vue app': '__vue_app__' in document.querySelector('#app')!,
    players: all('[data-testid="scenario-player"]').every((p) => p.querySelector('[data-testid="player-play"], [data-testid="player-error"]')),
    labs: all('.lab-panel').every((lab) => lab.querySelector('[data-testid="lab-failure"], [data-testid="lab-check"]') && !lab.querySelector('[data-testid="lab-editor"]')),
    quizzes: all('[data-testid="quiz-index"]').every((quizzes) => quizzes.hasAttribute('data-ready')),
    progress: all('[data-testid="progress"]').every((progress) => progress.querySelector('[data-testid="progress-chapters"]')),
    // A chapter's questions load once its Practice block is within 800 px of the screen (near-viewport.ts).
    'practice questions': all('[data-testid="chapter-practice"]').every(
      (practice) =>
        !practice.querySelector('.lead') ||
        practice.querySelector('[data-testid="practice-questions"], [role="alert"]') ||
        practice.getBoundingClientRect().top > window.innerHeight + 800,
    ),
  };
  return Object.keys(conditions).filter((name) => !conditions[name]);
}

/** A limit, not a wait: a page comes to rest in seconds; one that never does fails the crawl saying what it lacks. */
const SETTLE_LIMIT_MS = 120_000;

async function settle(page: Page, url: string): Promise<void> {
  try {
    await page.waitForFunction(`(${unsettled.toString()})().length === 0`, undefined, { timeout: SETTLE_LIMIT_MS });
  } catch (error) {
    if (!(error instanceof errors.TimeoutError)) throw error;
    throw new Error(`${new URL(url).pathname} did not come to rest in ${SETTLE_LIMIT_MS / 1000} s: no ${(await page.evaluate(unsettled)).join(', no ')} yet`);
  }
}

const DESKTOP = { width: 1280, height: 900 };

/**
 * The two views every page is checked in. A view is emulated as a context with `isMobile` does (the page's
 * viewport meta applies); VitePress follows the system's colour scheme and switches `html.dark` without
 * transitions. A page's layout here is CSS alone, so a page turned into a view in place is laid out as it would
 * be loaded in it.
 */
interface View {
  dark: boolean;
  screen: { width: number; height: number };
  mobile: boolean;
}
const LIGHT_DESKTOP: View = { dark: false, screen: DESKTOP, mobile: false };
const DARK_PHONE: View = { dark: true, screen: PHONE, mobile: true };
const otherView = (view: View) => (view === LIGHT_DESKTOP ? DARK_PHONE : LIGHT_DESKTOP);

async function enter(page: Page, cdp: CDPSession, { dark, screen, mobile }: View): Promise<void> {
  await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
  const screenOrientation = { angle: 0, type: mobile ? 'portraitPrimary' : 'landscapePrimary' } as const;
  await cdp.send('Emulation.setDeviceMetricsOverride', { ...screen, deviceScaleFactor: 1, mobile, screenOrientation });
}

/** Turns the page it shows into `view`, once that page has come to rest. */
async function turnInto(page: Page, cdp: CDPSession, view: View): Promise<void> {
  await enter(page, cdp, view);
  await page.waitForFunction(
    ({ dark, width }) => document.documentElement.classList.contains('dark') === dark && matchMedia(`(width: ${width}px)`).matches,
    { dark: view.dark, width: view.screen.width },
  );
  // A chart fits its new width in the frame after its ResizeObserver has seen the change: two frames on.
  await page.evaluate(() => new Promise((framed) => requestAnimationFrame(() => requestAnimationFrame(framed))));
}

/**
 * The site's chrome, the top bar and the sidebar, is the same on every page but for which of its links is the
 * current one: axe checks it in full on the home page and on the first chapter (where both have a current link),
 * and on every other page checks the page's own content (the sidebar is a third of a chapter page's elements).
 */
const CHROME_CHECKED_ON = ['/', '/chapters/what-is-ecs'];
const CHROME = ['.VPNav', '.VPSidebar'];
const axeOf = (page: Page, url: string) => {
  const axe = axeFor(page);
  return CHROME_CHECKED_ON.includes(new URL(url).pathname) ? axe : CHROME.reduce((scoped, selector) => scoped.exclude(selector), axe);
};

const describeViolations = (url: string, violations: Result[]) =>
  violations.map((v) => `${new URL(url).pathname}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);

/** Light, desktop: every axe rule, and the page's links and ids. Dark, phone: colour contrast and sideways scrolling. */
async function check(page: Page, url: string, view: View, findings: PageFindings): Promise<void> {
  if (view === LIGHT_DESKTOP) {
    const { links, ids } = await page.evaluate(() => ({
      links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
    }));
    findings.links = links;
    findings.ids = new Set(ids);
    findings.violations = describeViolations(url, (await axeOf(page, url).analyze()).violations);
  } else {
    findings.overflows = await scrollsSideways(page);
    findings.darkViolations = describeViolations(url, (await axeOf(page, url).withRules(['color-contrast']).analyze()).violations);
  }
}

/**
 * One visit serves both views: the page loads in the view the last page was left in, is checked, then turned
 * into the other view and checked again, and is left in that one for the next page. Turning a page about to be
 * left back would lay it out and draw it again for nothing.
 */
async function inspect(page: Page, cdp: CDPSession, url: string, loadedIn: View): Promise<PageFindings> {
  const findings: PageFindings = { status: (await page.goto(url))?.status() ?? 0, links: [], ids: new Set(), violations: [], darkViolations: [], overflows: false };
  if (findings.status !== 200) return findings;
  await settle(page, url);
  await check(page, url, loadedIn, findings);
  await turnInto(page, cdp, otherView(loadedIn));
  await check(page, url, otherView(loadedIn), findings);
  return findings;
}

/** Every page reachable from the home page by same-origin links, each inspected once, WORKERS at a time. */
async function crawl(watched: WatchedPage, start: string): Promise<Map<string, PageFindings>> {
  const origin = new URL(start).origin;
  const found = new Map<string, PageFindings>();
  const seen = new Set([pageKey(start)]);
  const queue = [pageKey(start)];
  const context = watched.page.context();
  const pages = [watched.page, ...(await Promise.all(Array.from({ length: WORKERS - 1 }, () => context.newPage())))];
  let busy = 0;
  await Promise.all(
    pages.map(async (page) => {
      const cdp = await context.newCDPSession(page);
      await stubCheckWorker(cdp);
      let view = LIGHT_DESKTOP;
      await enter(page, cdp, view);
      while (queue.length > 0 || busy > 0) {
        const url = queue.shift();
        if (!url) {
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        busy++;
        const findings = await inspect(page, cdp, url, view).finally(() => busy--);
        if (findings.status === 200) view = otherView(view);
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

/**
 * The labs' check worker (the engine, the TypeScript compiler), which a lab's page starts as it opens to run the
 * checks once on the starter, out of sight and reporting nothing: the labs' own tests' subject. Here it is handed
 * an empty script, so it does not take the cores from the checks on every lab page. Only its request is paused
 * (a route would pause every request and turn the browser's cache off).
 */
async function stubCheckWorker(cdp: CDPSession): Promise<void> {
  cdp.on('Fetch.requestPaused', ({ requestId }) =>
    void cdp.send('Fetch.fulfillRequest', { requestId, responseCode: 200, responseHeaders: [{ name: 'Content-Type', value: 'text/javascript' }], body: '' }),
  );
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*/assets/check-worker-*.js' }] });
}

/** The crawl runs once and is shared by the tests that read it. */
let crawling: Promise<{ pages: Map<string, PageFindings>; clean: () => void }> | undefined;
function crawled() {
  crawling ??= session.open({ viewport: DESKTOP }).then(async (watched) => ({ pages: await crawl(watched, `${session.url}/`), clean: () => expectCleanPage(watched) }));
  return crawling;
}

const served = (pages: Map<string, PageFindings>) => [...pages].filter(([, p]) => p.status === 200);

// A limit, not a wait: the crawl runs axe twice over every page (about 60 now, the API fields page with 88 tables
// among them); on a 2-core machine busy with the rest of `npm test` it can take minutes.
describe.skipIf(!session.available)('every page of the built site', { timeout: 1_200_000 }, () => {
  it('has no axe violations, and no request leaves the site (light, desktop)', async () => {
    const { pages, clean } = await crawled();
    expect(served(pages).length).toBeGreaterThan(5);
    expect(CHROME_CHECKED_ON.map((path) => [path, pages.get(`${session.url}${path}`)?.status]), 'the pages the chrome is checked on').toEqual(
      CHROME_CHECKED_ON.map((path) => [path, 200]),
    );
    expect(served(pages).flatMap(([, p]) => p.violations)).toEqual([]);
    clean();
  });

  it('has enough contrast in dark mode and fits a phone screen without scrolling sideways', async () => {
    const { pages, clean } = await crawled();
    expect(served(pages).flatMap(([, p]) => p.darkViolations)).toEqual([]);
    expect(served(pages).filter(([, p]) => p.overflows).map(([url]) => new URL(url).pathname), 'pages wider than the screen').toEqual([]);
    clean();
  });

  it('links only to pages that exist and to anchors that exist on them', async () => {
    const { pages } = await crawled();
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
