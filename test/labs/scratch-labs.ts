import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * A copy of labs/ in a temporary folder, beside a link to the engine as in the repository, for a test to start,
 * check and reset labs in (`--labs-dir`): the repository's own work folders stay untouched.
 */
export function scratchLabs(): { labsRoot: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'ecs-lab-labs-'));
  const labsRoot = join(root, 'labs');
  cpSync('labs', labsRoot, { recursive: true, filter: (source) => !/[\\/]work$/.test(source) });
  symlinkSync(resolve('core'), join(root, 'core'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  return { labsRoot, remove: () => rmSync(dirname(labsRoot), { recursive: true, force: true }) };
}
