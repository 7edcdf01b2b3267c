import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLabChecks } from '../../labs/lab-kit/node/check-lab-folder.js';
import { LABS_ROOT, labIds, readLearnerFiles, readManifest } from '../../labs/lab-kit/node/lab-folders.js';
import { runChecks } from '../../labs/lab-kit/run-checks.js';

const labsRoot = fileURLToPath(LABS_ROOT);

const mistakesOf = (id: string) => (existsSync(join(labsRoot, id, 'mistakes')) ? readdirSync(join(labsRoot, id, 'mistakes')) : []);

/** A mistake folder may hold only the files that differ from the solution: the solution's others fill it in. */
async function check(id: string, folder: string) {
  const lab = await loadLabChecks(labsRoot, id);
  const names = readManifest(labsRoot, id).files;
  const base = folder.startsWith('mistakes') ? readLearnerFiles(join(labsRoot, id, 'solution'), names) : {};
  return runChecks(lab, { ...base, ...readLearnerFiles(join(labsRoot, id, folder), names) });
}

it('finds the labs', () => {
  expect(labIds(labsRoot)).toContain('rolling-update');
});

describe.each(labIds(labsRoot))('lab %s', (id) => {
  it('is named after its folder in lab.json', () => {
    expect(readManifest(labsRoot, id).id).toBe(id);
  });

  it('has instructions, and a page in the workshop site that shows them beside the editor', () => {
    const readme = readFileSync(join(labsRoot, id, 'README.md'), 'utf8');
    expect(readme).toMatch(/^# Lab: /);
    expect(readme).toMatch(/\*\*Goal:\*\*/);
    const page = readFileSync(join('docs', 'labs', `${id}.md`), 'utf8');
    expect(page).toMatch(/^---\ntitle: .+\norder: \d+\n---/);
    expect(page).toContain(`<!--@include: ../../labs/${id}/README.md-->`);
    expect(page).toContain(`<LabPanel lab="${id}" />`);
  });

  it('links only chapters that exist', () => {
    const links = [...readFileSync(join(labsRoot, id, 'README.md'), 'utf8').matchAll(/\]\(\/chapters\/([\w-]+)\)/g)].map((m) => m[1]);
    for (const chapter of links) expect(existsSync(join('docs', 'chapters', `${chapter}.md`)), chapter).toBe(true);
  });

  it('puts each of its checks in one part, when it is graded in parts', async () => {
    const { parts } = readManifest(labsRoot, id);
    if (!parts) return;
    const lab = await loadLabChecks(labsRoot, id);
    expect(parts.flatMap((part) => part.checks).sort()).toEqual(lab.checks.map((check) => check.id).sort());
  });

  it('does not pass on the starter', async () => {
    const report = await check(id, 'starter');
    expect(report.passed).toBe(false);
    expect(report.results.filter((r) => r.status === 'failed').every((r) => r.message !== '' && r.hint)).toBe(true);
  });

  it('passes every check on the solution', async () => {
    const report = await check(id, 'solution');
    expect(report.results.filter((r) => r.status === 'failed')).toEqual([]);
    expect(report.passed).toBe(true);
  });

  // A check that nothing can fail teaches nothing: each has a known mistake, in mistakes/<check id>/ (the solution with
  // the mistaken files).
  it('has a mistake for each check', async () => {
    const lab = await loadLabChecks(labsRoot, id);
    const checks = [lab.input, ...lab.checks].map((c) => c.id);
    expect(mistakesOf(id).sort()).toEqual(checks.sort());
  });

  // One test per mistake: a lab whose checks run long (the capstone's run four simulations) gets the time per mistake.
  it.each(mistakesOf(id))('fails %s on its mistake', async (checkId) => {
    const result = (await check(id, join('mistakes', checkId))).results.find((r) => r.id === checkId);
    expect(result?.status, `${checkId} on mistakes/${checkId}/: ${result?.message}`).toBe('failed');
  });
});

describe('rolling-update, as a learner reads it', () => {
  const result = async (folder: string, checkId: string) => (await check('rolling-update', folder)).results.find((r) => r.id === checkId)!;

  it('shows ECS\'s own explanation when the starter\'s deployment is stuck', async () => {
    const completes = await result('starter', 'deployment-completes');
    expect(completes.status).toBe('failed');
    expect(completes.message).toContain('IN_PROGRESS');
    expect(completes.message).toContain('(service web) was unable to stop or start tasks during a deployment because of the service deployment configuration');
  });

  it('reports the healthy count ECS went down to with minimumHealthyPercent 50: ceil(6 × 50 / 100) = 3', async () => {
    const minHealthy = await result('mistakes/min-healthy', 'min-healthy');
    expect(minHealthy.message).toMatch(/only 3 tasks were healthy/);
  });

  it('explains that the default maximumPercent (200) would allow 12 tasks, more than the cluster\'s 8', async () => {
    const maxTasks = await result('mistakes/max-tasks', 'max-tasks');
    expect(maxTasks.message).toContain('maximumPercent 200');
    expect(maxTasks.message).toContain('= 12');
  });

  it('says how long the solution\'s deployment took, within the 5 minutes', async () => {
    const completes = await result('solution', 'deployment-completes');
    expect(completes.message).toMatch(/completed after (\d+ s|[1-4] min( \d+ s)?)\b/);
  });
});
