import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProcess } from '../process-group.js';
import { scratchLabs } from './scratch-labs.js';

/** util-linux's `script` gives the command a terminal of its own, as a learner's shell has: stdin and stdout are TTYs. */
const SCRIPT = '/usr/bin/script';
const present = existsSync(SCRIPT);
if (!present) console.warn(`\n⚠ ${SCRIPT} is missing: lab reset is not tested at a terminal (apt-get install -y bsdutils).\n`);

const solution = readFileSync('labs/rolling-update/solution/service.json', 'utf8');
const starter = readFileSync('labs/rolling-update/starter/service.json', 'utf8');

describe.skipIf(!present)('ecs-lab lab reset at a terminal', { timeout: 60_000 }, () => {
  const scratch = scratchLabs();
  const { labsRoot } = scratch;
  const work = () => join(labsRoot, 'rolling-update', 'work');
  beforeAll(() => {
    mkdirSync(work());
    writeFileSync(join(work(), 'service.json'), solution);
  });
  afterAll(scratch.remove);

  /** `npx ecs-lab lab reset rolling-update`, the learner typing `answer` at its question. */
  async function resetAnswering(answer: string) {
    const command = `'${process.execPath}' core/shell/bin.js lab --labs-dir '${labsRoot}' reset rolling-update`;
    const reset = startProcess(SCRIPT, ['-qec', command, '/dev/null'], { stdin: 'open' });
    reset.child.stdin!.end(`${answer}\n`);
    return reset.finished;
  }

  it('asks first, and changes nothing when the answer is no', async () => {
    const { code, stdout } = await resetAnswering('n');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Replace your work \(.*service\.json\) with the starter\? A copy is kept in .*work\/before-reset-1\/\. \[y\/N\]/);
    expect(stdout).toContain('Nothing changed.');
    expect(readFileSync(join(work(), 'service.json'), 'utf8')).toBe(solution);
  });

  it('on yes, keeps a copy of the work where it said, then puts the starter back', async () => {
    const { code, stdout } = await resetAnswering('y');
    expect(code).toBe(0);
    expect(stdout).toContain('the starter again');
    expect(readFileSync(join(work(), 'service.json'), 'utf8')).toBe(starter);
    expect(readFileSync(join(work(), 'before-reset-1', 'service.json'), 'utf8')).toBe(solution);
  });
});
