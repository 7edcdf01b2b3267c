import type { ChalkInstance } from 'chalk';
import { describeEvent, formatVirtualTime, type SimEvent } from '../index.js';
import type { FeatureRun, ScenarioRun, StepRun } from '../../scenarios/runner/run-feature.js';

/**
 * Renders a feature run as the timeline learners read in a terminal: each step with its virtual time and
 * outcome, followed by the events it caused, in ECS's words.
 */
export interface PrintOptions {
  chalk: ChalkInstance;
  /** Also show EventBridge events (task state changes and the like), not only service events. */
  allEvents: boolean;
}

const STEP_MARK: Record<StepRun['status'], string> = { passed: '✔', failed: '✘', skipped: '-', undefined: '?' };

function colourEvent(chalk: ChalkInstance, event: SimEvent): string {
  const text = describeEvent(event);
  if (event.kind === 'eventbridge') return chalk.dim(`[${event.event['detail-type']}] ${text}`);
  if (/unable to|failed|rolling back/.test(text)) return chalk.red(text);
  if (/has stopped/.test(text)) return chalk.yellow(text);
  if (/has started/.test(text)) return chalk.green(text);
  return chalk.cyan(text);
}

function colourStep(chalk: ChalkInstance, step: StepRun): string {
  const line = `${STEP_MARK[step.status]} ${step.keyword} ${step.text}`;
  return step.status === 'passed' ? chalk.green(line) : step.status === 'skipped' ? chalk.dim(line) : chalk.red(line);
}

/** Under the step's text, where its events begin. */
const ARGUMENT_INDENT = ' '.repeat(21);

/** A step's doc string or data table as the feature has it: between `"""`, or as a table with aligned columns. */
function stepArgument(step: Pick<StepRun, 'docString' | 'dataTable'>): string[] {
  if (step.docString !== undefined) return ['"""', ...step.docString.split('\n'), '"""'];
  if (!step.dataTable) return [];
  const rows = step.dataTable.map((row) => row.map((cell) => cell.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, '\\n')));
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows.map((row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`);
}

export function renderScenario(run: ScenarioRun, options: PrintOptions): string[] {
  const { chalk } = options;
  const lines = [chalk.bold(`  Scenario: ${run.name}`)];
  for (const step of run.steps) {
    lines.push(`  ${chalk.dim(formatVirtualTime(step.startedAt))}  ${colourStep(chalk, step)}`);
    lines.push(...stepArgument(step).map((line) => chalk.dim(`${ARGUMENT_INDENT}${line}`)));
    for (const event of run.events.slice(step.eventsFrom, step.eventsTo)) {
      if (event.kind === 'eventbridge' && !options.allEvents) continue;
      lines.push(`  ${chalk.dim(formatVirtualTime(event.time))}      ${colourEvent(chalk, event)}`);
    }
    if (step.error) lines.push(...step.error.split('\n').map((l) => chalk.red(`                      ${l}`)));
    if (step.suggestions?.length) {
      lines.push(chalk.yellow('                      Did you mean one of these steps?'));
      for (const s of step.suggestions) lines.push(chalk.yellow(`                        ${s}`));
    }
  }
  return lines;
}

export function renderFeature(run: FeatureRun, options: PrintOptions): string[] {
  const lines = [options.chalk.bold(`Feature: ${run.name}`), ''];
  for (const scenario of run.scenarios) lines.push(...renderScenario(scenario, options), '');
  return lines;
}

/** One JSON object per line: every event with its scenario, and every step outcome, in time order. */
export function jsonLines(file: string, run: FeatureRun): string[] {
  const lines: string[] = [];
  for (const scenario of run.scenarios) {
    for (const step of scenario.steps) {
      for (const event of scenario.events.slice(step.eventsFrom, step.eventsTo)) {
        lines.push(JSON.stringify({ type: 'event', feature: file, scenario: scenario.name, ...event }));
      }
      const { keyword, text, line, status, error, startedAt, endedAt } = step;
      lines.push(JSON.stringify({ type: 'step', feature: file, scenario: scenario.name, keyword, text, line, status, error, startedAt, endedAt }));
    }
  }
  return lines;
}
