import type { BenchCase } from './bench-case.js';
import { CASE_MODULES } from './case-modules.js';
import type { Measured } from './measured.js';

/**
 * One bench case in a process of its own (`node --import ./core/shell/register-ts-node.js run-case.ts <id>`):
 * it loads only that case's module, and writes tab-separated lines for the parent: `title`, then
 * `progress` lines, then `result` with the measurements as JSON.
 */
const id = process.argv[2];
const entry = CASE_MODULES.find((c) => c.id === id);
if (!entry) throw new Error(`no bench case "${id}"; known: ${CASE_MODULES.map((c) => c.id).join(', ')}`);

const send = (kind: string, payload: string) => process.stdout.write(`${kind}\t${payload}\n`);
const benchCase = ((await import(new URL(entry.module, import.meta.url).href)) as Record<string, BenchCase>)[entry.exportName];
send('title', benchCase.title);
const rssBeforeMiB = process.memoryUsage.rss() / 2 ** 20;
const started = performance.now();
const result = await benchCase.run((line) => send('progress', line));
const ms = performance.now() - started;
const measured: Measured = {
  id,
  title: benchCase.title,
  wallMs: ms,
  peakRssMiB: process.resourceUsage().maxRSS / 1024,
  rssBeforeMiB,
  simulatedSecondsPerWallSecond: result.simulatedSeconds > 0 ? result.simulatedSeconds / (ms / 1000) : null,
  ...result,
};
send('result', JSON.stringify(measured));
