import type { Verdict } from '../lab-kit/check-types.js';
import type { DeploymentOutcome } from './part-deployment.js';
import type { TaskDefinitionsRun } from './part-task-definitions.js';
import type { ScalingOutcome } from './part-scaling.js';
import type { FaultOutcome } from './fault-run.js';
import type { Judged } from './shop-files.js';

/** What the capstone's checks judge: one run per part (parts 2 and 3 share theirs), or why it could not be made. */
export interface PartRuns {
  taskDefinitions: Judged<TaskDefinitionsRun>;
  fault: FaultOutcome;
  scaling: ScalingOutcome;
  deployment: DeploymentOutcome;
}

/**
 * A part's first check: passed when the part's run could be made; else ECS's refusal of the part's file, or
 * (not judged) the earlier part it waits for, with that part's problem.
 */
export function accepted<T>(run: Judged<T>, observed: string): Verdict {
  if (run.ok) return { passed: true, observed };
  if (run.waiting) return { passed: false, skipped: true, observed: [run.waiting, run.problem.message].filter(Boolean).join(' ') };
  return { passed: false, observed: run.problem.message, location: run.problem.location };
}

/** Any other check of a part judges the part's run; without one it is not judged (the part's first check says why). */
export function judged<T>(run: Judged<T>, judge: (value: T) => Verdict): Verdict {
  return run.ok ? judge(run.value) : { passed: false, skipped: true, observed: run.waiting ?? 'Not judged: the first check of this part failed.' };
}
