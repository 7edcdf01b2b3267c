import { instanceTakes } from '../capacity/instance-launch-type.js';
import { isProtected } from '../tasks/task-protection.js';
import { decideDaemonPass } from './daemon-deployment.js';
import { settleDeployments } from './settle-deployments.js';
import type { PassInput } from './pass-input.js';
import { namedTasks } from './rolling-task-view.js';
import { configurationCondition, ownerOf, scalingStop, type ServicePlan } from './service-plan.js';

/**
 * A DAEMON service's pass: the daemon decision (daemon-deployment.ts) over the cluster's eligible instances
 * (ACTIVE, agent connected, of the service's launch type), each start pinned to its instance; a protected
 * task waits for its protection to end before a deployment replaces it.
 */
export function planDaemonPass({ service, tasks, instances, now }: PassInput): ServicePlan {
  const primary = service.deployments[0];
  // Once an older task's protection expires, the deployment may replace it.
  const wakeAt = tasks.filter((t) => t.deploymentId !== primary.id && isProtected(t, now)).map((t) => t.protectedUntil!);
  const eligible = [...instances.values()].filter((i) => i.status === 'ACTIVE' && i.agentConnected && instanceTakes(i, service.launchType));
  const decision = decideDaemonPass({
    eligibleInstanceIds: eligible.map((i) => i.id),
    primaryDeploymentId: primary.id,
    minimumHealthyPercent: service.deploymentConfiguration.minimumHealthyPercent,
    tasks: tasks
      .filter((t) => t.instanceArn)
      .map((t) => ({
        taskArn: t.arn,
        instanceId: instances.get(t.instanceArn!)!.id,
        deploymentId: t.deploymentId ?? '',
        healthy: t.lastStatus === 'RUNNING' && t.healthyAt !== undefined && t.desiredStatus === 'RUNNING',
        stopping: t.desiredStatus === 'STOPPED',
        protected: isProtected(t, now),
      })),
  });
  const byArn = namedTasks(tasks, decision.stop);
  const owner = ownerOf(primary);
  return {
    desiredCount: eligible.length,
    wakeAt,
    steps: [
      {
        stop: decision.stop.map((arn) => scalingStop(byArn.get(arn)!, primary.id)),
        start: decision.startOn.map((id) => ({ owner, count: 1, placement: { kind: 'instance', instanceArn: eligible.find((i) => i.id === id)!.arn } })),
      },
    ],
    conditions: [configurationCondition(service, decision.blockedByConfiguration)],
    ...settleDeployments(service, tasks, decision.complete),
  };
}
