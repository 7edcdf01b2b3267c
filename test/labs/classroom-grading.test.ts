import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABS_ROOT, labIds } from '../../labs/lab-kit/node/lab-folders.js';
import type { JsonReport } from '../../labs/lab-kit/reporters/json-report.js';
import { labCommand } from './lab-command-in-process.js';

const labsRoot = fileURLToPath(LABS_ROOT);
const ids = labIds(labsRoot);

/**
 * A student's folder as an instructor collects it: one sub-folder per lab. This student solved every lab but
 * place-tasks (the starter, untouched) and left out daemon-service altogether.
 */
let student: string;
beforeAll(() => {
  student = mkdtempSync(join(tmpdir(), 'ecs-lab-student-'));
  for (const id of ids) {
    if (id === 'daemon-service') continue;
    mkdirSync(join(student, id));
    cpSync(join(labsRoot, id, id === 'place-tasks' ? 'starter' : 'solution'), join(student, id), { recursive: true });
  }
});
afterAll(() => rmSync(student, { recursive: true, force: true }));

describe('grading a student folder in CI: ecs-lab lab check --all --dir <student>', { timeout: 60_000 }, () => {
  let junit: { code: number; stdout: string };
  let json: { code: number; stdout: string };
  beforeAll(async () => {
    junit = await labCommand(labsRoot, 'check', '--all', '--dir', student, '--reporter', 'junit');
    json = await labCommand(labsRoot, 'check', '--all', '--dir', student, '--reporter', 'json');
  }, 60_000);

  it('exits 1, as a failing CI job, when any check fails', () => {
    expect(junit.code).toBe(1);
    expect(json.code).toBe(1);
  });

  it('writes JUnit XML an XML parser reads: a testsuite per lab, a testcase per check, failures where the student failed', () => {
    // happy-dom's DOMParser as a plain XML parser; the test itself runs in Node, where the check worker lives.
    const doc = new new Window().DOMParser().parseFromString(junit.stdout, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const suites = [...doc.getElementsByTagName('testsuite')];
    expect(suites.map((s) => s.getAttribute('name'))).toEqual(ids);
    const suite = (id: string) => suites.find((s) => s.getAttribute('name') === id)!;
    for (const s of suites) expect(Number(s.getAttribute('tests'))).toBe(s.getElementsByTagName('testcase').length);

    expect(suite('rolling-update').getElementsByTagName('failure')).toHaveLength(0);
    expect(Number(suite('place-tasks').getAttribute('failures'))).toBeGreaterThan(0);
    const missing = suite('daemon-service').getElementsByTagName('failure')[0];
    expect(missing.getAttribute('message')).toBe('service.json is missing.');

    const root = doc.documentElement;
    const failures = [...doc.getElementsByTagName('failure')].length;
    expect(Number(root.getAttribute('failures'))).toBe(failures);
    expect(Number(root.getAttribute('tests'))).toBe(doc.getElementsByTagName('testcase').length);
  });

  it('writes JSON in its documented shape, with the same verdicts', () => {
    const report = JSON.parse(json.stdout) as JsonReport;
    expect(report).toMatchObject({ format: 'ecs-lab-check-report', version: 1, passed: false });
    expect(report.labs.map((l) => l.id)).toEqual(ids);
    expect(report.labs.filter((l) => !l.passed).map((l) => l.id)).toEqual(['daemon-service', 'place-tasks']);
    expect(report.summary).toEqual({
      labs: ids.length,
      labsPassed: ids.length - 2,
      checks: report.labs.reduce((n, l) => n + l.checks.length, 0),
      checksFailed: report.labs.reduce((n, l) => n + l.checks.filter((c) => c.status === 'failed').length, 0),
    });
    const [firstPlacement] = report.labs.find((l) => l.id === 'place-tasks')!.checks.filter((c) => c.status === 'failed');
    expect(firstPlacement).toMatchObject({ status: 'failed', hint: expect.any(String), message: expect.stringContaining('Tasks per zone') });
  });
});
