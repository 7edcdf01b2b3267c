import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** Every module `entry` imports statically, directly or not: what Node loads before any `import()` runs. */
async function loadedAtStart(entry: string): Promise<string[]> {
  const { metafile } = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent' });
  const inputs: Metafile['inputs'] = metafile.inputs;
  const loaded = new Set([entry]);
  for (const file of loaded) {
    for (const { path, kind, external } of inputs[file]?.imports ?? []) if (kind === 'import-statement' && !(external && path.startsWith('node:'))) loaded.add(path);
  }
  return [...loaded];
}

describe('the start of ecs-lab', () => {
  it('loads the commands and their options only: the simulator, the steps, Gherkin, the server and the SDK load when a command runs', async () => {
    const loaded = await loadedAtStart('core/shell/cli.ts');
    const simulator = /^(core\/(?!kernel\/|shell\/)|core\/shell\/(server|remote)\/(?!endpoint-url)|scenarios\/|labs\/(?!lab-kit\/)|@cucumber\/|@aws-sdk\/|typescript$)/;
    expect(loaded.filter((path) => simulator.test(path))).toEqual([]);
    expect(loaded).toContain('commander');
  });
});
