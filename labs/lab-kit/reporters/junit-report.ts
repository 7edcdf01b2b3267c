import type { CheckResult } from '../check-types.js';
import { formatLocation } from '../format-report.js';
import { junitXml, type JunitCase } from './junit-xml.js';
import type { LabRun } from './lab-run.js';

/**
 * Lab runs as JUnit XML: one testsuite per lab, named `<student>/<lab>` for a class (thirty merged reports must
 * not give thirty suites of one name), one testcase per check with its real time, a failure with what it
 * observed and its hint, `skipped` for a check not run or a lab not submitted.
 */
export function junitReport(runs: readonly LabRun[]): string {
  return junitXml(
    'ecs-lab labs',
    runs.map((run) => {
      const suite = run.student === undefined ? run.id : `${run.student}/${run.id}`;
      return {
        name: suite,
        seconds: run.seconds,
        properties: { title: run.title, folder: run.folder, ...(run.student === undefined ? {} : { student: run.student }) },
        cases: run.report.results.map((result) => testcase(`ecs-lab.${suite.replace('/', '.')}`, result)),
      };
    }),
  );
}

function testcase(classname: string, result: CheckResult): JunitCase {
  const base = { classname, name: `${result.id}: ${result.title}`, seconds: result.seconds };
  if (result.status === 'passed') return { ...base, output: result.message };
  if (result.status === 'skipped') return { ...base, skipped: result.message };
  const where = result.location ? `${formatLocation(result.location)}: ` : '';
  const details = [`${where}${result.message}`, ...(result.hint ? [`Hint: ${result.hint}`] : [])].join('\n');
  return { ...base, failure: { message: result.message, type: result.id, details } };
}
