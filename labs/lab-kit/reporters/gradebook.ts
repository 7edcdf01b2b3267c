import { earnedPoints, labOutcome, type LabRun } from './lab-run.js';

/**
 * A class's grades: one row per student, one column per lab, the lab's points when it passed (for a lab graded
 * in parts, the points of its parts that passed), 0 when it failed, nothing when it was not submitted; and a
 * total. CSV for a spreadsheet or an LMS, Markdown for a CI job's summary page ($GITHUB_STEP_SUMMARY).
 */
export interface StudentRuns {
  student: string;
  runs: readonly LabRun[];
}

export const GRADEBOOK_FORMATS = ['csv', 'markdown'] as const;
export type GradebookFormat = (typeof GRADEBOOK_FORMATS)[number];

export function gradebook(students: readonly StudentRuns[], labs: readonly { id: string; points: number }[], format: GradebookFormat): string {
  return format === 'csv' ? csv(students, labs) : markdown(students, labs);
}

const earned = (run: LabRun | undefined) => (run ? earnedPoints(run) : 0);
const total = (runs: readonly LabRun[]) => runs.reduce((sum, run) => sum + earned(run), 0);
const runOf = (student: StudentRuns, id: string) => student.runs.find((run) => run.id === id);

function csv(students: readonly StudentRuns[], labs: readonly { id: string }[]): string {
  const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const rows = [
    ['student', ...labs.map((lab) => lab.id), 'total'],
    ...students.map((student) => [
      student.student,
      ...labs.map((lab) => {
        const run = runOf(student, lab.id);
        return run === undefined || labOutcome(run) === 'not submitted' ? '' : String(earned(run));
      }),
      String(total(student.runs)),
    ]),
  ];
  return rows.map((row) => row.map(cell).join(',')).join('\n') + '\n';
}

function markdown(students: readonly StudentRuns[], labs: readonly { id: string; points: number }[]): string {
  const most = labs.reduce((sum, lab) => sum + lab.points, 0);
  const mark = (run: LabRun | undefined) => {
    const outcome = run === undefined ? 'not submitted' : labOutcome(run);
    if (outcome === 'not submitted') return '–';
    return `${outcome === 'passed' ? '✔' : '✘'} ${earned(run)}`;
  };
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  return [
    `| Student | ${labs.map((lab) => `${lab.id} (${lab.points})`).join(' | ')} | Total (${most}) |`,
    `|---|${labs.map(() => '---:').join('|')}|---:|`,
    ...students.map((student) => `| ${escape(student.student)} | ${labs.map((lab) => mark(runOf(student, lab.id))).join(' | ')} | ${total(student.runs)} |`),
    '',
    '✔ passed, ✘ a check failed, – not submitted.',
    '',
  ].join('\n');
}
