import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LABS_ROOT, labIds, readManifest } from '../../labs/lab-kit/node/lab-folders.js';
import { readProjectFiles } from '../../labs/lab-kit/node/read-project-files.js';
import { buildStackblitzProject } from '../../labs/lab-kit/stackblitz-project.js';

const repoFiles = readProjectFiles('.', 'rolling-update');
const starter = readFileSync('labs/rolling-update/starter/service.json', 'utf8');

describe('the StackBlitz project of a lab', () => {
  it('is a Node (WebContainers) project titled after the lab', () => {
    const project = buildStackblitzProject('rolling-update', repoFiles);
    expect(project.template).toBe('node');
    expect(project.title).toContain('Tune a rolling update');
    expect(project.description).toContain('5 minutes');
  });

  it('holds the learner\'s service.json where the lab expects it, the starter when none is given', () => {
    const mine = '{ "serviceName": "web" }';
    expect(buildStackblitzProject('rolling-update', { ...repoFiles, 'labs/rolling-update/service.json': mine }).files['labs/rolling-update/service.json']).toBe(mine);
    expect(buildStackblitzProject('rolling-update', repoFiles).files['labs/rolling-update/service.json']).toBe(starter);
  });

  it('holds the engine without its Node CLI, the lab kit and the lab, but not the solution', () => {
    const paths = Object.keys(buildStackblitzProject('rolling-update', repoFiles).files);
    expect(paths).toEqual(expect.arrayContaining(['core/index.ts', 'core/sim/simulator.ts', 'labs/lab-kit/run-checks.ts', 'labs/rolling-update/checks.ts', 'labs/rolling-update/README.md']));
    expect(paths.filter((p) => p.startsWith('core/shell/'))).toEqual([]);
    expect(paths.filter((p) => /\/(solution|starter|mistakes|work)\//.test(p))).toEqual([]);
  });

  it('runs the checks with `npm test` through tsx, with the same tsx and TypeScript as the repository', () => {
    const files = buildStackblitzProject('rolling-update', repoFiles).files;
    const pkg = JSON.parse(files['package.json']);
    const repo = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.type).toBe('module');
    expect(pkg.scripts.test).toBe('node --import tsx labs/lab-kit/node/check-main.ts rolling-update');
    expect(pkg.devDependencies).toEqual({ tsx: repo.devDependencies.tsx, typescript: repo.dependencies.typescript });
    expect(JSON.parse(files['tsconfig.json']).compilerOptions).toMatchObject({ strict: true, module: 'NodeNext' });
  });

  it('has a README that keeps every hint folded until opened', () => {
    const readme = buildStackblitzProject('rolling-update', repoFiles).files['README.md'];
    const hints = JSON.parse(readFileSync('labs/rolling-update/lab.json', 'utf8')).hints as string[];
    expect(readme.match(/<details><summary>Hint \d+<\/summary>/g)).toHaveLength(hints.length);
    for (const hint of hints) expect(readme).toContain(hint);
  });
});

describe.each(labIds(fileURLToPath(LABS_ROOT)))('the StackBlitz project of lab %s', (id) => {
  it('holds each learner file (the starter\'s), the lab\'s checks and the check worker', () => {
    const { files: names } = readManifest(fileURLToPath(LABS_ROOT), id);
    const files = buildStackblitzProject(id, readProjectFiles('.', id)).files;
    for (const name of names) expect(files[`labs/${id}/${name}`]).toBe(readFileSync(`labs/${id}/starter/${name}`, 'utf8'));
    expect(Object.keys(files)).toEqual(expect.arrayContaining([`labs/${id}/checks.ts`, 'labs/lab-kit/node/check-worker.ts', 'labs/lab-kit/node/register-ts.js']));
  });
});
