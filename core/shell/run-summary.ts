import type { ChalkInstance } from 'chalk';
import { formatVirtualTime } from '../index.js';

/**
 * What `ecs-lab run` says at its end: how many scenarios and steps passed, failed, were undefined or skipped,
 * the seed (to play the run again) and how long it took, in virtual and in real time. As lines for people,
 * and as the one summary record that ends `--json`.
 */
export const OUTCOMES = ['passed', 'failed', 'undefined', 'skipped'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type Counts = Record<Outcome | 'total', number>;

export interface Tally {
  scenarios: Counts;
  steps: Counts;
}

/** Something with an outcome and steps: a played scenario, or one not played (all skipped). */
export interface Counted {
  status: Outcome;
  steps: ReadonlyArray<{ status: Outcome }>;
}

export interface RunFacts {
  seed: number;
  /** The seed was not given: the default was used. */
  defaultSeed: boolean;
  /** Virtual ms the scenarios took, together (each starts at 0). */
  virtualMs: number;
  realMs: number;
}

function count(items: ReadonlyArray<{ status: Outcome }>): Counts {
  const counts: Counts = { total: items.length, passed: 0, failed: 0, undefined: 0, skipped: 0 };
  for (const item of items) counts[item.status]++;
  return counts;
}

export function tally(scenarios: readonly Counted[]): Tally {
  return { scenarios: count(scenarios), steps: count(scenarios.flatMap((s) => s.steps)) };
}

/** "1 scenario", "2 scenarios". */
export const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** `5 scenarios (4 passed, 1 failed)` and `47 steps (...)`, as cucumber-js ends its output. */
export function summaryLines(counts: Tally, chalk: ChalkInstance): string[] {
  const part = (of: Counts, noun: string) => {
    const detail = OUTCOMES.filter((outcome) => of[outcome] > 0).map((outcome) => {
      const text = `${of[outcome]} ${outcome}`;
      return outcome === 'passed' ? chalk.green(text) : outcome === 'skipped' ? chalk.dim(text) : chalk.red(text);
    });
    return detail.length === 0 ? plural(of.total, noun) : `${plural(of.total, noun)} (${detail.join(', ')})`;
  };
  return [part(counts.scenarios, 'scenario'), part(counts.steps, 'step')];
}

/** The time the run took, and the seed that plays it again. */
export function factLines(facts: RunFacts, chalk: ChalkInstance): string[] {
  return [
    `${formatVirtualTime(facts.virtualMs).slice(1)} of virtual time in ${(facts.realMs / 1000).toFixed(1)} s`,
    chalk.dim(`Seed ${facts.seed}${facts.defaultSeed ? ' (the default)' : ''}: --seed ${facts.seed} plays this run again.`),
  ];
}

/** The last `--json` line. */
export function summaryRecord(counts: Tally, facts: RunFacts): string {
  const status = counts.scenarios.failed > 0 ? 'failed' : counts.scenarios.undefined > 0 ? 'undefined' : 'passed';
  return JSON.stringify({ type: 'summary', status, ...counts, seed: facts.seed, duration: { virtualMs: facts.virtualMs, realMs: facts.realMs } });
}
