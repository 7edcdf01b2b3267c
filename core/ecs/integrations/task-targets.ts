import type { SimContext } from '../../kernel/context.js';
import { serviceMessages } from '../model/service-messages.js';
import type { ServiceRecord, TaskRecord } from '../model/state.js';
import { recordServiceEvent } from '../services/service-events.js';
import { routingOfTask } from '../services/task-routing.js';
import type { TargetGroupRecord, TargetRecord } from '../../elb/elb-state.js';
import { afterTargetCheck } from '../../elb/target-health.js';
import { healthCheckPasses } from '../tasks/container-health.js';

type Schedule = (seconds: number, run: () => void) => void;

function serviceOf(ctx: SimContext, task: TaskRecord): ServiceRecord | undefined {
  return task.serviceName ? ctx.state.clusters.get(task.clusterName)?.services.get(task.serviceName) : undefined;
}

/** Where a task answers for one of its service's load balancers: its own IP (ip targets) or instance and host port. */
function targetFor(ctx: SimContext, task: TaskRecord, tg: TargetGroupRecord, containerName: string, containerPort: number) {
  const container = task.containers.find((c) => c.name === containerName);
  const binding = container?.hostBindings.find((b) => b.containerPort === containerPort);
  if (tg.targetType === 'ip') return { id: task.privateIpv4Address ?? '', port: containerPort };
  const instance = task.instanceArn ? ctx.state.clusters.get(task.clusterName)!.instances.get(task.instanceArn) : undefined;
  return { id: instance?.ec2InstanceId ?? '', port: binding?.hostPort ?? containerPort };
}

/**
 * The load balancer entries a task registers under: its task set's (CodeDeploy blue/green), else its
 * deployment's, in the alternate target group when its deployment is the green side of a native blue/green.
 */
function entriesOf(ctx: SimContext, task: TaskRecord) {
  const service = serviceOf(ctx, task);
  const set = service?.taskSets.find((s) => s.id === task.deploymentId);
  if (set) return set.loadBalancers;
  if (!service) return [];
  const onAlternate = service.deployments.find((d) => d.id === task.deploymentId)?.onAlternate;
  return routingOfTask(service, task).loadBalancers.map((entry) =>
    onAlternate && entry.advancedConfiguration ? { ...entry, targetGroupArn: entry.advancedConfiguration.alternateTargetGroupArn } : entry,
  );
}

/** A task's targets, looked up by the keys it registered under (never by scanning every target group). */
export function targetsOfTask(ctx: SimContext, task: TaskRecord): Array<{ tg: TargetGroupRecord; target: TargetRecord }> {
  const out: Array<{ tg: TargetGroupRecord; target: TargetRecord }> = [];
  for (const entry of entriesOf(ctx, task)) {
    const tg = ctx.state.elb.targetGroups.get(entry.targetGroupArn);
    if (!tg) continue;
    const { id, port } = targetFor(ctx, task, tg, entry.containerName, entry.containerPort);
    const target = tg.targets.get(`${id}:${port}`);
    if (target?.taskArn === task.arn) out.push({ tg, target });
  }
  return out;
}

/**
 * On RUNNING: ECS registers the task with each of its service's target groups, and the load balancer starts
 * health checking it every interval. `onHealthChange` is told when the task's target health changes.
 */
export function registerTaskTargets(ctx: SimContext, task: TaskRecord, schedule: Schedule, onHealthChange: () => void): boolean {
  const service = serviceOf(ctx, task);
  const entries = entriesOf(ctx, task);
  if (!service || entries.length === 0) return false;
  // The application answers the load balancer's checks as it answers its own health check: once warmed up,
  // until it goes bad, counted from now (the task is RUNNING).
  const essential = task.containers.find((c) => c.essential);
  const behaviour = essential ? ctx.images.behaviourOf(essential.image) : undefined;
  const runningSince = ctx.clock.now;
  const answers = () => !behaviour || healthCheckPasses(behaviour, (ctx.clock.now - runningSince) / 1000);
  task.elbTargetsHealthy = false;
  for (const entry of entries) {
    const tg = ctx.state.elb.targetGroups.get(entry.targetGroupArn);
    if (!tg) continue;
    const { id, port } = targetFor(ctx, task, tg, entry.containerName, entry.containerPort);
    const target: TargetRecord = {
      key: `${id}:${port}`,
      id,
      port,
      availabilityZone: task.availabilityZone,
      taskArn: task.arn,
      state: 'initial',
      reasonCode: 'Elb.RegistrationInProgress',
      description: 'Target registration is in progress',
      passes: 0,
      failures: 0,
    };
    tg.targets.set(target.key, target);
    recordServiceEvent(ctx, service, serviceMessages.registeredTargets(service.name, 1, tg.arn));
    const probe = () => {
      if (tg.targets.get(target.key) !== target || target.state === 'draining') return;
      const wasHealthy = target.state === 'healthy';
      Object.assign(target, afterTargetCheck(target, answers(), tg.healthCheck));
      // Slow start ramps a target up from the moment it turns healthy, and ends if it stops being healthy.
      if (target.state !== 'healthy') target.slowStart = undefined;
      else if (!wasHealthy && tg.slowStartSeconds > 0) target.slowStart = { from: ctx.clock.now, until: ctx.clock.now + tg.slowStartSeconds * 1000 };
      updateElbHealth(ctx, task);
      onHealthChange();
      schedule(tg.healthCheck.intervalSeconds, probe);
    };
    schedule(tg.healthCheck.intervalSeconds, probe);
  }
  return true;
}

function updateElbHealth(ctx: SimContext, task: TaskRecord): void {
  const targets = targetsOfTask(ctx, task);
  task.elbTargetsHealthy = targets.length > 0 && targets.every(({ target }) => target.state === 'healthy');
  const bad = targets.find(({ target }) => target.state === 'unhealthy');
  task.elbUnhealthyTarget = bad
    ? { targetGroupArn: bad.tg.arn, id: bad.target.id, port: bad.target.port, description: bad.target.description ?? 'Health checks failed' }
    : undefined;
}

/**
 * On stop: the targets start draining; ECS waits the target group's deregistration delay before the
 * containers get SIGTERM. Returns that wait in seconds (0 for a task with no target).
 */
export function deregisterTaskTargets(ctx: SimContext, task: TaskRecord): number {
  const targets = targetsOfTask(ctx, task).filter(({ target }) => target.state !== 'draining');
  if (targets.length === 0) return 0;
  const service = serviceOf(ctx, task);
  if (service) {
    recordServiceEvent(ctx, service, serviceMessages.beganDraining(service.name, task.deploymentId ?? '', 1));
  }
  let wait = 0;
  for (const { tg, target } of targets) {
    Object.assign(target, { state: 'draining', reasonCode: 'Target.DeregistrationInProgress', description: 'Target deregistration is in progress' });
    if (service) recordServiceEvent(ctx, service, serviceMessages.deregisteredTargets(service.name, 1, tg.arn));
    wait = Math.max(wait, tg.deregistrationDelaySeconds);
    // Removal is not tied to the task: a stopped task's target still finishes draining.
    ctx.clock.schedule(tg.deregistrationDelaySeconds * 1000, 20, () => {
      if (tg.targets.get(target.key) === target) tg.targets.delete(target.key);
    });
  }
  return wait;
}
