import type { SimContext } from '../../kernel/context.js';
import { instanceTakes } from '../capacity/instance-launch-type.js';
import { serviceMessages, stoppedReasons } from '../model/service-messages.js';
import { stopTask } from '../tasks/task-transitions.js';
import type { ClusterRecord, ServiceRecord, TaskRecord } from '../model/state.js';
import { decideDaemonPass } from './daemon-deployment.js';
import { recordServiceEvent } from './service-events.js';
import { clearCondition, openCondition } from './service-conditions.js';
import { settleDeployments } from './settle-deployments.js';
import { startTasks, type StartResult } from './start-tasks.js';
import { reportPlacementFailure } from './placement-failure.js';
import { findTaskDefinition } from '../model/task-definition-lookup.js';

/** Applies one DAEMON pass: one task per ACTIVE instance, replaced in place on a new deployment. */
export function runDaemonPass(ctx: SimContext, cluster: ClusterRecord, service: ServiceRecord, tasks: TaskRecord[]): void {
  const primary = service.deployments[0];
  const eligible = [...cluster.instances.values()].filter((i) => i.status === 'ACTIVE' && i.agentConnected && instanceTakes(i, service.launchType));
  service.desiredCount = eligible.length;
  const decision = decideDaemonPass({
    eligibleInstanceIds: eligible.map((i) => i.id),
    primaryDeploymentId: primary.id,
    minimumHealthyPercent: service.deploymentConfiguration.minimumHealthyPercent,
    tasks: tasks
      .filter((t) => t.instanceArn)
      .map((t) => ({
        taskArn: t.arn,
        instanceId: cluster.instances.get(t.instanceArn!)!.id,
        deploymentId: t.deploymentId ?? '',
        healthy: t.lastStatus === 'RUNNING' && t.healthyAt !== undefined && t.desiredStatus === 'RUNNING',
        stopping: t.desiredStatus === 'STOPPED',
      })),
  });
  if (decision.stop.length > 0) {
    const stopped = decision.stop.map((arn) => cluster.tasks.get(arn)!);
    for (const task of stopped) stopTask(ctx, task, 'ServiceSchedulerInitiated', stoppedReasons.scalingActivity(task.deploymentId ?? primary.id));
    recordServiceEvent(ctx, service, serviceMessages.stoppedTasks(service.name, stopped.map((t) => t.id)));
  }
  const started: TaskRecord[] = [];
  let failure: StartResult['failure'];
  for (const instanceId of decision.startOn) {
    const instance = eligible.find((i) => i.id === instanceId)!;
    const result = startTasks(ctx, cluster, {
      taskDefinition: findTaskDefinition(ctx, primary.taskDefinitionArn),
      count: 1,
      group: `service:${service.name}`,
      launchType: 'EC2',
      strategies: [],
      startedBy: primary.id,
      serviceName: service.name,
      deploymentId: primary.id,
      onlyOn: instance,
    });
    started.push(...result.started);
    failure ??= result.failure;
  }
  for (const task of started) service.taskArns.add(task.arn);
  if (started.length > 0) {
    service.steady = false;
    recordServiceEvent(ctx, service, serviceMessages.startedTasks(service.name, started.map((t) => t.id)));
  }
  // An instance without room for its daemon task (standalone tasks took it first) says so, as ECS does.
  if (failure) reportPlacementFailure(ctx, cluster, service, failure, undefined);
  else clearCondition(service, 'placement');
  if (decision.blockedByConfiguration) openCondition(ctx, service, 'deployment-configuration', serviceMessages.blockedByDeploymentConfiguration(service.name));
  else clearCondition(service, 'deployment-configuration');
  settleDeployments(ctx, cluster, service, tasks, decision.complete);
}
