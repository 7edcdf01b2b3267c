import type { CheckResult } from '../check-types.js';
import { formatLocation } from '../format-report.js';
import { junitXml, type JunitCase } from './junit-xml.js';
import type { LabRun } from './lab-run.js';

/** Lab runs as JUnit XML: one testsuite per lab, one testcase per check, a failure with what it observed and its hint. */
export function junitReport(runs: readonly LabRun[]): string {
  return junitXml(
    'ecs-lab labs',
    runs.map((run) => ({
      name: run.id,
      seconds: run.seconds,
      properties: { title: run.title, folder: run.folder },
      cases: run.report.results.map((result) => testcase(run.id, result)),
    })),
  );
}

function testcase(labId: string, result: CheckResult): JunitCase {
  const base = { classname: `ecs-lab.${labId}`, name: `${result.id}: ${result.title}`, seconds: 0 };
  if (result.status === 'passed') return { ...base, output: result.message };
  const where = result.location ? `${formatLocation(result.location)}: ` : '';
  const details = [`${where}${result.message}`, ...(result.hint ? [`Hint: ${result.hint}`] : [])].join('\n');
  return { ...base, failure: { message: result.message, type: result.id, details } };
}
