import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ecsLab as run } from '../cli/ecs-lab-cli.js';
import { labIds } from '../../labs/lab-kit/node/lab-folders.js';
import { labCommand } from './lab-command-in-process.js';
import { scratchLabs } from './scratch-labs.js';

/** The real command line, in a child process: what exit codes and plain output a learner's shell sees. */
function ecsLab(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  return run(args, env);
}

describe('ecs-lab lab check, as a shell sees it', () => {
  it('exits 1 on the starter, showing which checks failed, what they saw and a hint', async () => {
    const { code, stdout, stderr } = await ecsLab(['lab', 'check', 'rolling-update', '--dir', 'labs/rolling-update/starter', '--no-color']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain('Tune a rolling update');
    expect(stdout).toMatch(/✘ the deployment of web:2 completes \(rolloutState COMPLETED\) within 5 min\n {4}.*unable to stop or start tasks/);
    expect(stdout).toMatch(/\n {4}Hint: /);
    expect(stdout).toMatch(/\d of 4 checks passed\./);
    expect(stdout).not.toContain('\u001b[');
  });

  it('exits 2 with the list of labs on stderr for a lab that does not exist, before checking anything', async () => {
    const { code, stdout, stderr } = await ecsLab(['lab', 'check', 'rolling-updates']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/there is no lab "rolling-updates"; the labs are: .*\brolling-update\b/);
  });
});

describe('a learner working through a lab on their machine', { timeout: 60_000 }, () => {
  const scratch = scratchLabs();
  const { labsRoot } = scratch;
  const work = () => join(labsRoot, 'rolling-update', 'work', 'service.json');
  const run = (...args: string[]) => labCommand(labsRoot, ...args);
  afterAll(scratch.remove);

  const listed = async (id: string) => (await run('list')).stdout.split('\n').find((line) => line.includes(` ${id} `));

  it('lists the labs in the order of the instructors\' guide, with their titles and times', async () => {
    const lines = (await run('list')).stdout.split('\n').filter((line) => /^ ?\d+\. /.test(line));
    expect(lines.map((line) => line.split(/\s+/).filter(Boolean)[1])).toEqual(labIds(labsRoot));
    expect(lines[0]).toMatch(/^ 1\. first-task-definition +Write your first task definition +15–20 min +not started$/);
    expect(await listed('rolling-update')).toMatch(/rolling-update +Tune a rolling update +20–25 min +not started$/);
  });

  it('checks the starter, and says so, before the lab is started', async () => {
    const { code, stdout } = await run('check', 'rolling-update');
    expect(code).toBe(1);
    expect(stdout).toContain('✘ the deployment of web:2 completes');
    expect(stdout).toContain('No work folder yet');
  });

  it('starts, checks the work folder, shows hints one at a time, keeps the progress, and resets without losing work', async () => {
    expect((await run('start', 'rolling-update')).code).toBe(0);
    expect(readFileSync(work(), 'utf8')).toBe(readFileSync('labs/rolling-update/starter/service.json', 'utf8'));
    expect(await listed('rolling-update')).toMatch(/ started, not checked yet$/);

    const first = (await run('hint', 'rolling-update')).stdout;
    const second = (await run('hint', 'rolling-update')).stdout;
    expect(first).toMatch(/^Hint 1 of 4: /);
    expect(second).toMatch(/^Hint 2 of 4: /);

    writeFileSync(work(), '{\n  "serviceName": "web"\n  "desiredCount": 6\n}\n');
    const broken = await run('check', 'rolling-update', '--no-color');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/service\.json, line 2, column 23: service\.json is not valid JSON/);
    expect(broken.stdout).toMatch(/– the deployment of web:2 completes .*\n {4}Not run: fix the first check/);
    expect(broken.stdout).toContain('0 of 4 checks passed (3 not run).');
    expect(await listed('rolling-update')).toMatch(/ started, 0 of 4 checks passed, 2 of 4 hints seen$/);

    writeFileSync(work(), readFileSync('labs/rolling-update/solution/service.json', 'utf8'));
    expect(await run('check', 'rolling-update')).toMatchObject({ code: 0, stdout: expect.stringContaining('All 4 checks passed') });
    expect(await listed('rolling-update')).toMatch(/ ✔ passed, 2 of 4 hints seen$/);
    expect((await run('start', 'rolling-update')).stdout).toContain('already exists');

    // Nobody at a terminal to answer: the reset is refused, and says how to do it and where the copy would go.
    const refused = await run('reset', 'rolling-update');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('npx ecs-lab lab reset rolling-update --force');
    expect(refused.stderr).toContain('work/before-reset-1/');
    expect(readFileSync(work(), 'utf8')).toBe(readFileSync('labs/rolling-update/solution/service.json', 'utf8'));

    const forced = await run('reset', 'rolling-update', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/Your version is kept in .*rolling-update\/work\/before-reset-1\//);
    expect(readFileSync(work(), 'utf8')).toBe(readFileSync('labs/rolling-update/starter/service.json', 'utf8'));
    expect(readFileSync(join(dirname(work()), 'before-reset-1', 'service.json'), 'utf8')).toBe(readFileSync('labs/rolling-update/solution/service.json', 'utf8'));
    // The starter again: nothing to lose, nothing to ask.
    expect((await run('reset', 'rolling-update')).code).toBe(0);
    expect((await run('hint', 'rolling-update')).stdout).toMatch(/^Hint 3 of 4: /);
  });

  it('refuses a lab id together with --all, and neither, as mistakes in the call (exit code 2)', async () => {
    expect((await run('check', 'rolling-update', '--all')).code).toBe(2);
    expect((await run('check')).code).toBe(2);
    expect((await run('check', 'rolling-update', '--dir', 'no/such/folder')).code).toBe(2);
  });
});

describe('a lab graded in parts, checked part by part (one GitHub Classroom test per part)', { timeout: 120_000 }, () => {
  // The capstone's solution with web's tasks given public IP addresses in the public subnets: part 2 fails, the others pass.
  const folder = mkdtempSync(join(tmpdir(), 'ecs-lab-capstone-'));
  cpSync('labs/capstone-shop/solution', folder, { recursive: true });
  cpSync('labs/capstone-shop/mistakes/net-private/services.json', join(folder, 'services.json'));
  const check = (...args: string[]) => labCommand('labs', 'check', 'capstone-shop', '--dir', folder, '--no-color', ...args);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('exits 0 for a part that passed and 1 for one that failed, and prints every part\'s points and the score', async () => {
    const passedPart = await check('--part', 'task-definitions');
    expect(passedPart.code).toBe(0);
    expect(passedPart.stdout).toContain('✔ Part 1: Task definitions: 20 of 20 points');
    expect(passedPart.stdout).toContain('✘ Part 2: Networking: 0 of 20 points');
    expect(passedPart.stdout).toContain('Score: 80 of 100 points.');
    expect((await check('--part', 'networking')).code).toBe(1);
    expect((await check()).code).toBe(1);
  });

  it('refuses a part the lab does not have, and --part for a lab not graded in parts, as mistakes in the call', async () => {
    const unknown = await check('--part', 'security');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('the lab capstone-shop has no part "security"; its parts are: task-definitions, networking, load-balancing, scaling, deployment.');
    const whole = await labCommand('labs', 'check', 'rolling-update', '--dir', 'labs/rolling-update/solution', '--part', 'one');
    expect(whole.code).toBe(2);
    expect(whole.stderr).toContain('the lab rolling-update is not graded in parts: leave --part out.');
  });
});
