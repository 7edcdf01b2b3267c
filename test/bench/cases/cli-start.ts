import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from '../bench-case.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ROUNDS = 9;

/** Wall milliseconds of one run of `node <args>` from the repository root, as a shell starts it. */
function startMs(args: string[]): number {
  const started = performance.now();
  const { status } = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  if (status !== 0 && args[0] !== '-e') throw new Error(`node ${args.join(' ')} exited with ${status}`);
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * (cli) How long `npx ecs-lab` takes to start, beside a bare `node -e ""` measured in the same rounds (so a busy
 * machine slows both alike): `--help`, which loads no simulator, and a whole feature played. Goals: `--help`
 * within 2.5× a bare Node, the rolling-update feature under 1 s. The compiled build is made first if stale.
 */
export const cliStart: BenchCase = {
  id: 'cli',
  title: 'ecs-lab start (compiled build) beside a bare node',
  run(progress) {
    progress('bringing the compiled build up to date');
    if (spawnSync(process.execPath, ['core/shell/build.mjs', '--if-stale'], { cwd: ROOT, stdio: 'ignore' }).status !== 0) throw new Error('core/shell/build.mjs failed');
    const times = { node: [] as number[], help: [] as number[], run: [] as number[] };
    for (let round = 1; round <= ROUNDS; round++) {
      progress(`round ${round}/${ROUNDS}`);
      times.node.push(startMs(['-e', '']));
      times.help.push(startMs(['core/shell/bin.js', '--help']));
      times.run.push(startMs(['core/shell/bin.js', 'run', 'scenarios/features/rolling-update.feature']));
    }
    const [nodeMs, helpMs, runMs] = [times.node, times.help, times.run].map(median);
    return {
      simulatedSeconds: 0,
      figures: {
        bareNodeMs: Math.round(nodeMs),
        helpMs: Math.round(helpMs),
        helpPerBareNode: Number((helpMs / nodeMs).toFixed(2)),
        helpTarget: helpMs <= 2.5 * nodeMs ? '✔ within 2.5× bare node' : '✘ over 2.5× bare node',
        runRollingUpdateMs: Math.round(runMs),
        runTarget: runMs < 1000 ? '✔ under 1 s' : '✘ over 1 s',
        rounds: ROUNDS,
      },
    };
  },
};
