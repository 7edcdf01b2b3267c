import fc from 'fast-check';
import type { ChaosRun } from './chaos-ops.js';
import type { ChaosProperty } from './properties.js';

/** The command that replays a failing run of a property, to paste into a shell at the repository root. */
export const replayCommand = (property: ChaosProperty, run: ChaosRun) =>
  `node --import ./core/shell/register-ts-node.js test/properties/replay.ts '${property.name}' '${JSON.stringify(run)}'`;

/**
 * Asserts a property; on failure the message leads with the broken invariant, the shrunk run as JSON
 * (simulator seed and operation list) and the command that replays it, then fast-check's own report.
 */
export function assertRuns(property: ChaosProperty, options: { numRuns?: number; seed?: number; onProgress?: (done: number) => void } = {}): void {
  let done = 0;
  fc.assert(
    fc.property(property.arbitrary, (run) => {
      property.check(run);
      options.onProgress?.(++done);
    }),
    {
      numRuns: options.numRuns ?? property.runs.ci,
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      reporter(details) {
        if (!details.failed) return;
        const run = details.counterexample![0] as ChaosRun;
        const broken = details.errorInstance instanceof Error ? `${details.errorInstance.name}: ${details.errorInstance.message}` : String(details.errorInstance);
        throw new Error(
          `${property.name}: ${broken}\n\nShrunk counterexample (seed + operations):\n${JSON.stringify(run)}\n\nReplay:\n${replayCommand(property, run)}\n\n${fc.defaultReportMessage(details)}`,
        );
      },
    },
  );
}
