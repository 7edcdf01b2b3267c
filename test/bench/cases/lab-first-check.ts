import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, chromiumArgs, chromiumInstalled, openWatchedPage } from '../../browser/offline-chromium.js';
import { checkMs, openLab } from '../../browser/lab-page.js';
import { startPreviewServer } from '../../browser/preview-server.js';
import type { BenchCase, CaseResult } from '../bench-case.js';
import { round } from './rolling-update.js';

const LAB = 'drain-for-maintenance';
/** Fresh pages per figure; the median is the figure. */
const TRIES = 3;

/**
 * The first Check of the TypeScript lab (the compiler, the simulator's types and the engine load in its
 * worker): once the lab has been in view long enough for the worker to warm up, as for a learner who read the
 * instructions first, and straight after the page loads (the worker still warming).
 */
async function firstCheck(browser: Browser, url: string, warm: boolean): Promise<number> {
  const { page } = await openWatchedPage(browser);
  await openLab(page, url, LAB, { waitForWarm: warm });
  const ms = await checkMs(page);
  await page.context().close();
  return ms;
}

/** Navigation → the quizzes page's first questions answer a click (the page's own mark). */
async function quizzesReady(browser: Browser, url: string): Promise<number> {
  const { page } = await openWatchedPage(browser);
  await page.goto(`${url}/quizzes`);
  await page.locator('[data-testid="quiz-index"][data-ready]').waitFor();
  const ms = await page.evaluate(() => performance.getEntriesByName('ecs-lab:quizzes-ready')[0].startTime);
  await page.context().close();
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(tries: number, progress: (line: string) => void, what: string, once: () => Promise<number>): Promise<number[]> {
  const values: number[] = [];
  for (let i = 0; i < tries; i++) {
    progress(`${what} ${i + 1}/${tries}`);
    values.push(await once());
  }
  return values;
}

export const labFirstCheck: BenchCase = {
  id: 'lab',
  title: `first Check of the TypeScript lab (${LAB}) and the quizzes page, in Chromium`,
  async run(progress): Promise<CaseResult> {
    if (!chromiumInstalled) return { simulatedSeconds: 0, figures: { skipped: `${CHROMIUM} is missing (apt-get install -y chromium)` } };
    const server = await startPreviewServer();
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
    try {
      const warm = await measure(TRIES, progress, 'first Check, lab in view', () => firstCheck(browser, server.url, true));
      const cold = await measure(TRIES, progress, 'first Check, right after load', () => firstCheck(browser, server.url, false));
      const quizzes = await measure(TRIES, progress, 'quizzes page live', () => quizzesReady(browser, server.url));
      return {
        simulatedSeconds: 0,
        figures: {
          firstCheckMs: round(median(warm)),
          firstCheckRangeMs: `${round(Math.min(...warm))}–${round(Math.max(...warm))}`,
          firstCheckRightAfterLoadMs: round(median(cold)),
          quizzesReadyMs: round(median(quizzes)),
        },
      };
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
