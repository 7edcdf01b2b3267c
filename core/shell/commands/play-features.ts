import { readFileSync, writeFileSync } from 'node:fs';
import chalk, { Chalk } from 'chalk';
import { runFeature, type FeatureRun } from '../../../scenarios/runner/run-feature.js';
import { featureHtmlReport } from '../../../labs/lab-kit/reporters/feature-html-report.js';
import { featureJunitReport } from '../../../labs/lab-kit/reporters/feature-junit-report.js';
import type { PlayedFeature } from '../../../labs/lab-kit/reporters/feature-results.js';
import { HttpEndpoint } from '../remote/http-port.js';
import { jsonLines, renderFeature, summarise } from '../timeline-printer.js';
import type { RunOptions } from './run-command.js';

/** What `ecs-lab run` does: plays each feature, prints its timeline, writes the reports asked for. */
export async function playFeatures(features: string[], options: RunOptions): Promise<void> {
  const paint = options.color === false ? new Chalk({ level: 0 }) : chalk;
  const remote = options.endpoint ? new HttpEndpoint(options.endpoint) : undefined;
  // Each scenario starts on a fresh simulator: the endpoint's is reset to the seed, as in-process.
  const port = remote && ((seed: number) => remote.port(seed));
  const played: PlayedFeature[] = [];
  for (const [index, file] of features.entries()) {
    if (features.length > 1) process.stderr.write(paint.dim(`[${index + 1}/${features.length}] ${file}\n`));
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (error) {
      process.stderr.write(paint.red(`ecs-lab: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`));
      process.exitCode = 2;
      return;
    }
    let run: FeatureRun;
    try {
      run = await runFeature(source, { seed: options.seed, port });
    } catch (error) {
      process.stderr.write(paint.red(`ecs-lab: ${file}: ${error instanceof Error ? error.message : String(error)}\n`));
      process.exitCode = 1;
      continue;
    }
    played.push({ file, run });
    const lines = options.json ? jsonLines(file, run) : renderFeature(run, { chalk: paint, allEvents: options.allEvents ?? false });
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (!options.json) process.stdout.write(`${summarise(played.map((p) => p.run), paint).join('\n')}\n`);
  if (options.reportHtml) writeReport(options.reportHtml, featureHtmlReport(played, new Date()));
  if (options.reportJunit) writeReport(options.reportJunit, featureJunitReport(played));
  if (played.some((p) => p.run.status !== 'passed')) process.exitCode = 1;
}

/** Reports are written after the run, whatever its outcome: a failing run is when a report matters most. */
function writeReport(file: string, text: string): void {
  try {
    writeFileSync(file, text);
    process.stderr.write(`Report written to ${file}\n`);
  } catch (error) {
    process.stderr.write(`ecs-lab: cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    process.exitCode = 2;
  }
}
