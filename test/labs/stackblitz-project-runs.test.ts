import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProjectFiles } from '../../labs/lab-kit/node/read-project-files.js';
import { buildStackblitzProject } from '../../labs/lab-kit/stackblitz-project.js';
import { runProcess } from '../process-group.js';

// Slow (an npm install, from the npm cache where it has the packages): one install, reused by every run.
describe('the StackBlitz project, written to a folder', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ecs-lab-stackblitz-'));
  const npm = (...args: string[]) => runProcess('npm', args, { cwd: folder, env: { ...process.env, FORCE_COLOR: '0' } });
  const useServiceJson = (from: string) => writeFileSync(join(folder, 'labs/rolling-update/service.json'), readFileSync(`labs/rolling-update/${from}/service.json`));

  const writeProject = (labId: string) => {
    for (const [path, text] of Object.entries(buildStackblitzProject(labId, readProjectFiles('.', labId)).files)) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), text);
    }
  };

  beforeAll(async () => {
    writeProject('rolling-update');
    const install = await npm('install', '--no-audit', '--no-fund', '--prefer-offline');
    if (install.code !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
  }, 120_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('passes `npm test` with the solution\'s service.json', async () => {
    useServiceJson('solution');
    const run = await npm('test');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('All 4 checks passed');
  }, 60_000);

  it('fails `npm test` with the starter\'s service.json, saying why', async () => {
    useServiceJson('starter');
    const run = await npm('test');
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain('✘ the deployment of web:2 completes');
  }, 60_000);

  it('passes `npm test` of the capstone with its solution, printing each part\'s points', async () => {
    writeProject('capstone-shop');
    for (const file of ['task-definitions.json', 'services.json', 'scaling.json', 'deployment.json']) {
      writeFileSync(join(folder, 'labs/capstone-shop', file), readFileSync(`labs/capstone-shop/solution/${file}`));
    }
    const run = await npm('test');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('✔ Part 5: A safe deployment: 20 of 20 points');
    expect(run.stdout).toContain('Score: 100 of 100 points.');
  }, 120_000);

  // Another lab's project over the same install: its own package.json, the same dependencies.
  it('passes `npm test` of the TypeScript lab with its solution, the learner\'s code run in a worker thread', async () => {
    writeProject('drain-for-maintenance');
    writeFileSync(join(folder, 'labs/drain-for-maintenance/maintenance.ts'), readFileSync('labs/drain-for-maintenance/solution/maintenance.ts'));
    const run = await npm('test');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('All 3 checks passed');
  }, 120_000);

  // Labs of the later chapters: one whose learner file is TypeScript typed by the lab's own globals, one whose
  // checks need the simulator's VPC; each project carries what its checks import.
  it.each([
    ['protect-long-jobs', 'All 3 checks passed'],
    ['private-subnet-pull', 'All 4 checks passed'],
  ])('passes `npm test` of %s with its solution', async (labId, passed) => {
    writeProject(labId);
    const { files } = JSON.parse(readFileSync(`labs/${labId}/lab.json`, 'utf8')) as { files: string[] };
    for (const file of files) writeFileSync(join(folder, 'labs', labId, file), readFileSync(`labs/${labId}/solution/${file}`));
    const run = await npm('test');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(passed);
  }, 120_000);
});
