import { checkTargetPort } from '../ecs/services/validate-service-load-balancers.js';
import { EcsError } from '../kernel/errors.js';
import { resolveCluster, resolveService, resolveTaskDefinition } from '../ecs/model/resolve.js';
import { Priority } from '../kernel/clock.js';
import type { SimContext } from '../kernel/context.js';
import { findTargetGroup } from '../elb/elb-api.js';
import type { ListenerRecord } from '../elb/elb-state.js';
import { optionalInteger, optionalString, rejectUnknownFields, requireObject, requireString } from '../kernel/fields.js';
import { newTaskSet } from '../ecs/services/task-sets.js';

/**
 * A CodeDeploy-like blue/green controller for CODE_DEPLOY services: start a replacement task set on the
 * green target group, shift the production listener's traffic to it by the deployment configuration
 * (canary, linear, all at once), make it PRIMARY, then after the termination wait drain the original.
 */
export const DEPLOYMENT_CONFIGS: Readonly<Record<string, { firstPercent: number; stepPercent: number; intervalMinutes: number }>> = {
  'CodeDeployDefault.ECSAllAtOnce': { firstPercent: 100, stepPercent: 100, intervalMinutes: 0 },
  'CodeDeployDefault.ECSCanary10Percent5Minutes': { firstPercent: 10, stepPercent: 90, intervalMinutes: 5 },
  'CodeDeployDefault.ECSCanary10Percent15Minutes': { firstPercent: 10, stepPercent: 90, intervalMinutes: 15 },
  'CodeDeployDefault.ECSLinear10PercentEvery1Minutes': { firstPercent: 10, stepPercent: 10, intervalMinutes: 1 },
  'CodeDeployDefault.ECSLinear10PercentEvery3Minutes': { firstPercent: 10, stepPercent: 10, intervalMinutes: 3 },
};

/** How often the controller checks whether the replacement task set is steady (the simulator's model). */
const POLL_SECONDS = 15;

export interface BlueGreenDeployment {
  deploymentId: string;
  status: 'InProgress' | 'Succeeded' | 'Stopped';
  greenPercent: number;
  /** What happened, in order, with virtual times: a learner's view of the deployment. */
  events: Array<{ time: number; message: string }>;
}

function listenerForwardingTo(ctx: SimContext, targetGroupArn: string): ListenerRecord | undefined {
  for (const lb of ctx.state.elb.loadBalancers.values()) {
    const listener = lb.listeners.find((l) => l.targetGroups.some((g) => g.targetGroupArn === targetGroupArn));
    if (listener) return listener;
  }
  return undefined;
}

