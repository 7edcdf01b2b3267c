import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CASE_MODULES, type CaseModule } from './case-modules.js';
import type { Measured } from './measured.js';

/**
 * `npm run bench [-- <case ids>]`: each case in a fresh Node process (run-case.ts) that loads only that
 * case's module, so its peak RSS and wall time are its own; a progress line while it runs, a table at the
 * end, and .bench/latest.json for comparing runs. Speed goals live here only, never in timed tests.
 */
/** Wall-time goals on a 2-core machine; every case must stay under 500 MiB. */
const TARGET_MS: Record<string, number> = { b: 2000, c: 500, lab: 2000, site: 1000 };
/** The figure a case's goal is about, where it is not the case's wall time. */
const GOAL_FIGURE: Record<string, string> = { c: 'updateMs', lab: 'firstCheckMs', site: 'playReadyMs' };
const MAX_RSS_MIB = 500;

const RUN_CASE = fileURLToPath(new URL('./run-case.ts', import.meta.url));

function runInChild(entry: CaseModule): Promise<Measured> {
  return new Promise((resolve, reject) => {
    // execArgv carries the parent's `--import ./core/shell/register-ts-node.js`, so the child runs TypeScript too.
    const child = spawn(process.execPath, [...process.execArgv, RUN_CASE, entry.id], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buffer = '';
    let title = entry.id;
    let result: Measured | undefined;
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const [kind, payload] = buffer.slice(0, newline).split('\t');
        buffer = buffer.slice(newline + 1);
        if (kind === 'title') title = payload;
        if (kind === 'progress') process.stderr.write(`\r\x1b[K  (${entry.id}) ${title}: ${payload}`);
        if (kind === 'result') result = JSON.parse(payload) as Measured;
      }
    });
    child.on('exit', (code) => {
      process.stderr.write('\r\x1b[K');
      if (code === 0 && result) resolve(result);
      else reject(new Error(`case ${entry.id} exited with code ${code}`));
    });
  });
}

const fixed = (n: number | null, digits = 1) => (n === null ? '—' : n.toFixed(digits));

function printTable(results: Measured[]): void {
  const rows = results.map((r) => {
    const target = TARGET_MS[r.id];
    const keyMs = r.id in GOAL_FIGURE ? Number(r.figures[GOAL_FIGURE[r.id]]) : r.wallMs;
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
  const unknown = only.filter((id) => !CASE_MODULES.some((c) => c.id === id));
  if (unknown.length > 0) throw new Error(`no bench case ${unknown.join(', ')}; known: ${CASE_MODULES.map((c) => c.id).join(', ')}`);
  for (const entry of CASE_MODULES.filter((c) => only.length === 0 || only.includes(c.id))) results.push(await runInChild(entry));
  printTable(results);
  mkdirSync('.bench', { recursive: true });
  const report = { at: new Date().toISOString(), node: process.version, cpus: availableParallelism(), cases: results };
  writeFileSync('.bench/latest.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log('\nwritten to .bench/latest.json');
}

await main();
