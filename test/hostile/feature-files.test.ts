import { describe, expect, it } from 'vitest';
import { runFeature } from '../../scenarios/runner/run-feature.js';

const CLUSTER_STEP = 'Given a cluster "c" with 2 m5.large instances across 2 zones';
const scenario = (...steps: string[]) => `Feature: hostile\n  Scenario: s\n${steps.map((s) => `    ${s}\n`).join('')}`;

/** What runFeature threw, or its run; a learner must read a reason, never a stack trace. */
async function outcome(source: string): Promise<{ thrown?: string; errors: string[]; status?: string }> {
  try {
    const run = await runFeature(source);
    return { status: run.status, errors: run.scenarios.flatMap((s) => s.steps.flatMap((step) => (step.error ? [step.error] : []))) };
  } catch (error) {
    return { thrown: error instanceof Error ? error.message : String(error), errors: [] };
  }
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at |\.ts:\d+|file:\/\//);

describe('feature files a learner might write', () => {
  it('an unknown step is undefined, with suggestions, and skips the rest', async () => {
    const run = await runFeature(scenario(CLUSTER_STEP, 'When the moon turns blue', 'Then 2 minutes pass'));
    const steps = run.scenarios[0].steps;
    expect(steps.map((s) => s.status)).toEqual(['passed', 'undefined', 'skipped']);
    expect(steps[1].error).toBe('Undefined step: the moon turns blue');
    expect(steps[1].suggestions?.length).toBeGreaterThan(0);
  });

  it.each([
    ['a table with uneven rows', `${scenario(CLUSTER_STEP, 'And a service "web" running 2 tasks of "web" with the capacity provider strategy:')}      | a |\n      | 1 | 2 |\n`, /inconsistent cell count/],
    ['text with no Feature line', 'just text\n', /expected: .*got 'just text'/],
    ['an empty file', '', /no "Feature:" line/],
    ['an unterminated doc string', `${scenario(CLUSTER_STEP)}      """\n      never closed\n`, /\(\d+:\d+\)/],
  ])('%s is refused with a parser message that names the line, not a stack trace', async (_name, source, message) => {
    const { thrown } = await outcome(source);
    expect(thrown).toMatch(message);
    noStackTrace(thrown!);
  });

  it.each([
    ['an unknown instance type', 'Given a cluster "c" with 2 zz.huge instances across 2 zones', /^InvalidParameterException: instanceType "zz\.huge"/],
    ['a NUL in a name', 'Given a cluster "c\u0000" with 2 m5.large instances across 2 zones', /^InvalidParameterException: clusterName/],
    ['RTL and combining marks in a name', 'Given a cluster "\u202Ee\u0301" with 2 m5.large instances across 2 zones', /^InvalidParameterException: clusterName/],
    ['an absurd count', 'Given a cluster "c" with 999999 m5.large instances across 2 zones', /^InvalidParameterException: count/],
  ])('%s fails its step with the ECS exception, not a stack trace', async (_name, step, message) => {
    const { status, errors } = await outcome(scenario(step));
    expect(status).toBe('failed');
    expect(errors[0]).toMatch(message);
    noStackTrace(errors[0]);
  });

  it('a 1 MB feature (a long description and 2,000 scenarios) runs to the end', async () => {
    const description = `  ${'The quick brown fox jumps over the lazy dog. '.repeat(12)}\n`.repeat(1600);
    const scenarios = Array.from({ length: 2000 }, (_, i) => `  Scenario: s${i}\n    ${CLUSTER_STEP}\n`).join('');
    const source = `Feature: big\n${description}\n${scenarios}`;
    expect(source.length).toBeGreaterThan(1_000_000);
    const run = await runFeature(source);
    expect(run.status).toBe('passed');
    expect(run.scenarios).toHaveLength(2000);
  });
});
