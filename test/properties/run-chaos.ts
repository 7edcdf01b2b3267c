import { createSimulator, deploymentBounds, type EcsSimulator, type Task } from '../../core/index.js';
import { scalable } from './apply-neighbour-op.js';
import { applyOp, createCluster } from './apply-op.js';
import { ALARM_NAME, CLUSTER, IMAGES, type ChaosRun } from './chaos-ops.js';
import { newChaosState, type ChaosState } from './chaos-state.js';
import { InvariantMonitor, InvariantViolation, type LastSeen } from './invariant-monitor.js';
import { mostTasks } from './service-intents.js';

/** Long enough for start-failure throttling (15 min at most between launches) and a few deployments. */
const SETTLE_SECONDS = 4 * 3600;
/**
 * Long enough for every fault already under way to play out: a Spot reclaim (120 s after the notice), a
 * crash (at most 300 s after RUNNING), failing health checks (at most 120 s, then 2 checks 10 s apart).
 */
const FAULTS_PLAY_OUT_SECONDS = 400;

export interface ChaosOutcome {
  sim: EcsSimulator;
  state: ChaosState;
}

/**
 * Runs a chaos run with every invariant checked after each processed event and each call, then lets
 * faults stop (every image healthy, Fargate capacity unlimited, drained instances back, room for every
 * service), and checks that every service reaches a steady state and that the event log agrees with
 * what DescribeTasks and DescribeContainerInstances say. `watched: false` checks only the steady state
 * (watching is most of a run's time).
 */
export function runChaos(run: ChaosRun, options: { settle?: boolean; watched?: boolean } = {}): ChaosOutcome {
  const sim = createSimulator({ seed: run.seed });
  const state = newChaosState();
  const monitor = options.watched === false ? undefined : new InvariantMonitor(sim, state);
  try {
    createCluster(sim, run.cluster);
    for (const op of run.ops) {
      applyOp(sim, op, state);
      monitor?.check(`after ${op.op}`, op);
    }
    if (options.settle !== false) {
      healAndSettle(sim, state);
      monitor?.finish();
      if (monitor) checkLogAgreesWithState(sim, monitor.lastSeen);
    }
    return { sim, state };
  } finally {
    monitor?.stop();
  }
}

/**
 * "Faults stop and capacity exists": every image healthy, Fargate capacity unlimited, and a fresh fleet
 * with room for every service at its upper bound, one task per instance at worst (static ports,
 * distinctInstance), while the old instances drain (they may be full of standalone tasks, which ECS never
 * moves, and a daemon needs room on every ACTIVE instance). Two things a learner would also have to fix
 * are fixed the same way: a deployment the circuit breaker FAILED launches nothing more until a new
 * deployment, and percentages with no room to move (upper <= desired <= lower, or for a daemon a lower
 * bound of every instance) can never replace a task. So are step scaling policies that pull against each
 * other for ever, and an EXTERNAL service with no task set to run.
 */
function healAndSettle(sim: EcsSimulator, state: ChaosState): void {
  const { intents } = state;
  for (const image of IMAGES) sim.control.registerImage(image, {});
  sim.control.setAlarmState({ alarmName: ALARM_NAME, state: 'OK' });
  for (const provider of ['FARGATE', 'FARGATE_SPOT'] as const) {
    sim.control.setFargateCapacity({ capacityProvider: provider, maxTasks: null });
    state.fargateCaps.push({ at: Math.round(sim.control.now * 1000), provider, capped: false });
  }
  const live = [...intents.entries()].filter(([, i]) => !i.deleted);
  stopStepScaling(sim);
  for (const [name, intent] of live) if (intent.taskSets !== undefined) intent.taskSets = Math.max(intent.taskSets, ensureTaskSet(sim, name));
  for (const [name, intent] of live) {
    // Under auto scaling, any count from its minimum to its maximum may be the desired one while it settles.
    const counts = intent.scaling ? Array.from({ length: intent.scaling.max - intent.scaling.min + 1 }, (_, i) => intent.scaling!.min + i) : [];
    const stalls = (desired: number) => {
      const { upper, lower } = deploymentBounds(desired, intent.minimumHealthyPercent, intent.maximumPercent);
      return desired > 0 && upper <= desired && lower >= desired;
    };
    // A service with task sets (blue/green, EXTERNAL) replaces by task sets, whatever its percentages say.
    if (intent.daemon || intent.blueGreen || intent.taskSets !== undefined || ![intent.desiredCount, ...counts].some(stalls)) continue;
    intent.maximumPercent = 200;
    sim.updateService({ cluster: CLUSTER, service: name, forceNewDeployment: true, deploymentConfiguration: { maximumPercent: 200 } });
  }
  const old = sim.listContainerInstances({ cluster: CLUSTER }).containerInstanceArns;
  const room = live.reduce((sum, [, i]) => sum + Math.max(1, mostTasks(i)), 0);
  sim.control.addInstances({ cluster: CLUSTER, instanceType: 'm5.4xlarge', count: Math.max(3, room) });
  for (let i = 0; i < old.length; i += 10) {
    sim.updateContainerInstancesState({ cluster: CLUSTER, containerInstances: old.slice(i, i + 10), status: 'DRAINING' });
  }
  sim.control.advance(FAULTS_PLAY_OUT_SECONDS);
  const instances = sim.listContainerInstances({ cluster: CLUSTER, status: 'ACTIVE' }).containerInstanceArns.length;
  for (const [name, intent] of live) {
    const service = sim.describeServices({ cluster: CLUSTER, services: [name] }).services[0];
    // A daemon replaces in place: with a lower bound of every instance, no old task may ever stop.
    const daemonStuck = intent.daemon && deploymentBounds(instances, intent.minimumHealthyPercent, 100).lower >= instances;
    if (daemonStuck) intent.minimumHealthyPercent = 0;
    if (!intent.blueGreen && intent.taskSets === undefined && (daemonStuck || service.deployments[0]?.rolloutState === 'FAILED')) {
      sim.updateService({ cluster: CLUSTER, service: name, forceNewDeployment: true, ...(daemonStuck ? { deploymentConfiguration: { minimumHealthyPercent: 0 } } : {}) });
    }
  }
  for (const [name] of live) {
    if (!sim.control.runUntilSteady({ cluster: CLUSTER, service: name, maxSeconds: SETTLE_SECONDS })) {
      const s = sim.describeServices({ cluster: CLUSTER, services: [name] }).services[0];
      throw new InvariantViolation(
        `service ${name} did not reach a steady state within ${SETTLE_SECONDS} s after faults stopped: desired ${s.desiredCount}, running ${s.runningCount}, pending ${s.pendingCount}, deployments ${JSON.stringify(s.deployments.map((d) => [d.status, d.rolloutState, d.runningCount, d.pendingCount]))}; latest events: ${s.events.slice(0, 3).map((e) => e.message).join(' | ')}`,
      );
    }
  }
}

