import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecsLab as run } from './ecs-lab-cli.js';

const FEATURE = 'scenarios/features/rolling-update.feature';

const ecsLab = (...args: string[]) => run(args, { ...process.env, FORCE_COLOR: '1' });

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
    const { stdout } = await ecsLab('run', FEATURE, '--no-color');
    expect(stdout).not.toContain('\u001b[');
    expect(stdout).toContain('✔ When I deploy revision 2 of "web"');
  });

  it('prints the event log as JSON lines with --json, the same for the same seed', async () => {
    const first = await ecsLab('run', FEATURE, '--json', '--seed', '9');
    const second = await ecsLab('run', FEATURE, '--json', '--seed', '9');
    const lines = first.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.some((l) => l.type === 'event' && l.kind === 'service-event' && /has reached a steady state\.$/.test(l.message))).toBe(true);
    expect(lines.some((l) => l.type === 'step' && l.status === 'passed')).toBe(true);
    expect(first.stdout).toBe(second.stdout);
    expect((await ecsLab('run', FEATURE, '--json', '--seed', '10')).stdout).not.toBe(first.stdout);
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

  it('answers an undefined step with the closest known steps', async () => {
    const file = tempFeature(`Feature: typo
  Scenario: a misspelt step
    Given a cluster "c" with 2 m5.large instances across 2 zones
    When I deploy revison 2 of "web"
`);
    const { code, stdout } = await ecsLab('run', file, '--no-color');
    expect(code).toBe(1);
    expect(stdout).toContain('Did you mean one of these steps?');
    expect(stdout).toContain('I deploy revision {int} of {string}');
  });

  it('reports a missing file and a bad seed on stderr with exit code 2', async () => {
    const missing = await ecsLab('run', 'no-such.feature');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read no-such.feature');
    const badSeed = await ecsLab('run', FEATURE, '--seed', 'abc');
    expect(badSeed.code).toBe(2);
    expect(badSeed.stderr).toContain('the seed must be a whole number');
  });

  it('reports a file that is not Gherkin without a stack trace', async () => {
    const { code, stderr } = await ecsLab('run', tempFeature('this is not gherkin\n'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/ecs-lab: .*mine\.feature: /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
