import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labIds, LABS_ROOT } from '../../labs/lab-kit/node/lab-folders.js';
import type { JsonReport } from '../../labs/lab-kit/reporters/json-report.js';
import { ecsLab as run } from '../cli/ecs-lab-cli.js';
import { fileURLToPath } from 'node:url';

const ids = labIds(fileURLToPath(LABS_ROOT));
const solution = (id: string) => join('labs', id, 'solution');
const LOOPING = readFileSync('labs/drain-for-maintenance/starter/maintenance.ts', 'utf8').replace(/\{\n[\s\S]*\n\}\n$/, '{\n  let waited = 0;\n  while (waited >= 0) waited++;\n}\n');

/**
 * A class folder as an instructor collects it: one folder per student, one folder per lab in it. Each student
 * hands in two labs (the others count as not submitted): ada both right; bob a wrong rolling update; cy a
 * misnamed folder, so her drain lab is missing; dee a drain lab that loops for ever; eve hands in her clone of
 * the repository (GitHub Classroom), her rolling update in labs/rolling-update/work/.
 */
let classFolder: string;
const student = (name: string) => join(classFolder, name);
function handIn(name: string, folder: string, from: string, files: Record<string, string> = {}) {
  mkdirSync(join(student(name), folder), { recursive: true });
  cpSync(from, join(student(name), folder), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(student(name), folder, file), text);
}
beforeAll(() => {
  classFolder = mkdtempSync(join(tmpdir(), 'ecs-lab-class-'));
  handIn('ada', 'rolling-update', solution('rolling-update'));
  handIn('ada', 'drain-for-maintenance', solution('drain-for-maintenance'));
  handIn('bob', 'rolling-update', 'labs/rolling-update/starter');
  handIn('bob', 'drain-for-maintenance', solution('drain-for-maintenance'));
  handIn('cy', 'rolling-update', solution('rolling-update'));
  handIn('cy', 'drain-for-maintenence', solution('drain-for-maintenance'));
  handIn('dee', 'rolling-update', solution('rolling-update'));
  handIn('dee', 'drain-for-maintenance', solution('drain-for-maintenance'), { 'maintenance.ts': LOOPING });
  handIn('eve', 'labs/rolling-update', 'labs/rolling-update');
  handIn('eve', 'labs/rolling-update/work', solution('rolling-update'));
});
afterAll(() => rmSync(classFolder, { recursive: true, force: true }));

const check = (name: string, reporter: string, ...more: string[]) => run(['lab', 'check', '--all', '--dir', student(name), '--reporter', reporter, '--budget', '1', ...more]);
const xml = (text: string) => new new Window().DOMParser().parseFromString(text, 'application/xml');
const suitesOf = (text: string) => [...xml(text).getElementsByTagName('testsuite')];