/** Step scaling policies on opposite alarms may scale out and in for ever: a learner would delete them. */
function stopStepScaling(sim: EcsSimulator): void {
  for (const policy of sim.applicationAutoScaling.describeScalingPolicies({ ServiceNamespace: 'ecs' }).ScalingPolicies) {
    if (policy.PolicyType === 'StepScaling') sim.applicationAutoScaling.deleteScalingPolicy({ ...scalable(policy.ResourceId.split('/')[2]), PolicyName: policy.PolicyName });
  }
}

/**
 * An EXTERNAL service is steady only with task sets: one at full scale of its task definition, made
 * PRIMARY, if it has no PRIMARY one. Returns how many task sets it then runs.
 */
function ensureTaskSet(sim: EcsSimulator, service: string): number {
  const { taskSets = [], taskDefinition } = sim.describeServices({ cluster: CLUSTER, services: [service] }).services[0];
  const running = taskSets.filter((s) => s.status !== 'DRAINING').length;
  if (taskSets.some((s) => s.status === 'PRIMARY')) return running;
  const { taskSet } = sim.createTaskSet({ cluster: CLUSTER, service, taskDefinition: taskDefinition!, scale: { value: 100, unit: 'PERCENT' } });
  sim.updateServicePrimaryTaskSet({ cluster: CLUSTER, service, primaryTaskSet: taskSet.id });
  return running + 1;
}

function describeAll(sim: EcsSimulator): Task[] {
  const arns = [...listAll(sim, 'RUNNING'), ...listAll(sim, 'STOPPED')];
  const tasks: Task[] = [];
  for (let i = 0; i < arns.length; i += 100) tasks.push(...sim.describeTasks({ cluster: CLUSTER, tasks: arns.slice(i, i + 100) }).tasks);
  return tasks;
}

function listAll(sim: EcsSimulator, desiredStatus: 'RUNNING' | 'STOPPED'): string[] {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = sim.listTasks({ cluster: CLUSTER, desiredStatus, ...(nextToken ? { nextToken } : {}) });
    arns.push(...page.taskArns);
    nextToken = page.nextToken;
  } while (nextToken);
  return arns;
}

/** The last state change the log carries for each task and instance is the state the API describes. */
export function checkLogAgreesWithState(sim: EcsSimulator, lastSeen: LastSeen): void {
  const problems: string[] = [];
  for (const task of describeAll(sim)) {
    const last = lastSeen.tasks.get(task.taskArn);
    if (!last) problems.push(`task ${task.taskArn} (${task.lastStatus}) has no ECS Task State Change`);
    else if (last.lastStatus !== task.lastStatus || last.desiredStatus !== task.desiredStatus || last.version !== task.version) {
      problems.push(`task ${task.taskArn}: DescribeTasks says ${task.lastStatus}/${task.desiredStatus} v${task.version}, its last event ${String(last.lastStatus)}/${String(last.desiredStatus)} v${String(last.version)}`);
    }
    if (task.lastStatus === 'STOPPED' && (!task.stopCode || !task.stoppedReason)) problems.push(`task ${task.taskArn} is STOPPED without stopCode/stoppedReason`);
  }
  const arns = sim.listContainerInstances({ cluster: CLUSTER }).containerInstanceArns;
  for (let i = 0; i < arns.length; i += 100) {
    for (const instance of sim.describeContainerInstances({ cluster: CLUSTER, containerInstances: arns.slice(i, i + 100) }).containerInstances) {
      const last = lastSeen.instances.get(instance.containerInstanceArn);
      if (last?.status !== instance.status) problems.push(`instance ${instance.ec2InstanceId} is ${instance.status}, its last event says ${String(last?.status)}`);
    }
  }
  if (problems.length > 0) throw new InvariantViolation(problems.slice(0, 5).join('\n'));
}
