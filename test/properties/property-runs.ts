import fc from 'fast-check';
import type { ChaosRun } from './chaos-ops.js';

/** `SOAK=n` multiplies every property's runs (npm run soak); CI runs the base counts. */
export const runScale = Math.max(1, Number(process.env.SOAK ?? 1) || 1);

/** The one line that replays a failing run: paste it after `node --import ./core/node/register-ts-node.js test/properties/replay.ts`. */
export const replayCommand = (run: ChaosRun) =>
  `node --import ./core/node/register-ts-node.js test/properties/replay.ts '${JSON.stringify(run)}'`;

/**
 * Asserts a property over chaos runs; on failure the message leads with the shrunk run as JSON (the
 * simulator seed and the operation list) and the command that replays it, then fast-check's own report.
 */
export function assertRuns(arbitrary: fc.Arbitrary<ChaosRun>, property: (run: ChaosRun) => void, numRuns: number, onProgress?: (done: number) => void): void {
  let done = 0;
  fc.assert(
    fc.property(arbitrary, (run) => {
      property(run);
      onProgress?.(++done);
    }),
    {
      numRuns: numRuns * runScale,
      reporter(details) {
        if (!details.failed) return;
        const [run] = details.counterexample ?? [];
        throw new Error(`Shrunk counterexample (seed + operations):\n${JSON.stringify(run)}\n\nReplay:\n${replayCommand(run as ChaosRun)}\n\n${fc.defaultReportMessage(details)}`);
      },
    },
  );
}
