import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ENTRY = ['core/node/bin.js'];

function ecsLab(args: string[], options: { labsRoot?: string } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  const [command, ...rest] = args;
  const withRoot = options.labsRoot && command === 'lab' ? ['lab', '--labs-dir', options.labsRoot, ...rest] : args;
  const result = spawnSync(process.execPath, [...ENTRY, ...withRoot], { encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each call starts Node and compiles the engine: seconds, not milliseconds.
describe('ecs-lab lab check', { timeout: 60_000 }, () => {
  it('exits 1 on the starter, showing which checks failed, what they saw and a hint', () => {
    const { code, stdout, stderr } = ecsLab(['lab', 'check', 'rolling-update', '--dir', 'labs/rolling-update/starter', '--no-color']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain('Tune a rolling update');
    expect(stdout).toMatch(/✘ the deployment of web:2 completes \(rolloutState COMPLETED\) within 5 min\n {4}.*unable to stop or start tasks/);
    expect(stdout).toMatch(/\n {4}Hint: /);
    expect(stdout).toMatch(/\d of 4 checks passed\./);
    expect(stdout).not.toContain('\u001b[');
  });

  it('exits 0 on the solution, every check ticked', () => {
    const { code, stdout } = ecsLab(['lab', 'check', 'rolling-update', '--dir', 'labs/rolling-update/solution']);
    expect(code).toBe(0);
    expect(stdout.match(/^✔ /gm)).toHaveLength(4);
    expect(stdout).not.toContain('✘');
    expect(stdout).toContain('All 4 checks passed');
  });

  it('exits 2 with the list of labs on stderr for a lab that does not exist', () => {
    const { code, stdout, stderr } = ecsLab(['lab', 'check', 'rolling-updates']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('there is no lab "rolling-updates"; the labs are: rolling-update');
  });

  it('exits 2 for a --dir that does not exist, and for a missing lab id', () => {
    expect(ecsLab(['lab', 'check', 'rolling-update', '--dir', 'no/such/folder'])).toMatchObject({ code: 2, stderr: expect.stringContaining('no/such/folder') });
    expect(ecsLab(['lab', 'check'])).toMatchObject({ code: 2, stderr: expect.stringContaining("missing required argument 'id'") });
  });
});

describe('a learner working through the lab on their machine', { timeout: 60_000 }, () => {
  let labsRoot: string;
  const run = (...args: string[]) => ecsLab(args, { labsRoot });
  const work = () => join(labsRoot, 'rolling-update', 'work', 'service.json');

  beforeAll(() => {
    // A copy of labs/ beside a link to the engine, as in the repository: the learner's own work folder stays untouched.
    const root = mkdtempSync(join(tmpdir(), 'ecs-lab-labs-'));
    labsRoot = join(root, 'labs');
    cpSync('labs', labsRoot, { recursive: true, filter: (source) => !/[\\/]work$/.test(source) });
    symlinkSync(resolve('core'), join(root, 'core'));
    writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  });
  afterAll(() => rmSync(dirname(labsRoot), { recursive: true, force: true }));

  it('lists the lab', () => {
    expect(run('lab', 'list').stdout).toMatch(/rolling-update +Tune a rolling update \(C13\)/);
  });

  it('checks the starter, and says so, before the lab is started', () => {
    const { code, stdout, stderr } = run('lab', 'check', 'rolling-update');
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain('✘ the deployment of web:2 completes');
    expect(stdout).toContain('No work folder yet');
    expect(stdout).toContain('checking the starter');
  });

  it('starts, checks the work folder, shows hints one at a time, and resets', () => {
    expect(run('lab', 'start', 'rolling-update').code).toBe(0);
    expect(readFileSync(work(), 'utf8')).toBe(readFileSync('labs/rolling-update/starter/service.json', 'utf8'));
    expect(run('lab', 'list').stdout).toContain('started');

    const first = run('lab', 'hint', 'rolling-update').stdout;
    const second = run('lab', 'hint', 'rolling-update').stdout;
    expect(first).toMatch(/^Hint 1 of 4: /);
    expect(second).toMatch(/^Hint 2 of 4: /);
    expect(second).not.toBe(first);

    writeFileSync(work(), readFileSync('labs/rolling-update/solution/service.json', 'utf8'));
    expect(run('lab', 'check', 'rolling-update')).toMatchObject({ code: 0, stdout: expect.stringContaining('All 4 checks passed') });

    writeFileSync(work(), '{\n  "serviceName": "web"\n  "desiredCount": 6\n}\n');
    const broken = run('lab', 'check', 'rolling-update', '--no-color');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/service\.json, line 2, column 23: service\.json is not valid JSON/);

    expect(run('lab', 'start', 'rolling-update').stdout).toContain('already exists');
    expect(run('lab', 'reset', 'rolling-update').code).toBe(0);
    expect(readFileSync(work(), 'utf8')).toBe(readFileSync('labs/rolling-update/starter/service.json', 'utf8'));
    expect(run('lab', 'hint', 'rolling-update').stdout).toMatch(/^Hint 3 of 4: /);
  });
});
