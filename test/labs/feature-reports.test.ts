import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { featureHtmlReport } from '../../labs/lab-kit/reporters/feature-html-report.js';
import { featureJunitReport } from '../../labs/lab-kit/reporters/feature-junit-report.js';
import { runFeature } from '../../scenarios/runner/run-feature.js';
import { ecsLab } from '../cli/ecs-lab-cli.js';

/** An instructor's own feature: one scenario passes, one fails an expectation, one uses a step nobody defined. */
const FEATURE = `Feature: Class exercise <one>
  Scenario: A service keeps its tasks
    Given a cluster "demo" with 2 m5.large instances across 2 zones
    And a task definition "web" for image "web:1" with 512 CPU units and 1024 MiB of memory
    And a service "web" running 3 tasks of "web"
    Then "web" is back to 3 running tasks within 1 minute

  Scenario: Expecting too much
    Given a cluster "demo" with 1 m5.large instance across 1 zone
    And a task definition "web" for image "web:1" with 512 CPU units and 1024 MiB of memory
    And a service "web" running 2 tasks of "web"
    Then "web" is back to 5 running tasks within 1 minute

  Scenario: A step the library does not know
    Given a cluster "demo" with 1 m5.large instance across 1 zone
    When the instructor waves a wand
`;

const parseXml = (text: string) => new new Window().DOMParser().parseFromString(text, 'application/xml');
const played = [{ file: 'class/exercise.feature', run: await runFeature(FEATURE) }];

describe('scenario reports for CI and for people', () => {
  it('JUnit: one testcase per scenario, the failing and the undefined ones as failures naming the step', () => {
    const doc = parseXml(featureJunitReport(played));
    const cases = [...doc.getElementsByTagName('testcase')];
    expect(cases.map((c) => c.getAttribute('name'))).toEqual(['A service keeps its tasks', 'Expecting too much', 'A step the library does not know']);
    expect(cases.map((c) => c.getElementsByTagName('failure').length)).toEqual([0, 1, 1]);
    expect(cases[1].getElementsByTagName('failure')[0].getAttribute('message')).toMatch(/^Then "web" is back to 5 running tasks within 1 minute: /);
    expect(cases[2].getElementsByTagName('failure')[0].getAttribute('type')).toBe('undefined');
    expect(doc.documentElement.getAttribute('failures')).toBe('2');
    expect(doc.getElementsByTagName('testsuite')[0].getAttribute('name')).toBe('Class exercise <one>');
  });

  it('HTML: a self-contained page with every step marked, the failures spelt out, and the text escaped', () => {
    const html = featureHtmlReport(played, new Date('2026-01-01T00:00:00Z'));
    expect(html).toContain('<title>ecs-lab scenarios: 1 of 3 passed</title>');
    expect(html).toContain('Feature: Class exercise &lt;one&gt;');
    expect(html).toMatch(/<li class="failed"><span class="status">failed<\/span>.*Then &quot;web&quot; is back to 5 running tasks/);
    expect(html).toMatch(/<li class="undefined">.*When the instructor waves a wand<pre class="error">No step in the library matches this line/);
    expect(html).not.toMatch(/<script|<link|src=/);
  });
});

describe('ecs-lab run --report-html --report-junit', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ecs-lab-reports-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const html = join(folder, 'report.html');
  const junit = join(folder, 'report.xml');
  const reportsOf = (feature: string) => {
    writeFileSync(join(folder, 'exercise.feature'), feature);
    return ecsLab(['run', join(folder, 'exercise.feature'), '--no-color', '--report-html', html, '--report-junit', junit]);
  };

  it('writes both reports, and exits 1 because a scenario failed', async () => {
    // The first two scenarios: every step is known, so they run.
    const run = await reportsOf(FEATURE.slice(0, FEATURE.indexOf('  Scenario: A step the library does not know')));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Report written to ${html}`);
    expect(readFileSync(html, 'utf8')).toContain('1 of 2 scenarios passed');
    expect(parseXml(readFileSync(junit, 'utf8')).getElementsByTagName('testcase')).toHaveLength(2);
  });

  it('writes both reports when a step is undefined and nothing ran: the scenario with it, as a failure naming the step', async () => {
    const run = await reportsOf(FEATURE);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('✔');
    expect(readFileSync(html, 'utf8')).toMatch(/<li class="undefined">.*When the instructor waves a wand/);
    const cases = [...parseXml(readFileSync(junit, 'utf8')).getElementsByTagName('testcase')];
    expect(cases.map((c) => [c.getAttribute('name'), c.getElementsByTagName('failure')[0]?.getAttribute('type')])).toEqual([['A step the library does not know', 'undefined']]);
  });
});
