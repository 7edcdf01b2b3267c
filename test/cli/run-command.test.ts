import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatVirtualTime } from '../../core/index.js';
import { ecsLab as run } from './ecs-lab-cli.js';

const FEATURE = 'scenarios/features/rolling-update.feature';

const ecsLab = (...args: string[]) => run(args, { ...process.env, FORCE_COLOR: '1' });
/** A command another test runs too: one process answers both (where two runs are the point, ecsLab starts each). */
const runs = new Map<string, ReturnType<typeof ecsLab>>();
function ecsLabOnce(...args: string[]): ReturnType<typeof ecsLab> {
  const key = args.join('\0');
  if (!runs.has(key)) runs.set(key, ecsLab(...args));
  return runs.get(key)!;
}

function tempFeature(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ecs-lab-cli-')), 'mine.feature');
  writeFileSync(file, text);
  return file;
}

describe('ecs-lab run', () => {
  it('prints a coloured timeline with virtual timestamps, ECS service events and passed steps, and exits 0', async () => {
    const { code, stdout } = await ecsLab('run', FEATURE);
    expect(code).toBe(0);
    expect(stdout).toContain('\u001b[');
    const plain = stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(plain).toMatch(/\+00:03:18\.000 +\(service web\) \(deployment ecs-svc\/\d{19}\) deployment completed\./);
    expect(stdout).toContain('✔');
    expect(stdout).toContain('5 scenarios (');
  });

  it('prints plain text with --no-color', async () => {
    const { stdout } = await ecsLabOnce('run', FEATURE, '--no-color');
    expect(stdout).not.toContain('\u001b[');
    expect(stdout).toContain('✔ When I deploy revision 2 of "web"');
  });

  it('prints the event log as JSON lines with --json, the same for the same seed but for the real time it took', async () => {
    const first = await ecsLabOnce('run', FEATURE, '--json', '--seed', '9');
    const second = await ecsLab('run', FEATURE, '--json', '--seed', '9');
    const lines = first.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.some((l) => l.type === 'event' && l.kind === 'service-event' && /has reached a steady state\.$/.test(l.message))).toBe(true);
    expect(lines.some((l) => l.type === 'step' && l.status === 'passed')).toBe(true);
    const withoutRealTime = (stdout: string) => stdout.replace(/"realMs":\d+/, '"realMs":0');
    expect(withoutRealTime(first.stdout)).toBe(withoutRealTime(second.stdout));
    expect((await ecsLab('run', FEATURE, '--json', '--seed', '10')).stdout).not.toBe(first.stdout);
  });

  it('ends --json with one summary record: scenarios and steps by outcome, the seed, and the virtual and real time', async () => {
    const { code, stdout } = await ecsLabOnce('run', FEATURE, '--json', '--seed', '9');
    expect(code).toBe(0);
    const records = stdout.trim().split('\n').map((l) => JSON.parse(l));
    const steps = records.filter((r) => r.type === 'step');
    expect(records.filter((r) => r.type === 'summary')).toEqual([records.at(-1)]);
    expect(records.at(-1)).toMatchObject({
      type: 'summary',
      status: 'passed',
      scenarios: { total: 5, passed: 5, failed: 0, undefined: 0, skipped: 0 },
      steps: { total: steps.length, passed: steps.length, failed: 0, undefined: 0, skipped: 0 },
      seed: 9,
    });
    // Each scenario starts at virtual time 0: together they took the sum of the times their last steps ended.
    const ends = new Map<string, number>(steps.map((s) => [s.scenario, s.endedAt]));
    expect(ends.size).toBe(5);
    expect(records.at(-1).duration.virtualMs).toBe([...ends.values()].reduce((a, b) => a + b, 0));
    expect(records.at(-1).duration.realMs).toBeGreaterThan(0);
  });

  it('says the seed it used, the default one too, and the virtual and real time the run took', async () => {
    const json = await ecsLab('run', FEATURE, '--json');
    const { seed, duration } = JSON.parse(json.stdout.trim().split('\n').at(-1)!);
    expect(seed).toBe(1);
    const { stdout } = await ecsLabOnce('run', FEATURE, '--no-color');
    const end = stdout.trimEnd().split('\n').slice(-2);
    expect(end[0]).toMatch(new RegExp(`^${formatVirtualTime(duration.virtualMs).slice(1).replace('.', '\\.')} of virtual time in \\d+\\.\\d s$`));
    expect(end[1]).toBe('Seed 1 (the default): --seed 1 plays this run again.');
    expect((await ecsLab('run', FEATURE, '--no-color', '--seed', '9')).stdout.trimEnd().split('\n').at(-1)).toBe('Seed 9: --seed 9 plays this run again.');
  });

  it('counts in good grammar: 1 scenario, 1 step', async () => {
    const file = tempFeature(`Feature: one
  Scenario: alone
    Given a cluster "c" with 1 m5.large instance across 1 zone
`);
    const { code, stdout } = await ecsLab('run', file, '--no-color');
    expect(code).toBe(0);
    expect(stdout).toContain('\n1 scenario (1 passed)\n1 step (1 passed)\n');
  });

  it('shows a doc string and a data table under their step, before its events', async () => {
    const docString = await ecsLab('run', 'scenarios/features/health-checks.feature', '--no-color');
    const lines = docString.stdout.split('\n');
    const reports = lines.findIndex((l) => l.endsWith('✔ Then the service "api" reports:'));
    expect(reports).toBeGreaterThan(0);
    expect(lines.slice(reports + 1, reports + 4).map((l) => l.trim())).toEqual(['"""', '(service api) (task …) failed container health checks.', '"""']);
    const table = (await ecsLab('run', `${FEATURE}:12`, '--no-color')).stdout.split('\n');
    const events = table.findIndex((l) => l.endsWith('✔ And the events of "web" since the update are, in order:'));
    expect(table[events + 1]).toMatch(/^ +\| \(service web\) has started 2 tasks: \(task …\) \(task …\)\. +\|$/);
    expect(table[events + 9]).toMatch(/^ +\| \(service web\) has reached a steady state\. +\|$/);
    expect(table[events + 1].length).toBe(table[events + 9].length);
  });

  it('exits 1 and shows the failure when a step fails', async () => {
    const file = tempFeature(`Feature: too strict
  Scenario: impossible
    Given a cluster "c" with 1 m5.large instance across 1 zone
    And a task definition "web" for image "web:1" with 512 CPU units and 1024 MiB of memory
    And a service "web" running 2 tasks of "web"
    And a new revision of "web" for image "web:2"
    When I deploy revision 2 of "web"
    Then the deployment of "web" completes within 10 minutes
    And at no time during the update are more than 2 tasks of "web" running or pending
`);
    const { code, stdout } = await ecsLab('run', file, '--no-color');
    expect(code).toBe(1);
    expect(stdout).toContain('✘ And at no time during the update are more than 2 tasks of "web" running or pending');
    expect(stdout).toMatch(/there were more than 2: revision \d: /);
  });

  describe('with undefined steps', () => {
    const file = tempFeature(`Feature: typos
  Scenario: runs fine
    Given a cluster "c" with 2 m5.large instances across 2 zones

  Scenario: a misspelt step
    Given a cluster "c" with 2 m5.large instances across 2 zones
    When I deploy revison 2 of "web"

  Scenario: a step nobody wrote
    Given a cluster "c" with 2 m5.large instances across 2 zones
    Then the instructor waves a wand
`);

    it('reports every undefined step of every scenario, with the closest known steps and a snippet, runs nothing and exits 1', async () => {
      const { code, stdout } = await ecsLab('run', file, '--no-color');
      expect(code).toBe(1);
      expect(stdout).toContain(`${file}:7  ? When I deploy revison 2 of "web"`);
      expect(stdout).toContain(`${file}:11  ? Then the instructor waves a wand`);
      expect(stdout).toContain('Did you mean one of these steps?\n    I deploy revision {int} of {string}');
      // cucumber-js's snippet, in the step library's form: the expression cucumber-expressions makes of the text.
      expect(stdout).toContain(`'I deploy revison {int} of {string}': async (world, int: number, string: string) => {`);
      expect(stdout).toContain(`'the instructor waves a wand': async (world) => {`);
      expect(stdout).not.toContain('✔');
      expect(stdout).toContain('3 scenarios (2 undefined, 1 skipped)\n5 steps (2 undefined, 3 skipped)');
    });

    it('gives them as records with --json, before the summary record', async () => {
      const { code, stdout } = await ecsLab('run', file, '--json');
      expect(code).toBe(1);
      const records = stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(records.map((r) => [r.type, r.line])).toEqual([['undefined-step', 7], ['undefined-step', 11], ['summary', undefined]]);
      expect(records[0]).toMatchObject({ feature: file, scenario: 'a misspelt step', keyword: 'When', text: 'I deploy revison 2 of "web"' });
      expect(records[0].suggestions[0]).toBe('I deploy revision {int} of {string}');
      expect(records[2]).toMatchObject({ status: 'undefined', scenarios: { total: 3, undefined: 2, skipped: 1 }, steps: { total: 5, undefined: 2, skipped: 3 }, duration: { virtualMs: 0 } });
    });
  });

  it('reports a missing file and a bad seed on stderr with exit code 2', async () => {
    const missing = await ecsLab('run', 'no-such.feature');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read no-such.feature');
    const badSeed = await ecsLab('run', FEATURE, '--seed', 'abc');
    expect(badSeed.code).toBe(2);
    expect(badSeed.stderr).toContain('the seed must be a whole number');
  });

  it('reports a file that is not Gherkin, and an empty one, as bad input (exit code 2) without a stack trace, and runs nothing', async () => {
    for (const text of ['this is not gherkin\n', '']) {
      const { code, stdout, stderr } = await ecsLab('run', FEATURE, tempFeature(text));
      expect(code, JSON.stringify(text)).toBe(2);
      expect(stderr).toMatch(/ecs-lab: .*mine\.feature: /);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(stdout).toBe('');
    }
  });
});
