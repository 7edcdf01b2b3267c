import { readFileSync, writeFileSync } from 'node:fs';
import chalk, { Chalk, type ChalkInstance } from 'chalk';
import type { Pickle } from '@cucumber/messages';
import { parseFeature, type ParsedFeature } from '../../../scenarios/runner/parse-feature.js';
import { DEFAULT_SEED, featureRun, playFeature, unplayedScenario, type FeatureRun } from '../../../scenarios/runner/run-feature.js';
import { selectableLines, selectScenarios } from '../../../scenarios/runner/select-scenarios.js';
import { matchStep } from '../../../scenarios/runner/step-matcher.js';
import type { SimulatorPort } from '../../../scenarios/port/simulator-port.js';
import { featureHtmlReport } from '../../../labs/lab-kit/reporters/feature-html-report.js';
import { featureJunitReport } from '../../../labs/lab-kit/reporters/feature-junit-report.js';
import type { PlayedFeature } from '../../../labs/lab-kit/reporters/feature-results.js';
import { HttpEndpoint } from '../remote/http-port.js';
import { factLines, summaryLines, summaryRecord, tally, type Counted, type RunFacts } from '../run-summary.js';
import { jsonLines, renderFeature } from '../timeline-printer.js';
import { undefinedStepLines, undefinedStepRecords } from '../undefined-steps-report.js';
import { resetVerdict } from './endpoint-guard.js';
import { featurePaths } from './feature-paths.js';
import type { RunOptions } from './run-command.js';
import { UsageError } from './usage-error.js';

/** A feature file and the scenarios of it to play (`parsed.pickles`, after --tags, --name and file:line). */
interface ChosenFeature {
  file: string;
  parsed: ParsedFeature;
}

/**
 * What `ecs-lab run` does. Nothing plays until every file is read and parsed, every step of the chosen
 * scenarios is known to the step library and, over the wire, the server may be reset. Then it plays each
 * feature, prints its timeline, ends with the summary, and writes the reports asked for.
 */