export function createDeployment(
  ctx: SimContext,
  input: { cluster?: string; service: string; taskDefinition: string; deploymentConfigName?: string; greenTargetGroupArn: string; terminationWaitTimeInMinutes?: number },
): { deploymentId: string } {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['cluster', 'service', 'taskDefinition', 'deploymentConfigName', 'greenTargetGroupArn', 'terminationWaitTimeInMinutes']);
  const cluster = resolveCluster(ctx, request.cluster);
  const service = resolveService(cluster, request.service);
  if (service.deploymentController !== 'CODE_DEPLOY') {
    throw new EcsError('InvalidParameterException', 'Blue/green deployments need a service with the CODE_DEPLOY deployment controller.', 'service');
  }
  if (ctx.state.blueGreen.has(service.arn)) {
    throw new EcsError('InvalidParameterException', 'A deployment is already in progress for this service.', 'service');
  }
  const taskDefinition = resolveTaskDefinition(ctx, request.taskDefinition);
  const configName = optionalString(request.deploymentConfigName, 'deploymentConfigName') ?? 'CodeDeployDefault.ECSAllAtOnce';
  const config = DEPLOYMENT_CONFIGS[configName];
  if (!config) throw new EcsError('InvalidParameterException', `deploymentConfigName must be one of ${Object.keys(DEPLOYMENT_CONFIGS).join(', ')}.`, 'deploymentConfigName');
  const green = findTargetGroup(ctx, requireString(request.greenTargetGroupArn, 'greenTargetGroupArn'), 'greenTargetGroupArn');
  const original = service.taskSets.find((s) => s.status === 'PRIMARY')!;
  // The replacement set serves the same container port: a revision without it would have no target to register.
  const { containerName, containerPort } = original.loadBalancers[0];
  checkTargetPort(taskDefinition, containerName, containerPort, 'taskDefinition');
  const blueArn = original.loadBalancers[0].targetGroupArn;
  if (green.arn === blueArn) throw new EcsError('InvalidParameterException', 'The green target group must differ from the one serving production.', 'greenTargetGroupArn');
  const listener = listenerForwardingTo(ctx, blueArn);
  if (!listener) throw new EcsError('InvalidParameterException', 'No listener forwards to the service target group.', 'service');
  const waitMinutes = optionalInteger(request.terminationWaitTimeInMinutes, 'terminationWaitTimeInMinutes', { min: 0, max: 2880 }) ?? 5;

  const deployment: BlueGreenDeployment = { deploymentId: `d-${ctx.random.hex(9).toUpperCase()}`, status: 'InProgress', greenPercent: 0, events: [] };
  const note = (message: string) => deployment.events.push({ time: ctx.clock.now, message });
  ctx.state.blueGreen.set(service.arn, deployment);
  const replacement = newTaskSet(ctx, service, taskDefinition.taskDefinitionArn, [{ ...original.loadBalancers[0], targetGroupArn: green.arn }], 100, 'ACTIVE');
  service.taskSets.push(replacement);
  service.steady = false;
  ctx.requestServicePass(service);
  note(`Replacement task set ${replacement.id} created on target group ${green.name}.`);

  const finish = (status: BlueGreenDeployment['status'], message: string) => {
    deployment.status = status;
    ctx.state.blueGreen.delete(service.arn);
    ctx.state.blueGreenDone.set(deployment.deploymentId, deployment);
    note(message);
  };
  // A deployment does not outlive its service: deleted mid-way, the deployment stops where it is.
  const later = (seconds: number, run: () => void) =>
    ctx.clock.schedule(seconds * 1000, Priority.timer, () => {
      if (deployment.status !== 'InProgress') return;
      if (service.status === 'ACTIVE') run();
      else finish('Stopped', 'The service was deleted: deployment stopped.');
    });
  const shiftTo = (percent: number) => {
    deployment.greenPercent = percent;
    listener.targetGroups = [
      { targetGroupArn: blueArn, weight: 100 - percent },
      { targetGroupArn: green.arn, weight: percent },
    ];
    note(`Production traffic: ${100 - percent} % original, ${percent} % replacement.`);
    if (percent < 100) {
      later(config.intervalMinutes * 60, () => shiftTo(Math.min(100, percent + config.stepPercent)));
      return;
    }
    original.status = 'ACTIVE';
    replacement.status = 'PRIMARY';
    service.taskDefinitionArn = replacement.taskDefinitionArn;
    note(`Replacement task set is PRIMARY; the original is kept ${waitMinutes} minutes before it is terminated.`);
    later(waitMinutes * 60, () => {
      original.status = 'DRAINING';
      original.updatedAt = ctx.clock.now;
      service.steady = false;
      ctx.requestServicePass(service);
      finish('Succeeded', 'Original task set drained: deployment succeeded.');
    });
  };
  const waitForReplacement = () => {
    if (replacement.stabilityStatus === 'STEADY_STATE') {
      note('Replacement task set is steady: shifting traffic.');
      shiftTo(config.firstPercent);
    } else later(POLL_SECONDS, waitForReplacement);
  };
  later(POLL_SECONDS, waitForReplacement);
  return { deploymentId: deployment.deploymentId };
}

export function getDeployment(ctx: SimContext, input: { deploymentId: string }): BlueGreenDeployment {
  const id = requireObject(input, 'request').deploymentId;
  const found = [...ctx.state.blueGreen.values(), ...ctx.state.blueGreenDone.values()].find((d) => d.deploymentId === id);
  if (!found) throw new EcsError('InvalidParameterException', `No deployment ${String(id)}.`, 'deploymentId');
  return structuredClone(found);
}

declare module '../kernel/context.js' {
  interface SimState {
    /** Blue/green deployments in progress, by service ARN, and finished ones by deployment id. */
    blueGreen: Map<string, BlueGreenDeployment>;
    blueGreenDone: Map<string, BlueGreenDeployment>;
  }
}
