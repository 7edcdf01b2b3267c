import { emitEventBridge, isoTime, type SimContext } from '../../kernel/context.js';
import { serviceMessages } from '../model/service-messages.js';
import type { ClusterRecord, ServiceRecord } from '../model/state.js';
import { applyStarts, applyStops, type StartOutcome } from './apply-orders.js';
import { applyBlueGreen } from './apply-blue-green.js';
import { applyDaemonDeployment } from './apply-daemon-deployment.js';
import { setStatus } from '../capacity/managed-instances-controller.js';
import { reportPlacementFailure } from './placement-failure.js';
import { clearCondition, openCondition } from './service-conditions.js';
import { recordServiceEvent } from './service-events.js';
import type { PlanStep, ServicePlan } from './service-plan.js';
import type { DeploymentSettlement } from './settle-deployments.js';

/**
 * Carries out any decider's plan (Nomad's plan applier): wake-ups, then each step's stops and starts, then
 * placement failures, conditions, deployments and the steady state, in ECS's words. `later` asks for another
 * pass at a virtual time.
 */
export function applyPlan(
  ctx: SimContext,
  cluster: ClusterRecord,
  service: ServiceRecord,
  plan: ServicePlan,
  later: (atMs: number) => void,
): void {
  if (plan.desiredCount !== undefined) service.desiredCount = plan.desiredCount;
  for (const at of plan.wakeAt) later(at);
  let startedAny = false;
  let placing = false;
  let failure: StartOutcome['failure'];
  for (const step of plan.steps) {
    applyStops(ctx, cluster, service, step.stop);
    const outcome = applyStarts(ctx, cluster, service, step.start);
    startedAny ||= outcome.started.length > 0;
    placing ||= step.start.length > 0;
    failure ??= outcome.failure;
    if (step.taskSet) applyTaskSetChange(ctx, service, step.taskSet);
  }
  if (plan.blueGreen) applyBlueGreen(ctx, service, plan.blueGreen);
  for (const arn of plan.drainInstances ?? []) {
    const instance = cluster.instances.get(arn);
    if (instance?.status === 'ACTIVE') setStatus(ctx, instance, 'DRAINING');
  }
  if (plan.daemonDeployment) applyDaemonDeployment(ctx, service, plan.daemonDeployment);
  // Said once while it lasts; a pass that places everything it asked for ends it. A daemon has no events.
  if (failure && !service.managedDaemon) reportPlacementFailure(ctx, cluster, service, failure.choice, failure.provider);
  else if (placing) clearCondition(service, 'placement');
  for (const { key, message } of plan.conditions) {
    if (message === undefined) clearCondition(service, key);
    else openCondition(ctx, service, key, message);
  }
  if (plan.deployments) applySettlement(ctx, service, plan.deployments);
  if (plan.steady) applySteadyState(ctx, cluster, service, plan.steady);
  else if (startedAny) service.steady = false;
}

function applySettlement(ctx: SimContext, service: ServiceRecord, { retire, complete }: DeploymentSettlement): void {
  // updatedAt stays when a deployment retires: ListServiceDeployments reports when it finished.
  for (const deployment of service.deployments) {
    if (!retire.includes(deployment.id)) continue;
    deployment.status = 'INACTIVE';
    // A green whose traffic went back to blue is rolled back once its last task is gone.
    if (deployment.trafficRollback) deployment.trafficRollback.finishedAt ??= ctx.clock.now;
  }
  const primary = complete && service.deployments.find((d) => d.id === complete.deploymentId);
  if (!primary) return;
  primary.rolloutState = 'COMPLETED';
  primary.rolloutStateReason = complete.reason;
  primary.updatedAt = ctx.clock.now;
  recordServiceEvent(ctx, service, serviceMessages.deploymentCompleted(service.name, primary.id));
  emitEventBridge(ctx, 'ECS Deployment State Change', [service.arn], {
    eventType: 'INFO',
    eventName: 'SERVICE_DEPLOYMENT_COMPLETED',
    deploymentId: primary.id,
    updatedAt: isoTime(ctx, ctx.clock.now),
    reason: complete.reason,
  });
}

function applySteadyState(ctx: SimContext, cluster: ClusterRecord, service: ServiceRecord, { reached, eventBridge }: NonNullable<ServicePlan['steady']>): void {
  if (!reached || service.steady) {
    service.steady = reached;
    return;
  }
  service.steady = true;
  recordServiceEvent(ctx, service, serviceMessages.steadyState(service.name));
  if (eventBridge) {
    emitEventBridge(ctx, 'ECS Service Action', [service.arn], {
      eventType: 'INFO',
      eventName: 'SERVICE_STEADY_STATE',
      clusterArn: cluster.arn,
      createdAt: isoTime(ctx, ctx.clock.now),
    });
  }
}

function applyTaskSetChange(ctx: SimContext, service: ServiceRecord, change: NonNullable<PlanStep['taskSet']>): void {
  const set = service.taskSets.find((s) => s.id === change.id);
  if (!set) return;
  if ('remove' in change) {
    service.taskSets = service.taskSets.filter((s) => s !== set);
  } else if (change.stabilityStatus === 'STABILIZING') {
    set.stabilityStatus = 'STABILIZING';
  } else if (set.stabilityStatus !== 'STEADY_STATE') {
    set.stabilityStatus = 'STEADY_STATE';
    set.updatedAt = ctx.clock.now;
    recordServiceEvent(ctx, service, serviceMessages.taskSetSteady(service.name, set.id));
  }
}
