import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import drain from '../../labs/drain-for-maintenance/checks.js';
import { nodeTypeSources } from '../../labs/lab-kit/node/node-type-sources.js';
import { runChecks } from '../../labs/lab-kit/run-checks.js';
import { createTypeChecker } from '../../labs/lab-kit/type-check.js';
import { useTypeChecker } from '../../labs/lab-kit/type-checker-in-use.js';

/** The TypeScript lab's first check type-checks the learner's file as tsc --strict would, against the simulator's types. */
const FILE = 'maintenance.ts';
const solution = readFileSync('labs/drain-for-maintenance/solution/maintenance.ts', 'utf8');
const check = (text: string) => runChecks(drain, { [FILE]: text }).results[0];

beforeAll(() => useTypeChecker(createTypeChecker(nodeTypeSources())));
afterAll(() => useTypeChecker(undefined));

describe('the TypeScript lab\'s "compiles" check', () => {
  it('refuses a value of the wrong type, at its line and column', () => {
    const text = solution.replace('): void {\n', '): void {\n  const n: number = "five";\n');
    const first = check(text);
    expect(first.status).toBe('failed');
    expect(first.message).toBe(`${FILE} does not compile: Type 'string' is not assignable to type 'number'.`);
    const line = text.split('\n').findIndex((l) => l.includes('"five"')) + 1;
    expect(first.location).toEqual({ file: FILE, line, column: 9 });
    expect(first.hint).toContain('tsc --strict');
  });

  it("checks calls against the simulator's ECS types: a misspelt status is refused before anything runs", () => {
    const first = check(solution.replace("status: 'DRAINING'", "status: 'DRAINIG'"));
    expect(first.status).toBe('failed');
    expect(first.message).toContain(`Type '"DRAINIG"' is not assignable to type '"ACTIVE" | "DRAINING"'`);
  });

  it('passes the solution, and the starter (which type-checks, but drains badly)', () => {
    expect(check(solution).status).toBe('passed');
    expect(check(readFileSync('labs/drain-for-maintenance/starter/maintenance.ts', 'utf8')).status).toBe('passed');
  });
});
