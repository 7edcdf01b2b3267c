import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecsLab as run } from './ecs-lab-cli.js';

/** `ecs-lab run` choosing what to play as cucumber-js does: folders, file:line, --tags, --name, several paths. */
const ecsLab = (...args: string[]) => run(['run', '--no-color', ...args]);

const STEP = 'Given a cluster "c" with 1 m5.large instance across 1 zone';

const folder = mkdtempSync(join(tmpdir(), 'ecs-lab-run-'));
mkdirSync(join(folder, 'sub'));
const write = (name: string, text: string) => {
  writeFileSync(join(folder, name), text);
  return join(folder, name);
};
write('notes.txt', 'not a feature');
write('sub/c.feature', `Feature: C\n  Scenario: c1\n    ${STEP}\n`);
write('b.feature', `Feature: B\n  Scenario: b1\n    ${STEP}\n`);
/** Line 4: "fast one"; line 8: the outline; lines 13 and 17: its example rows (the second tagged @slow by its Examples). */
const tagged = write(
  'a.feature',
  `@smoke
Feature: A
  @fast
  Scenario: fast one
    ${STEP}

  @deploy
  Scenario Outline: outline <zones>
    Given a cluster "c" with 1 m5.large instance across <zones> zone

    Examples:
      | zones |
      | 1     |
    @slow
    Examples:
      | zones |
      | 2     |
`,
);

const scenariosIn = (stdout: string) => [...stdout.matchAll(/^ {2}Scenario: (.*)$/gm)].map((m) => m[1]);

describe('ecs-lab run chooses scenarios as cucumber-js does', { timeout: 60_000 }, () => {
  it('plays every .feature file under a directory, sorted by path, with its progress on stderr', async () => {
    const { code, stdout, stderr } = await ecsLab(folder);
    expect(code).toBe(0);
    expect([...stdout.matchAll(/^Feature: (.*)$/gm)].map((m) => m[1])).toEqual(['A', 'B', 'C']);
    expect(stderr).toContain(`[1/3] ${join(folder, 'a.feature')}\n[2/3] ${join(folder, 'b.feature')}\n[3/3] ${join(folder, 'sub/c.feature')}`);
    expect(stdout).toContain('5 scenarios (5 passed)');
  });

  it('plays the scenario at file:line, one example row by its line, the whole outline by its own, several lines at once', async () => {
    expect(scenariosIn((await ecsLab(`${tagged}:4`)).stdout)).toEqual(['fast one']);
    expect(scenariosIn((await ecsLab(`${tagged}:17`)).stdout)).toEqual(['outline 2']);
    expect(scenariosIn((await ecsLab(`${tagged}:8`)).stdout)).toEqual(['outline 1', 'outline 2']);
    expect(scenariosIn((await ecsLab(`${tagged}:13:4`)).stdout)).toEqual(['fast one', 'outline 1']);
  });

  it('refuses a line where no scenario or example row starts, naming the lines that do (exit code 2)', async () => {
    const { code, stdout, stderr } = await ecsLab(`${tagged}:5`);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${tagged}:5: no scenario or example row starts at that line; in this file they start at lines 4, 8, 13, 17.`);
  });

  it('keeps the scenarios whose tags (feature, scenario and Examples) match a tag expression', async () => {
    expect(scenariosIn((await ecsLab(folder, '--tags', '@smoke and not @slow')).stdout)).toEqual(['fast one', 'outline 1']);
    expect(scenariosIn((await ecsLab(folder, '--tags', '@deploy or @fast')).stdout)).toEqual(['fast one', 'outline 1', 'outline 2']);
    expect(scenariosIn((await ecsLab(folder, '--tags', 'not @smoke')).stdout)).toEqual(['b1', 'c1']);
  });

  it('keeps the scenarios whose name matches a regular expression, any of several', async () => {
    expect(scenariosIn((await ecsLab(folder, '--name', '^outline')).stdout)).toEqual(['outline 1', 'outline 2']);
    expect(scenariosIn((await ecsLab(folder, '--name', 'b1', '--name', 'c\\d')).stdout)).toEqual(['b1', 'c1']);
  });

  it('plays several paths at once, a feature named twice once', async () => {
    const { stdout } = await ecsLab(join(folder, 'sub/c.feature'), `${tagged}:4`, join(folder, 'b.feature'), `${tagged}:13`);
    expect([...stdout.matchAll(/^Feature: (.*)$/gm)].map((m) => m[1])).toEqual(['C', 'A', 'B']);
    expect(scenariosIn(stdout)).toEqual(['c1', 'fast one', 'outline 1', 'b1']);
  });

  it('runs nothing, says so and exits 0 when no scenario matches, as cucumber-js', async () => {
    const { code, stdout, stderr } = await ecsLab(folder, '--tags', '@nowhere');
    expect(code).toBe(0);
    expect(stderr).toContain('no scenario matches --tags, --name and the lines given');
    expect(stdout).toContain('0 scenarios\n0 steps\n');
  });

  it('answers a malformed tag expression or regular expression, a folder without features and a line on a folder with exit code 2', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ecs-lab-empty-'));
    const calls: Array<[string[], string]> = [
      [[folder, '--tags', '@a and'], 'Tag expression "@a and" could not be parsed'],
      [[folder, '--name', '('], '"(" is not a regular expression'],
      [[empty], `${empty} holds no .feature file.`],
      [[`${folder}:3`], 'a line goes with a feature file'],
    ];
    for (const [args, message] of calls) {
      const { code, stderr, stdout } = await ecsLab(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain(message);
      expect(stdout).toBe('');
    }
  });
});
