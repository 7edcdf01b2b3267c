/** Why a task went where it went, or why it could not be placed: shown to learners on click. */
export interface PlacementExplanation {
  /**
   * Instances filtered out, each with the first rule it failed (RESOURCE:CPU, RESOURCE:MEMORY, ..., ATTRIBUTE
   * for a constraint) and, for constraints, which one and what the instance had. Large clusters list the
   * first EXPLAINED_INSTANCES only.
   */
  rejected: Array<{ containerInstanceId: string; ec2InstanceId: string; reason: string; detail?: string }>;
  /** Set when `rejected` was cut short: how many instances were filtered out in all. */
  rejectedTotal?: number;
  /** Each strategy rule in order, with the instances still in the running after it (`keptTotal` as for `rejectedTotal`). */
  stages: Array<{ rule: string; kept: string[]; keptTotal?: number }>;
  chosen?: { containerInstanceId: string; ec2InstanceId: string };
}

/**
 * How many instances an explanation lists per rule. A learner reads a handful; listing every instance of
 * a large cluster for every task would cost memory quadratic in the cluster's size.
 */
export const EXPLAINED_INSTANCES = 20;
