import fc from 'fast-check';
import { createSimulator, deploymentBounds, restoreSimulator, type EcsSimulator, type PhaseCounts } from '../../core/index.js';
import { applyOp, createCluster } from './apply-op.js';
import { chaosRun, deploymentRun, neighboursRun } from './chaos-arbitraries.js';
import { newChaosState, type ChaosState } from './chaos-state.js';
import { CLUSTER, type ChaosRun, type Op } from './chaos-ops.js';
import { InvariantViolation } from './invariant-monitor.js';
import { runChaos } from './run-chaos.js';
import { RUNS, type RunCount } from './run-counts.js';

/** A property over chaos runs, with how many runs `npm test` and each round of `npm run soak` try (run-counts.ts). */
export interface ChaosProperty {
  name: string;
  arbitrary: fc.Arbitrary<ChaosRun>;
  check: (run: ChaosRun) => void;
  runs: RunCount;
}

export const invariantsUnderChaos: ChaosProperty = {
  name: 'invariants under chaos',
  arbitrary: chaosRun(25),
  check: (run) => void runChaos(run),
  runs: RUNS.invariantsUnderChaos,
};

/**
 * The same invariants, over runs that lean on the services around ECS: queues with workers and the
 * test's own consumer, rules that run tasks, step and scheduled scaling, task sets, target groups.
 */
export const invariantsAroundEcs: ChaosProperty = {
  name: 'services around ECS under chaos',
  arbitrary: neighboursRun(40),
  check: (run) => void runChaos(run),
  runs: RUNS.invariantsAroundEcs,
};

const total = (counts: Record<string, PhaseCounts>, phase: keyof PhaseCounts) => Object.values(counts).reduce((s, c) => s + c[phase], 0);

/**
 * "Capacity allows" means a deployment is never disturbed: deploymentRun has on-demand instances only,
 * healthy images, no stops, no draining and no interruption, and each service keeps the desired count and
 * percentages it was created with. Then, over the whole task history (every sample, several per instant),
 * a service never has more than floor(desired × maximumPercent / 100) tasks PENDING or RUNNING, and once
 * it has first been steady (all desired tasks healthy) never fewer than ceil(desired × minimumHealthyPercent
 * / 100) healthy, however little room the cluster has.
 */
export const undisturbedDeploymentBounds: ChaosProperty = {
  name: 'deployment bounds',
  arbitrary: deploymentRun(20),
  check(run) {
    const { sim, state } = runChaos(run, { settle: false });
    for (const [name, intent] of state.intents) {
      if (intent.daemon) continue;
      const { upper, lower } = deploymentBounds(intent.desiredCount, intent.minimumHealthyPercent, intent.maximumPercent);
      let steadyOnce = false;
      for (const point of sim.control.taskHistory(name, CLUSTER)) {
        const live = total(point.byTaskDefinition, 'pending') + total(point.byTaskDefinition, 'running');
        const healthy = total(point.byTaskDefinition, 'healthy');
        const at = `service ${name} at t=${point.time / 1000}s (desired ${intent.desiredCount}, ${intent.minimumHealthyPercent} % / ${intent.maximumPercent} %)`;
        if (live > upper) throw new InvariantViolation(`${at}: ${live} tasks PENDING or RUNNING, above ${upper}`);
        if (steadyOnce && healthy < lower) throw new InvariantViolation(`${at}: ${healthy} healthy, below ${lower}`);
        if (healthy >= intent.desiredCount && live === intent.desiredCount) steadyOnce = true;
      }
    }
  },
  runs: RUNS.deploymentBounds,
};

/**
 * The same run twice, faults healed and settled, gives the same log. Unwatched: 'invariants under chaos'
 * checks the invariants, in `npm test` on these very runs (the same arbitrary and seed draw the same runs).
 */
export const replaysIdentically: ChaosProperty = {
  name: 'determinism',
  arbitrary: chaosRun(25),
  check(run) {
    const first = JSON.stringify(runChaos(run, { watched: false }).sim.control.events());
    const second = JSON.stringify(runChaos(run, { watched: false }).sim.control.events());
    if (first !== second) throw new InvariantViolation(`event logs differ (${first.length} vs ${second.length} characters)`);
  },
  runs: RUNS.determinism,
};

function applyAll(sim: EcsSimulator, ops: Op[], state: ChaosState): EcsSimulator {
  for (const op of ops) applyOp(sim, op, state);
  return sim;
}

/** Saved halfway (snapshot, through JSON as a permalink carries it), restored and continued: the same log as a run never interrupted. */
export const resumesFromSnapshot: ChaosProperty = {
  name: 'snapshot resume',
  arbitrary: chaosRun(25),
  check(run) {
    const fresh = () => {
      const sim = createSimulator({ seed: run.seed });
      createCluster(sim, run.cluster);
      return sim;
    };
    const half = Math.floor(run.ops.length / 2);
    const straight = JSON.stringify(applyAll(fresh(), run.ops, newChaosState()).control.events());
    const state = newChaosState();
    const saved = JSON.parse(JSON.stringify(applyAll(fresh(), run.ops.slice(0, half), state).control.snapshot()));
    const resumed = JSON.stringify(applyAll(restoreSimulator(saved), run.ops.slice(half), state).control.events());
    if (resumed !== straight) {
      const at = [...straight].findIndex((ch, i) => ch !== resumed[i]);
      throw new InvariantViolation(`the resumed run's event log differs from character ${at}: …${straight.slice(at - 80, at + 120)}… vs …${resumed.slice(at - 80, at + 120)}…`);
    }
  },
  runs: RUNS.snapshotResume,
};

export const allProperties = [invariantsUnderChaos, invariantsAroundEcs, undisturbedDeploymentBounds, replaysIdentically, resumesFromSnapshot];