export async function playFeatures(paths: string[], options: RunOptions): Promise<void> {
  const started = performance.now();
  const paint = options.color === false ? new Chalk({ level: 0 }) : chalk;
  const seed = options.seed ?? DEFAULT_SEED;
  const facts = (virtualMs: number): RunFacts => ({ seed, defaultSeed: options.seed === undefined, virtualMs, realMs: Math.round(performance.now() - started) });
  const features = chooseScenarios(paths, options, paint);
  if (!features || reportedUndefinedSteps(features, options, paint, facts(0))) return;

  let port: ((seed: number) => Promise<SimulatorPort>) | undefined;
  if (options.endpoint) {
    port = await openEndpoint(options.endpoint, options, paint);
    if (!port) return;
  }

  const played: PlayedFeature[] = [];
  for (const [index, { file, parsed }] of features.entries()) {
    if (features.length > 1) process.stderr.write(paint.dim(`[${index + 1}/${features.length}] ${file}\n`));
    let run: FeatureRun;
    try {
      // The run prints no pictures of the cluster, so it takes none.
      run = await playFeature(parsed, { seed, port, pictures: false });
    } catch (error) {
      process.stderr.write(paint.red(`ecs-lab: ${file}: ${error instanceof Error ? error.message : String(error)}\n`));
      process.exitCode = 1;
      continue;
    }
    played.push({ file, run });
    const lines = options.json ? jsonLines(file, run) : renderFeature(run, { chalk: paint, allEvents: options.allEvents ?? false });
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  const scenarios = played.flatMap((p) => p.run.scenarios);
  // Each scenario starts at virtual time 0: the run took them all, one after the other.
  const ran = facts(scenarios.reduce((sum, scenario) => sum + (scenario.steps.at(-1)?.endedAt ?? 0), 0));
  const end = options.json ? [summaryRecord(tally(scenarios), ran)] : [...summaryLines(tally(scenarios), paint), ...factLines(ran, paint)];
  process.stdout.write(`${end.join('\n')}\n`);
  writeReports(played, options);
  if (played.some((p) => p.run.status !== 'passed')) process.exitCode = 1;
}

/**
 * Every feature file named, parsed, with the scenarios the filters keep; a feature a filter leaves empty is left
 * out. A file that is not Gherkin is reported with every other one (exit code 2), and then nothing runs.
 */
function chooseScenarios(paths: string[], options: RunOptions, paint: ChalkInstance): ChosenFeature[] | undefined {
  const problems: string[] = [];
  const chosen: ChosenFeature[] = [];
  for (const { file, lines } of featurePaths(paths)) {
    let parsed: ParsedFeature;
    try {
      parsed = parseFeature(readFileSync(file, 'utf8'));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(code ? `cannot read ${file}: ${code}` : `${file}: ${(error as Error).message}`);
      continue;
    }
    const { pickles, unknownLines } = selectScenarios(parsed, { lines, tags: options.tags, names: options.name });
    if (unknownLines.length > 0) {
      const where = unknownLines.map((line) => `${file}:${line}`).join(', ');
      throw new UsageError(`${where}: no scenario or example row starts at that line; in this file they start at lines ${selectableLines(parsed).join(', ')}.`);
    }
    const filtered = lines !== undefined || options.tags !== undefined || options.name !== undefined;
    if (!filtered || pickles.length > 0) chosen.push({ file, parsed: { ...parsed, pickles } });
  }
  if (problems.length > 0) {
    process.stderr.write(paint.red(`${problems.map((problem) => `ecs-lab: ${problem}`).join('\n')}\n`));
    process.exitCode = 2;
    return undefined;
  }
  if (chosen.length === 0) process.stderr.write(paint.yellow('ecs-lab run: no scenario matches --tags, --name and the lines given.\n'));
  return chosen;
}

/**
 * When a step of a chosen scenario is in no step definition: reports each (with --json, as records), the summary
 * (those scenarios undefined, the others skipped), and the reports asked for; exit code 1. Nothing was played.
 */
function reportedUndefinedSteps(features: ChosenFeature[], options: RunOptions, paint: ChalkInstance, facts: RunFacts): boolean {
  const unplayed = features
    .map(({ file, parsed }) => ({ file, run: featureRun(parsed, parsed.pickles.filter(hasUndefinedStep).map((pickle) => unplayedScenario(parsed, pickle))) }))
    .filter(({ run }) => run.scenarios.length > 0);
  if (unplayed.length === 0) return false;
  const others = features.flatMap(({ parsed }) => parsed.pickles.filter((pickle) => !hasUndefinedStep(pickle)).map(notPlayed));
  const counts = tally([...unplayed.flatMap(({ run }) => run.scenarios), ...others]);
  const lines = options.json ? [...undefinedStepRecords(unplayed), summaryRecord(counts, facts)] : [...undefinedStepLines(unplayed, paint), ...summaryLines(counts, paint)];
  process.stdout.write(`${lines.join('\n')}\n`);
  writeReports(unplayed, options);
  process.exitCode = 1;
  return true;
}

const hasUndefinedStep = (pickle: Pickle) => pickle.steps.some((step) => matchStep(step.text).length === 0);

/** A scenario that did not play because another has an undefined step: it and its steps count as skipped. */
const notPlayed = (pickle: Pickle): Counted => ({ status: 'skipped', steps: pickle.steps.map(() => ({ status: 'skipped' })) });

/**
 * The scenarios' port to the endpoint, once it is known the run may reset it: it holds nothing, or --reset
 * was given (and then it is said before anything runs). Otherwise the refusal, with exit code 2.
 */
async function openEndpoint(endpoint: string, options: RunOptions, paint: ChalkInstance): Promise<((seed: number) => Promise<SimulatorPort>) | undefined> {
  const remote = new HttpEndpoint(endpoint, undefined, options.controlToken);
  const refuse = (message: string) => {
    process.stderr.write(`${paint.red(`ecs-lab run: ${message}`)}\n`);
    process.exitCode = 2;
    return undefined;
  };
  let verdict;
  try {
    verdict = resetVerdict(endpoint, await remote.contents(), options.reset === true);
  } catch (error) {
    return refuse((error as Error).message);
  }
  if ('refusal' in verdict) return refuse(verdict.refusal);
  if (verdict.notice) process.stderr.write(`${paint.yellow(`ecs-lab run: ${verdict.notice}`)}\n`);
  // Each scenario starts on a fresh simulator: the endpoint's is reset to the seed, as in-process.
  return (seed) => remote.port(seed);
}

/** Reports are written after the run, whatever its outcome: a failing run is when a report matters most. */
function writeReports(played: PlayedFeature[], options: RunOptions): void {
  if (options.reportHtml) writeReport(options.reportHtml, featureHtmlReport(played, new Date()));
  if (options.reportJunit) writeReport(options.reportJunit, featureJunitReport(played));
}

function writeReport(file: string, text: string): void {
  try {
    writeFileSync(file, text);
    process.stderr.write(`Report written to ${file}\n`);
  } catch (error) {
    process.stderr.write(`ecs-lab: cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    process.exitCode = 2;
  }
}
