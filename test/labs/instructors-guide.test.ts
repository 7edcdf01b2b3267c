import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatMinutes } from '../../labs/lab-kit/lab-manifest.js';
import { LABS_ROOT, labIds, readManifest } from '../../labs/lab-kit/node/lab-folders.js';

/**
 * The instructors' guide and the labs' pages say what each lab.json says (order, time, points): `lab list`,
 * `lab grade` and the GitHub Classroom workflow an instructor copies must agree with the page they read.
 */
const labsRoot = fileURLToPath(LABS_ROOT);
const manifests = labIds(labsRoot).map((id) => readManifest(labsRoot, id));
const guide = readFileSync('docs/instructors/guide.md', 'utf8');
const yamlBlocks = [...guide.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]);

describe('the instructors\' guide and the labs agree', () => {
  it('orders the labs as their pages in the site do', () => {
    for (const { id, order } of manifests) {
      const page = readFileSync(`docs/labs/${id}.md`, 'utf8');
      expect(Number(page.match(/^order: (\d+)$/m)?.[1]), id).toBe(order);
    }
  });

  it('lists the labs in the guide\'s table in lab.json order, with their titles and times', () => {
    const rows = [...guide.matchAll(/^\| \[(.+?)\]\(\/labs\/([a-z-]+)\)[^|]* \| [^|]+ \| ([^|]+) \|/gm)].map(([, title, id, time]) => ({ id, title, time: time.trim() }));
    expect(rows).toEqual(manifests.map((m) => ({ id: m.id, title: m.title, time: formatMinutes(m.minutes) })));
  });

  it('gives a GitHub Classroom workflow with one test per lab (per part, for a lab graded in parts), graded by exit code, worth its points', () => {
    const workflow = yamlBlocks.map((text) => parse(text)).find((doc) => doc?.name === 'Autograding Tests');
    const steps = workflow.jobs['run-autograding-tests'].steps as Array<Record<string, any>>;
    const tests = steps.filter((step) => step.uses === 'classroom-resources/autograding-command-grader@v1');
    const expected = manifests.flatMap((m) =>
      m.parts
        ? m.parts.map((part) => [`${m.id}-${part.id}`, `npx ecs-lab lab check ${m.id} --part ${part.id} --no-color`, part.points])
        : [[m.id, `npx ecs-lab lab check ${m.id} --no-color`, m.points]],
    );
    expect(tests.map((step) => [step.id, step.with.command, step.with['max-score']])).toEqual(expected);
    const reporter = steps.find((step) => step.uses === 'classroom-resources/autograding-grading-reporter@v1')!;
    expect(reporter.with.runners.split(',')).toEqual(expected.map(([id]) => id));
    expect(Object.keys(reporter.env)).toEqual(expected.map(([id]) => `${String(id).toUpperCase()}_RESULTS`));
  });

  it('gives recipes in YAML that parses', () => {
    expect(yamlBlocks.length).toBeGreaterThanOrEqual(3);
    for (const text of yamlBlocks) expect(() => parse(text)).not.toThrow();
  });
});