describe('grading a student in CI: ecs-lab lab check --all --dir <student>', () => {
  it('passes a correct student, naming the student in every suite, with the real time of each check', async () => {
    const { code, stdout } = await check('ada', 'junit');
    expect(code).toBe(0);
    const doc = xml(stdout);
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const suites = suitesOf(stdout);
    expect(suites.map((s) => s.getAttribute('name'))).toEqual(ids.map((id) => `ada/${id}`));
    const ran = suites.find((s) => s.getAttribute('name') === 'ada/rolling-update')!;
    const times = [...ran.getElementsByTagName('testcase')].map((c) => Number(c.getAttribute('time')));
    expect(times.some((t) => t > 0)).toBe(true);
    expect(ran.getAttribute('failures')).toBe('0');
  });

  it('skips the labs a student never handed in: they count as neither passed nor failed', async () => {
    const { code, stdout } = await check('ada', 'json');
    const report = JSON.parse(stdout) as JsonReport;
    expect(code).toBe(0);
    expect(report).toMatchObject({ format: 'ecs-lab-check-report', version: 2, passed: true, student: 'ada', summary: { labs: ids.length, labsPassed: 2, labsFailed: 0, labsNotSubmitted: ids.length - 2 } });
    const missing = report.labs.find((lab) => lab.id === 'daemon-service')!;
    expect(missing.submitted).toBe(false);
    expect(missing.checks.every((c) => c.status === 'skipped' && c.message.startsWith('Not submitted: there is no folder'))).toBe(true);
  });

  it('fails a wrong submission, with what the check saw and a hint, and skips the checks it could not run', async () => {
    const { code, stdout } = await check('bob', 'junit');
    expect(code).toBe(1);
    const suite = suitesOf(stdout).find((s) => s.getAttribute('name') === 'bob/rolling-update')!;
    expect(Number(suite.getAttribute('failures'))).toBeGreaterThan(0);
    expect(suite.getElementsByTagName('failure')[0].textContent).toContain('Hint: ');
    const notHandedIn = suitesOf(stdout).find((s) => s.getAttribute('name') === 'bob/place-tasks')!;
    expect(notHandedIn.getAttribute('skipped')).toBe(notHandedIn.getAttribute('tests'));
  });

  it('warns about a folder that matches no lab, naming the folder the lab looked for', async () => {
    const { code, stdout, stderr } = await check('cy', 'json');
    expect(code).toBe(0);
    expect(stderr).toContain(`warning: ${join(student('cy'), 'drain-for-maintenence')}/ matches no lab and was not checked; the lab drain-for-maintenance looks for ${join(student('cy'), 'drain-for-maintenance')}/.`);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.labs.find((lab) => lab.id === 'drain-for-maintenance')!.submitted).toBe(false);
  });

  it('stops code that loops within the CPU budget (--budget), failing that lab only', async () => {
    const { code, stdout } = await check('dee', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    const [runs, ...rest] = report.labs.find((lab) => lab.id === 'drain-for-maintenance')!.checks;
    expect(runs).toMatchObject({ status: 'failed', location: { file: 'maintenance.ts', line: 8 } });
    expect(runs.message).toMatch(/^Stopped after 1 s of CPU time: .* This loop is the first suspect\./);
    expect(rest.every((c) => c.status === 'skipped')).toBe(true);
    expect(report.labs.find((lab) => lab.id === 'rolling-update')!.passed).toBe(true);
  });

  it('refuses --dir one level too high, saying which folders hold a student\'s labs', async () => {
    const { code, stdout, stderr } = await run(['lab', 'check', '--all', '--dir', classFolder, '--reporter', 'junit']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`warning: ${student('ada')}/ is not a lab's folder but holds labs (rolling-update, drain-for-maintenance): is --dir one level too high?`);
    expect(stderr).toMatch(/error: no lab folder in .*\//);
  });
});

describe('a gradebook for the class: ecs-lab lab grade --dir <class>', () => {
  const column = (csv: string, lab: string) => {
    const [header, ...rows] = csv.trim().split('\n').map((line) => line.split(','));
    return Object.fromEntries(rows.map((row) => [row[0], row[header.indexOf(lab)]]));
  };

  it('writes one row per student and one column per lab, with the points of each passed lab', async () => {
    const out = join(classFolder, '..', `${classFolder.split('/').pop()}-grades.csv`);
    try {
      const { code, stdout, stderr } = await run(['lab', 'grade', '--dir', classFolder, '--out', out, '--budget', '1']);
      expect(code).toBe(0);
      expect(stdout).toContain('5 students');
      expect(stderr).toContain('drain-for-maintenence/ matches no lab');
      const csv = readFileSync(out, 'utf8');
      expect(csv.split('\n')[0]).toBe(`student,${ids.join(',')},total`);
      expect(column(csv, 'rolling-update')).toEqual({ ada: '10', bob: '0', cy: '10', dee: '10', eve: '10' });
      expect(column(csv, 'drain-for-maintenance')).toEqual({ ada: '10', bob: '10', cy: '', dee: '0', eve: '' });
      expect(column(csv, 'place-tasks')).toEqual({ ada: '', bob: '', cy: '', dee: '', eve: '' });
      expect(column(csv, 'total')).toEqual({ ada: '20', bob: '10', cy: '10', dee: '10', eve: '10' });
    } finally {
      rmSync(out, { force: true });
    }
  });

  it('prints it as Markdown for a CI job summary', async () => {
    // Without dee, whose loop the CSV's grading already stopped.
    const someStudents = `${classFolder}-some`;
    for (const name of ['ada', 'bob', 'cy']) cpSync(student(name), join(someStudents, name), { recursive: true });
    const { code, stdout } = await run(['lab', 'grade', '--dir', someStudents, '--format', 'markdown']).finally(() => rmSync(someStudents, { recursive: true, force: true }));
    expect(code).toBe(0);
    const row = (name: string) => stdout.split('\n').find((line) => line.startsWith(`| ${name} |`))!.split('|').map((cell) => cell.trim());
    const at = (lab: string) => stdout.split('\n')[0].split('|').map((cell) => cell.trim()).indexOf(`${lab} (10)`);
    expect(row('bob')[at('rolling-update')]).toBe('✘ 0');
    expect(row('bob')[at('drain-for-maintenance')]).toBe('✔ 10');
    expect(row('cy')[at('drain-for-maintenance')]).toBe('–');
    expect(row('ada').at(-2)).toBe('20');
  });

  it('refuses a single student\'s folder, which holds labs rather than students', async () => {
    const { code, stderr } = await run(['lab', 'grade', '--dir', student('ada')]);
    expect(code).toBe(2);
    expect(stderr).toContain('is one student\'s folder');
  });
});
