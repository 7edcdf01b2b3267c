import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchCase, CaseResult } from './bench-case.js';
import { endpointThroughput } from './cases/endpoint-throughput.js';
import { placementRate } from './cases/placement-rate.js';
import { rollingUpdateCase, rollingUpdateGrowth } from './cases/rolling-update.js';
import { scenarioSuite } from './cases/scenario-suite.js';
import { siteFigures } from './cases/site-figures.js';
import { spotDay } from './cases/spot-day.js';

/**
 * `npm run bench`: each case in a fresh Node process (so its peak RSS is its own, from
 * process.resourceUsage().maxRSS), a progress line while it runs, a table at the end, and
 * .bench/latest.json for comparing runs. Speed goals live here only, never in timed tests.
 */
const CASES: BenchCase[] = [scenarioSuite, spotDay, rollingUpdateCase, rollingUpdateGrowth, placementRate, endpointThroughput, siteFigures];
/** Wall-time goals on a 2-core machine; every case must stay under 500 MiB. */
const TARGET_MS: Record<string, number> = { b: 2000, c: 1000 };
const MAX_RSS_MIB = 500;

interface Measured extends CaseResult {
  id: string;
  title: string;
  wallMs: number;
  peakRssMiB: number;
  /** RSS once the code is loaded, before the case runs (ts-node's compiler is most of it). */
  rssBeforeMiB: number;
  simulatedSecondsPerWallSecond: number | null;
}

const SELF = fileURLToPath(import.meta.url);

/** Child mode: run one case, stream progress lines, end with the result as JSON. */
async function runChild(id: string): Promise<void> {
  const benchCase = CASES.find((c) => c.id === id)!;
  const rssBeforeMiB = process.memoryUsage.rss() / 2 ** 20;
  const started = performance.now();
  const result = await benchCase.run((line) => process.stdout.write(`progress\t${line}\n`));
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
  process.stdout.write(`result\t${JSON.stringify(measured)}\n`);
}

function runInChild(benchCase: BenchCase): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, SELF, '--case', benchCase.id], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buffer = '';
    let result: Measured | undefined;
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const [kind, payload] = buffer.slice(0, newline).split('\t');
        buffer = buffer.slice(newline + 1);
        if (kind === 'progress') process.stderr.write(`\r\x1b[K  (${benchCase.id}) ${benchCase.title}: ${payload}`);
        if (kind === 'result') result = JSON.parse(payload) as Measured;
      }
    });
    child.on('exit', (code) => {
      process.stderr.write('\r\x1b[K');
      if (code === 0 && result) resolve(result);
      else reject(new Error(`case ${benchCase.id} exited with code ${code}`));
    });
  });
}

const fixed = (n: number | null, digits = 1) => (n === null ? '—' : n.toFixed(digits));

function printTable(results: Measured[]): void {
  const rows = results.map((r) => {
    const target = TARGET_MS[r.id];
    const keyMs = r.id === 'c' ? Number(r.figures.updateMs) : r.wallMs;
    const verdict = [target !== undefined ? (keyMs <= target ? `✔ ${target} ms` : `✘ ${target} ms`) : '', r.peakRssMiB <= MAX_RSS_MIB ? '' : `✘ > ${MAX_RSS_MIB} MiB`].filter(Boolean).join(' ') || '✔';
    return [r.id, r.title, fixed(r.wallMs / 1000, 2), `${fixed(r.peakRssMiB, 0)} (${fixed(r.rssBeforeMiB, 0)} at start)`, fixed(r.simulatedSecondsPerWallSecond, 1), verdict];
  });
  const header = ['case', 'what', 'wall s', 'peak MiB', 'sim s / wall s', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
  for (const r of results) console.log(`\n(${r.id}) ${Object.entries(r.figures).map(([k, v]) => `${k}: ${v}`).join(', ')}`);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const results: Measured[] = [];
  for (const benchCase of CASES.filter((c) => only.length === 0 || only.includes(c.id))) results.push(await runInChild(benchCase));
  printTable(results);
  mkdirSync('.bench', { recursive: true });
  const report = { at: new Date().toISOString(), node: process.version, cpus: availableParallelism(), cases: results };
  writeFileSync('.bench/latest.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log('\nwritten to .bench/latest.json');
}

const caseFlag = process.argv.indexOf('--case');
if (caseFlag >= 0) await runChild(process.argv[caseFlag + 1]);
else if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
