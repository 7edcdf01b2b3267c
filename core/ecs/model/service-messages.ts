/**
 * Service event wordings, exactly as ECS writes them in DescribeServices `events`
 * (Developer Guide "service event messages" and observed output).
 */
const TROUBLESHOOTING = 'For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.';

const taskList = (taskIds: string[]) => taskIds.map((id) => `(task ${id})`).join(' ');

export const serviceMessages = {
  startedTasks: (service: string, taskIds: string[]) =>
    `(service ${service}) has started ${taskIds.length} tasks: ${taskList(taskIds)}.`,
  stoppedTasks: (service: string, taskIds: string[]) =>
    `(service ${service}) has stopped ${taskIds.length} running tasks: ${taskList(taskIds)}.`,
  steadyState: (service: string) => `(service ${service}) has reached a steady state.`,
  deploymentCompleted: (service: string, deploymentId: string) =>
    `(service ${service}) (deployment ${deploymentId}) deployment completed.`,
  deploymentFailed: (service: string, deploymentId: string) =>
    `(service ${service}) (deployment ${deploymentId}) deployment failed: tasks failed to start.`,
  /** The simulator's wording: ECS documents no service event for a failed lifecycle hook. */
  deploymentFailedByHook: (service: string, deploymentId: string, stage: string) =>
    `(service ${service}) (deployment ${deploymentId}) deployment failed: lifecycle hook failed at ${stage}.`,
  taskSetSteady: (service: string, taskSetId: string) => `(service ${service}, taskSet ${taskSetId}) updated state to STEADY_STATE.`,
  registeredTargets: (service: string, count: number, targetGroupArn: string) =>
    `(service ${service}) registered ${count} targets in (target-group ${targetGroupArn})`,
  deregisteredTargets: (service: string, count: number, targetGroupArn: string) =>
    `(service ${service}) deregistered ${count} targets in (target-group ${targetGroupArn})`,
  beganDraining: (service: string, deploymentId: string, count: number) =>
    `(service ${service}, taskSet ${deploymentId}) has begun draining connections on ${count} tasks.`,
  /** awsvpc targets are named by task, instance targets by EC2 instance (both forms are ECS's). */
  unhealthyInTargetGroup: (service: string, target: { taskId: string } | { instanceId: string }, port: number, targetGroupArn: string, reason: string) =>
    `(service ${service}) (${'taskId' in target ? `task ${target.taskId}` : `instance ${target.instanceId}`}) (port ${port}) is unhealthy in (target-group ${targetGroupArn}) due to (reason ${reason})`,
  deploymentFailedByAlarm: (service: string, deploymentId: string, alarmNames: string[]) =>
    `(service ${service}) (deployment ${deploymentId}) deployment failed: alarm detected (${alarmNames.join(', ')}).`,
  rollingBack: (service: string, deploymentId: string) => `(service ${service}) rolling back to deployment ${deploymentId}.`,
  failedContainerHealthChecks: (service: string, taskId: string) => `(service ${service}) (task ${taskId}) failed container health checks.`,
  unableToConsistentlyStart: (service: string) => `service (${service}) is unable to consistently start tasks successfully.`,
  blockedByDeploymentConfiguration: (service: string) =>
    `(service ${service}) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.`,
  unableToPlaceTask: (service: string, reason: string) => `(service ${service}) was unable to place a task. Reason: ${reason}.`,
  fargateCapacityUnavailable: (service: string) =>
    `(service ${service}) was unable to place a task. Reason: Capacity is unavailable at this time. Please try again later or in a different availability zone.`,
  noInstanceMetRequirements: (service: string, closest: { containerInstanceId: string; problem: string } | null) =>
    closest
      ? `(service ${service}) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance ${closest.containerInstanceId}) ${closest.problem}. ${TROUBLESHOOTING}`
      : `(service ${service}) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster. ${TROUBLESHOOTING}`,
};

/** What the closest matching instance lacked, in the wording of the placement failure event. */
export const placementProblemWording: Record<string, string> = {
  'RESOURCE:CPU': 'has insufficient CPU units available',
  'RESOURCE:MEMORY': 'has insufficient memory available',
  'RESOURCE:PORTS': 'is already using a port required by your task',
  ATTRIBUTE: 'is missing an attribute required by your task',
  // ECS's own wording for this case is not documented; the simulator says what happened.
  'RESOURCE:ENI': 'has no elastic network interface left for an awsvpc task',
  AGENT: 'encountered error "AGENT"',
  DRAINING: 'is not in an ACTIVE state',
};

export const deploymentReasons = {
  inProgress: (deploymentId: string) => `ECS deployment ${deploymentId} in progress.`,
  completed: (deploymentId: string) => `ECS deployment ${deploymentId} completed.`,
};

export const stoppedReasons = {
  scalingActivity: (deploymentId: string) => `Scaling activity initiated by (deployment ${deploymentId})`,
  essentialContainerExited: 'Essential container in task exited',
  userStopped: 'Task stopped by user',
  failedContainerHealthChecks: 'Task failed container health checks',
  failedElbHealthChecks: (targetGroupArn: string) => `Task failed ELB health checks in (target-group ${targetGroupArn})`,
};
