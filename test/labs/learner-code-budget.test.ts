import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CheckThread } from '../../labs/lab-kit/node/check-in-worker.js';
import { LABS_ROOT } from '../../labs/lab-kit/node/lab-folders.js';

const solution = readFileSync('labs/drain-for-maintenance/solution/maintenance.ts', 'utf8');
const withBody = (body: string) => solution.replace(/\{\n  sim\.updateContainerInstancesState[\s\S]*\n\}\n$/, `{\n${body}\n}\n`);
const BUDGET_MS = 1500;

describe('learner TypeScript that throws or never ends', { timeout: 60_000 }, () => {
  const thread = new CheckThread(fileURLToPath(LABS_ROOT));
  afterAll(() => thread.close());
  const check = (code: string) => thread.check({ labId: 'drain-for-maintenance', files: { 'maintenance.ts': code } }, BUDGET_MS);

  it('reports an exception as a failed first check, naming it and pointing at the line that threw', async () => {
    const code = withBody("  const instances = sim.describeContainerInstances({ containerInstances: [containerInstanceArn] }).containerInstances;\n  instances[1].runningTasksCount.toFixed();");
    const [first, ...rest] = (await check(code)).results;
    expect(first).toMatchObject({ id: 'runs', status: 'failed', location: { file: 'maintenance.ts', line: 8 } });
    expect(first.message).toMatch(/^Your code threw a TypeError: .*runningTasksCount/);
    expect(rest.every((r) => r.message.startsWith('Not run'))).toBe(true);
  });

  it('reports a syntax error with its line and column', async () => {
    const [first] = (await check(withBody('  sim.control.advance(60;'))).results;
    expect(first).toMatchObject({ status: 'failed', location: { file: 'maintenance.ts', line: 7 } });
    expect(first.message).toMatch(/does not compile: '\)' expected/);
  });

  it('stops a loop that never ends within the budget, points at the loop, and checks again afterwards', async () => {
    const started = performance.now();
    const report = await check(withBody('  let waited = 0;\n  while (waited >= 0) waited++;'));
    expect(performance.now() - started).toBeLessThan(BUDGET_MS + 10_000);
    expect(report.passed).toBe(false);
    expect(report.results[0]).toMatchObject({ id: 'runs', location: { file: 'maintenance.ts', line: 8, column: 3 } });
    expect(report.results[0].message).toMatch(/^Stopped after 1\.5 s/);

    // The ended worker is replaced: the next Check works.
    expect((await check(solution)).passed).toBe(true);
  });
});
