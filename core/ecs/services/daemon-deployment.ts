import { deploymentBounds } from './deployment-bounds.js';

/**
 * One pass of the DAEMON scheduler, as a pure decision: one task per eligible instance (ACTIVE, agent
 * connected). maximumPercent is 100 for daemons, so on each instance the old task stops before its
 * replacement starts; minimumHealthyPercent (default 0) bounds how many instances may be without a
 * healthy daemon at once. Tasks on instances that are no longer eligible (DRAINING) are stopped. A task under
 * scale-in protection is not replaced by a deployment until its protection ends: its instance keeps it.
 */
export interface DaemonTask {
  taskArn: string;
  instanceId: string;
  deploymentId: string;
  healthy: boolean;
  stopping: boolean;
  /** Under task scale-in protection: a deployment leaves it alone. */
  protected?: boolean;
}

export interface DaemonInput {
  eligibleInstanceIds: string[];
  primaryDeploymentId: string;
  minimumHealthyPercent: number;
  tasks: DaemonTask[];
}

export interface DaemonDecision {
  startOn: string[];
  stop: string[];
  complete: boolean;
  /** Old tasks wait to be replaced but minimumHealthyPercent lets none go: the same event as a REPLICA service. */
  blockedByConfiguration: boolean;
}

export function decideDaemonPass(input: DaemonInput): DaemonDecision {
  const eligible = new Set(input.eligibleInstanceIds);
  const live = input.tasks.filter((t) => !t.stopping);
  const stop = live.filter((t) => !eligible.has(t.instanceId)).map((t) => t.taskArn);
  const { lower } = deploymentBounds(eligible.size, input.minimumHealthyPercent, 100);
  let healthy = live.filter((t) => t.healthy && eligible.has(t.instanceId)).length;
  const startOn: string[] = [];
  for (const instanceId of input.eligibleInstanceIds) {
    const here = input.tasks.filter((t) => t.instanceId === instanceId);
    const liveHere = here.filter((t) => !t.stopping);
    const old = liveHere.filter((t) => t.deploymentId !== input.primaryDeploymentId);
    for (const task of old) {
      if (task.protected) continue;
      if (task.healthy && healthy - 1 < lower) continue;
      if (task.healthy) healthy--;
      stop.push(task.taskArn);
    }
    // One daemon task per instance at a time: start only once nothing of the service is left there.
    if (here.length === 0) startOn.push(instanceId);
  }
  const complete =
    stop.length === 0 &&
    startOn.length === 0 &&
    input.tasks.every((t) => !t.stopping) &&
    input.eligibleInstanceIds.every((id) => live.some((t) => t.instanceId === id && t.deploymentId === input.primaryDeploymentId && t.healthy));
  const waitingOld = live.some((t) => t.deploymentId !== input.primaryDeploymentId && eligible.has(t.instanceId) && !t.protected);
  const inFlight = input.tasks.some((t) => t.stopping || !t.healthy);
  const blockedByConfiguration = waitingOld && stop.length === 0 && startOn.length === 0 && !inFlight;
  return { startOn, stop, complete, blockedByConfiguration };
}
