/**
 * JUnit XML, the test report CI servers read (GitLab, Jenkins, GitHub with a test reporter action): the one
 * writer behind both the lab reports and the scenario reports.
 */
export interface JunitCase {
  classname: string;
  name: string;
  seconds: number;
  /** Absent, with `skipped` absent too: the case passed. */
  failure?: { message: string; type: string; details: string };
  /** Why the case was not run. */
  skipped?: string;
  /** Shown by CI beside a passed case. */
  output?: string;
}

export interface JunitSuite {
  name: string;
  seconds: number;
  properties?: Record<string, string>;
  cases: JunitCase[];
}

export function junitXml(name: string, suites: readonly JunitSuite[]): string {
  const failures = (cases: readonly JunitCase[]) => cases.filter((c) => c.failure).length;
  const skipped = (cases: readonly JunitCase[]) => cases.filter((c) => c.skipped !== undefined).length;
  const all = suites.flatMap((s) => s.cases);
  const time = (seconds: number) => seconds.toFixed(3);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(name)}" tests="${all.length}" failures="${failures(all)}" errors="0" skipped="${skipped(all)}" time="${time(suites.reduce((t, s) => t + s.seconds, 0))}">`,
    ...suites.flatMap((suite) => [
      `  <testsuite name="${xml(suite.name)}" tests="${suite.cases.length}" failures="${failures(suite.cases)}" errors="0" skipped="${skipped(suite.cases)}" time="${time(suite.seconds)}">`,
      ...(suite.properties
        ? [`    <properties>${Object.entries(suite.properties).map(([k, v]) => `<property name="${xml(k)}" value="${xml(v)}"/>`).join('')}</properties>`]
        : []),
      ...suite.cases.flatMap((c) => [
        `    <testcase classname="${xml(c.classname)}" name="${xml(c.name)}" time="${time(c.seconds)}">`,
        ...(c.failure ? [`      <failure message="${xml(c.failure.message)}" type="${xml(c.failure.type)}">${xml(c.failure.details)}</failure>`] : []),
        ...(c.skipped !== undefined ? [`      <skipped message="${xml(c.skipped)}"/>`] : []),
        ...(c.output ? [`      <system-out>${xml(c.output)}</system-out>`] : []),
        '    </testcase>',
      ]),
      '  </testsuite>',
    ]),
    '</testsuites>',
    '',
  ].join('\n');
}

/** Text for an attribute or an element, with the characters XML 1.0 cannot hold at all left out. */
function xml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
