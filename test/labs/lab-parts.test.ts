import { describe, expect, it } from 'vitest';
import type { CheckReport, CheckResult } from '../../labs/lab-kit/check-types.js';
import { formatReport } from '../../labs/lab-kit/format-report.js';
import { parseLabParts, partScores, type LabPart } from '../../labs/lab-kit/lab-parts.js';
import { gradebook } from '../../labs/lab-kit/reporters/gradebook.js';
import { jsonReport } from '../../labs/lab-kit/reporters/json-report.js';
import type { LabRun } from '../../labs/lab-kit/reporters/lab-run.js';

const parts: LabPart[] = [
  { id: 'one', title: 'Part 1: One', points: 20, checks: ['a', 'b'] },
  { id: 'two', title: 'Part 2: Two', points: 30, checks: ['c'] },
];
const result = (id: string, status: CheckResult['status']): CheckResult => ({ id, title: `check ${id}`, status, message: `${id} ${status}`, seconds: 0 });
const report = (statuses: Record<string, CheckResult['status']>, input: CheckResult['status'] = 'passed'): CheckReport => {
  const results = [result('input', input), ...Object.entries(statuses).map(([id, status]) => result(id, status))];
  return { results, passed: results.every((r) => r.status === 'passed') };
};
const lab = { id: 'capstone', title: 'Capstone', points: 50, parts };

describe('a lab graded in parts', () => {
  it('earns each part\'s points when all its checks pass, and none for a part with a check failed or not run', () => {
    const scores = partScores(lab, report({ a: 'passed', b: 'passed', c: 'skipped' }));
    expect(scores.map((s) => [s.id, s.earned, s.passed])).toEqual([['one', 20, true], ['two', 0, false]]);
  });

  it('earns nothing when its files could not be judged at all, whatever the parts', () => {
    expect(partScores(lab, report({ a: 'skipped', b: 'skipped', c: 'skipped' }, 'failed')).every((s) => s.earned === 0)).toBe(true);
  });

  it('scores a lab without parts as one part: its points when every check passed', () => {
    const single = { id: 'rolling-update', title: 'Tune a rolling update', points: 10 };
    expect(partScores(single, report({ a: 'passed' }))).toEqual([{ id: 'rolling-update', title: 'Tune a rolling update', points: 10, earned: 10, passed: true }]);
    expect(partScores(single, report({ a: 'failed' }))[0].earned).toBe(0);
  });

  it('prints each part\'s points and the score under the checks', () => {
    const lines = formatReport('Capstone', report({ a: 'passed', b: 'passed', c: 'failed' }), undefined, partScores(lab, report({ a: 'passed', b: 'passed', c: 'failed' })));
    expect(lines).toEqual(expect.arrayContaining(['✔ Part 1: One: 20 of 20 points', '✘ Part 2: Two: 0 of 30 points', 'Score: 20 of 50 points.']));
  });

  it('gives a gradebook and the JSON report the points of the parts that passed', () => {
    const run: LabRun = { id: 'capstone', title: 'Capstone', folder: 'capstone/', student: 'ada', submitted: true, report: report({ a: 'passed', b: 'passed', c: 'failed' }), seconds: 1, points: 50, parts };
    expect(gradebook([{ student: 'ada', runs: [run] }], [lab], 'csv')).toBe('student,capstone,total\nada,20,20\n');
    expect(gradebook([{ student: 'ada', runs: [run] }], [lab], 'markdown')).toContain('| ada | ✘ 20 | 20 |');
    const [json] = jsonReport([run]).labs;
    expect(json).toMatchObject({ points: 50, earned: 20, passed: false });
    expect(json.parts?.map((p) => p.earned)).toEqual([20, 0]);
  });
});

describe('lab.json parts', () => {
  const parse = (raw: unknown, points = 50) => parseLabParts(raw, points, 'lab.json');

  it('are optional', () => {
    expect(parse(undefined)).toBeUndefined();
  });

  it('must share out the lab\'s points exactly, name each check in one part only, and give each part its own id', () => {
    expect(parse(parts)).toEqual(parts);
    expect(() => parse(parts, 60)).toThrow('lab.json: "parts" share out 50 points; the lab\'s "points" is 60.');
    expect(() => parse([parts[0], { ...parts[1], checks: ['a'] }])).toThrow('must name each check in one part only');
    expect(() => parse([parts[0], { ...parts[1], id: 'one' }])).toThrow('must give each part its own id');
    expect(() => parse([{ ...parts[0], checks: [] }, parts[1]])).toThrow('[0].checks must be a non-empty list of check ids');
    expect(() => parse([])).toThrow('must be a non-empty list');
  });
});
