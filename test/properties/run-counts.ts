/**
 * How many generated cases each property and fuzzer tries, in one place. `npm test` runs `ci` of each, with the
 * fixed seed of test/fast-check-seed.ts: what the CPU of a check on every change affords (about 30 s for all of
 * them on one core). `npm run soak` runs `soak` of each per round, with a fresh seed every round, for as long as
 * it is given: that is where new cases are found.
 */
export interface RunCount {
  ci: number;
  soak: number;
}

export const RUNS = {
  invariantsUnderChaos: { ci: 100, soak: 400 },
  invariantsAroundEcs: { ci: 50, soak: 200 },
  deploymentBounds: { ci: 100, soak: 300 },
  determinism: { ci: 20, soak: 100 },
  snapshotResume: { ci: 30, soak: 100 },
  /** Per fuzzed call: each ECS action and each simulation control. */
  fuzzCall: { ci: 25, soak: 100 },
} satisfies Record<string, RunCount>;
