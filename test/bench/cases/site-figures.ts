import { existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, chromiumArgs, chromiumInstalled, openWatchedPage } from '../../browser/offline-chromium.js';
import { firstPlayer, notePlayReady, playReadiness, playToFirstEventMs } from '../../browser/player-page.js';
import { startPreviewServer } from '../../browser/preview-server.js';
import type { BenchCase, CaseResult } from '../bench-case.js';
import { round } from './rolling-update.js';

const DIST = 'docs/.vitepress/dist';
const CHAPTER = '/chapters/rolling-updates';
/** A fresh page is timed this many times; the medians are the figures (the first page warms the server). */
const PLAYS = 5;

/** The JS files a chapter page fetches until its player is ready to play: the page's own and the player's chunks. */
async function chapterScripts(browser: Browser, url: string): Promise<string[]> {
  const { page } = await openWatchedPage(browser);
  const scripts = new Set<string>();
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith('.js')) scripts.add(path);
  });
  await page.goto(`${url}${CHAPTER}`);
  await firstPlayer(page);
  await page.context().close();
  return [...scripts];
}

/**
 * On a fresh page: navigation → Play enabled, navigation → its first scenario recorded, then (on the recorded
 * scenario) Play → first drawn event.
 */
async function timeChapter(browser: Browser, url: string): Promise<{ readyMs: number; recordedMs: number; firstEventMs: number }> {
  const { page } = await openWatchedPage(browser);
  await notePlayReady(page);
  await page.goto(`${url}${CHAPTER}`);
  const { at, recordedAt } = await playReadiness(page);
  const player = await firstPlayer(page);
  await player.getByTestId('player-play').click();
  const firstEventMs = await playToFirstEventMs(page);
  await page.context().close();
  return { readyMs: at, recordedMs: recordedAt, firstEventMs };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const range = (values: number[]) => `${round(Math.min(...values))}–${round(Math.max(...values))}`;

/**
 * (site) What a learner waits for in the workshop site, measured in Chromium on the built site: in the
 * rolling-updates chapter, navigation → Play enabled (goal: 1 s; the player shows its scenario and takes Play
 * while the scenario still records), navigation → the first scenario recorded, Play → first drawn event (at
 * the default speed), and the JS that chapter loads, raw and gzipped. The site is built first if docs/.vitepress/dist is missing; otherwise the figures are of the build
 * there, whose date is recorded, so a stale build shows.
 */
export const siteFigures: BenchCase = {
  id: 'site',
  title: `workshop site in Chromium (${CHAPTER})`,
  async run(progress): Promise<CaseResult> {
    if (!chromiumInstalled) {
      return { simulatedSeconds: 0, figures: { skipped: `${CHROMIUM} is missing (apt-get install -y chromium)` } };
    }
    if (!existsSync(`${DIST}/index.html`)) progress(`${DIST} is missing: building the site first (vitepress build docs)`);
    const server = await startPreviewServer();
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
    try {
      progress('loading the chapter');
      const scripts = await chapterScripts(browser, server.url);
      const files = scripts.map((path) => readFileSync(`${DIST}${path}`));
      const times: Array<Awaited<ReturnType<typeof timeChapter>>> = [];
      for (let i = 0; i < PLAYS; i++) {
        progress(`page ${i + 1}/${PLAYS}`);
        times.push(await timeChapter(browser, server.url));
      }
      const figure = (key: keyof (typeof times)[number]) => times.map((t) => t[key]);
      return {
        simulatedSeconds: 0,
        figures: {
          playReadyMs: round(median(figure('readyMs'))),
          playReadyRangeMs: range(figure('readyMs')),
          scenarioRecordedMs: round(median(figure('recordedMs'))),
          playToFirstEventMs: round(median(figure('firstEventMs'))),
          playToFirstEventRangeMs: range(figure('firstEventMs')),
          chapterJsFiles: files.length,
          chapterJsBytes: files.reduce((sum, f) => sum + f.length, 0),
          chapterJsGzipBytes: files.reduce((sum, f) => sum + gzipSync(f).length, 0),
          siteBuiltAt: statSync(`${DIST}/index.html`).mtime.toISOString(),
        },
      };
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
