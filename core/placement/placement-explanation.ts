/** Why a task went where it went, or why it could not be placed: shown to learners on click. */
export interface PlacementExplanation {
  /**
   * Instances filtered out, each with the first rule it failed (RESOURCE:CPU, RESOURCE:MEMORY, ..., ATTRIBUTE
   * for a constraint) and, for constraints, which one and what the instance had.
   */
  rejected: Array<{ containerInstanceId: string; ec2InstanceId: string; reason: string; detail?: string }>;
  /** Each strategy rule in order, with the instances still in the running after it. */
  stages: Array<{ rule: string; kept: string[] }>;
  chosen?: { containerInstanceId: string; ec2InstanceId: string };
}
