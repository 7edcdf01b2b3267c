import { EcsError, type EcsSimulator, type RegisterTaskDefinitionRequest } from '../../core/index.js';
import { applyNeighbourOp, putCpuAlarm, revisionRef, scalable, SUBNETS, targetGroupArn, TARGET_GROUPS } from './apply-neighbour-op.js';
import { ALARM_NAME, ASG_PROVIDER, CLUSTER, FARGATE_FAMILY, staticPortOf, strategyFor, type ClusterSpec, type InstanceGroup, type Op } from './chaos-ops.js';
import type { ChaosState } from './chaos-state.js';
import { JOB_FAMILY, JOB_IMAGE, JOB_SECONDS, TASK_ROLE } from './neighbour-ops.js';
import { widenScaling } from './service-intents.js';

const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

/** Thrown when the engine answers a request with ServerException or a raw error: always an engine bug. */
export class EngineFault extends Error {
  constructor(op: Op, cause: unknown) {
    super(`${JSON.stringify(op)} -> ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`);
    this.name = 'EngineFault';
  }
}

export function addGroup(sim: EcsSimulator, group: InstanceGroup): void {
  sim.control.addInstances({
    cluster: CLUSTER,
    instanceType: group.instanceType,
    count: group.count,
    availabilityZones: ZONES.slice(0, group.zones),
    lifecycle: group.lifecycle,
    spotInstanceDraining: group.spotInstanceDraining,
  });
}

/**
 * An Auto Scaling group big enough for every service at its upper bound, one task per instance at worst
 * (4 services × 8 tasks × 200 %), so that healing never waits on a group at its maximum.
 */
const ASG_MAX_SIZE = 64;

/**
 * The cluster and what surrounds it: an Application Load Balancer with two target groups (services join
 * the first; blue/green deployments and task sets may use either), a task role that lets any task work a
 * queue, and the batch job that EventBridge rules run.
 */
export function createCluster(sim: EcsSimulator, spec: ClusterSpec): void {
  sim.createCluster({ clusterName: CLUSTER, ...(spec.fargate ? { capacityProviders: ['FARGATE', 'FARGATE_SPOT'] } : {}) });
  for (const group of spec.groups) addGroup(sim, group);
  const { LoadBalancers } = sim.elbv2.createLoadBalancer({ Name: 'chaos-lb', Type: 'application' });
  TARGET_GROUPS.forEach((name, i) => {
    const { TargetGroups } = sim.elbv2.createTargetGroup({ Name: name, Protocol: 'HTTP', Port: 80, TargetType: 'instance' });
    sim.elbv2.createListener({ LoadBalancerArn: LoadBalancers[0].LoadBalancerArn, Port: 80 + 8000 * i, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: TargetGroups[0].TargetGroupArn }] });
  });
  sim.iam.createRole({ RoleName: TASK_ROLE });
  sim.iam.putRolePolicy({ RoleName: TASK_ROLE, PolicyName: 'queues', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'], Resource: '*' }] } });
  sim.control.registerImage(JOB_IMAGE, { crashAfterSeconds: JOB_SECONDS, exitCode: 0 });
  sim.registerTaskDefinition({
    family: JOB_FAMILY,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: JOB_FAMILY, image: JOB_IMAGE, essential: true }],
  });
}

const hasAutoScalingGroup = (sim: EcsSimulator) => sim.describeCapacityProviders({ capacityProviders: [ASG_PROVIDER] }).capacityProviders.length > 0;

function taskDefinitionRequest(op: Extract<Op, { op: 'registerTaskDefinition' }>): RegisterTaskDefinitionRequest {
  const port = staticPortOf(op.family);
  const portMappings = op.ports === 'none' ? [] : [{ containerPort: port, hostPort: op.ports === 'dynamic' ? 0 : port, protocol: 'tcp' as const }];
  return {
    family: op.family,
    taskRoleArn: `arn:aws:iam::123456789012:role/${TASK_ROLE}`,
    networkMode: op.ports === 'host' ? 'host' : 'bridge',
    containerDefinitions: [
      {
        name: op.family,
        image: op.image,
        cpu: op.cpu,
        memory: op.memory,
        essential: true,
        portMappings,
        ...(op.healthCheck ? { healthCheck: { command: ['CMD-SHELL', `curl -f localhost:${port}`], interval: 10, retries: 2 } } : {}),
      },
    ],
  };
}

const liveTaskArns = (sim: EcsSimulator) => sim.listTasks({ cluster: CLUSTER }).taskArns;
const instanceArns = (sim: EcsSimulator) => sim.listContainerInstances({ cluster: CLUSTER }).containerInstanceArns;
const pickFrom = <T>(items: T[], pick: number): T | undefined => (items.length === 0 ? undefined : items[pick % items.length]);

/** The target group that the service's PRIMARY task set (production) does not use. */
function idleTargetGroupArn(sim: EcsSimulator, service: string): string {
  const primary = sim.describeServices({ cluster: CLUSTER, services: [service] }).services[0]?.taskSets?.find((s) => s.status === 'PRIMARY');
  const production = primary?.loadBalancers[0]?.targetGroupArn;
  return targetGroupArn(sim, production === targetGroupArn(sim, 0) ? 1 : 0);
}

function applyUnchecked(sim: EcsSimulator, op: Op, state: ChaosState): void {
  const { intents } = state;
  switch (op.op) {
    case 'registerTaskDefinition':
      sim.registerTaskDefinition(taskDefinitionRequest(op));
      return;
    case 'registerFargateTaskDefinition':
      sim.registerTaskDefinition({
        family: FARGATE_FAMILY,
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: FARGATE_FAMILY, image: op.image, essential: true }],
      });
      return;
    case 'createService': {
      const fargate = op.family === FARGATE_FAMILY;
      const blueGreen = !fargate && !op.daemon && op.loadBalanced === true && op.blueGreen === true;
      const external = !blueGreen && !op.daemon && op.external === true;
      const { service } = sim.createService({
        cluster: CLUSTER,
        serviceName: op.service,
        taskDefinition: op.family,
        ...(op.daemon ? { schedulingStrategy: 'DAEMON' as const } : { desiredCount: op.desiredCount }),
        deploymentConfiguration: {
          minimumHealthyPercent: op.minimumHealthyPercent,
          maximumPercent: op.daemon ? 100 : op.maximumPercent,
          ...(op.circuitBreaker ? { deploymentCircuitBreaker: op.circuitBreaker } : {}),
        },
        ...(fargate
          ? {
              capacityProviderStrategy: [
                { capacityProvider: 'FARGATE', weight: op.fargateWeights?.[0] ?? 1 },
                { capacityProvider: 'FARGATE_SPOT', weight: op.fargateWeights?.[1] ?? 1 },
              ],
              networkConfiguration: { awsvpcConfiguration: { subnets: SUBNETS } },
            }
          : {}),
        ...(!fargate && !op.daemon && strategyFor[op.strategy] ? { placementStrategy: strategyFor[op.strategy] } : {}),
        ...(!fargate && op.distinctInstance ? { placementConstraints: [{ type: 'distinctInstance' as const }] } : {}),
        ...(!fargate && !op.daemon && !external && op.loadBalanced
          ? { loadBalancers: [{ targetGroupArn: targetGroupArn(sim), containerName: op.family, containerPort: staticPortOf(op.family as Exclude<typeof op.family, typeof FARGATE_FAMILY>) }] }
          : {}),
        ...(!fargate && !op.daemon && op.autoScalingGroup && hasAutoScalingGroup(sim) ? { capacityProviderStrategy: [{ capacityProvider: ASG_PROVIDER, weight: 1 }] } : {}),
        ...(blueGreen ? { deploymentController: { type: 'CODE_DEPLOY' as const } } : {}),
        ...(external ? { deploymentController: { type: 'EXTERNAL' as const } } : {}),
      });
      const { minimumHealthyPercent, maximumPercent } = service.deploymentConfiguration;
      // A scalable target outlives its service: one created again under the same name is scaled too.
      const scaling = intents.get(op.service)?.scaling;
      intents.set(op.service, { desiredCount: service.desiredCount, minimumHealthyPercent, maximumPercent, daemon: op.daemon, deleted: false, ...(scaling ? { scaling } : {}), ...(blueGreen ? { blueGreen } : {}), ...(external ? { taskSets: 0 } : {}) });
      return;
    }
    case 'updateService': {
      const intent = intents.get(op.service);
      sim.updateService({
        cluster: CLUSTER,
        service: op.service,
        ...(op.revision !== undefined ? { taskDefinition: revisionRef(sim, op.service, op.revision) } : {}),
        ...(op.desiredCount !== undefined && !intent?.daemon ? { desiredCount: op.desiredCount } : {}),
        ...(op.minimumHealthyPercent !== undefined || op.maximumPercent !== undefined || op.circuitBreaker
          ? {
              deploymentConfiguration: {
                ...(op.minimumHealthyPercent !== undefined ? { minimumHealthyPercent: op.minimumHealthyPercent } : {}),
                ...(op.maximumPercent !== undefined && !intent?.daemon ? { maximumPercent: op.maximumPercent } : {}),
                ...(op.circuitBreaker ? { deploymentCircuitBreaker: op.circuitBreaker } : {}),
              },
            }
          : {}),
        ...(op.forceNewDeployment ? { forceNewDeployment: true } : {}),
      });
      if (intent) {
        if (op.desiredCount !== undefined && !intent.daemon) intent.desiredCount = op.desiredCount;
        if (op.minimumHealthyPercent !== undefined) intent.minimumHealthyPercent = op.minimumHealthyPercent;
        if (op.maximumPercent !== undefined && !intent.daemon) intent.maximumPercent = op.maximumPercent;
      }
      return;
    }
    case 'deleteService':
      sim.deleteService({ cluster: CLUSTER, service: op.service, force: true });
      intents.get(op.service)!.deleted = true;
      return;
    case 'runTask':
      sim.runTask({ cluster: CLUSTER, taskDefinition: op.family, count: op.count });
      return;
    case 'stopTask': {
      const task = pickFrom(liveTaskArns(sim), op.pick);
      if (task) sim.stopTask({ cluster: CLUSTER, task, reason: 'chaos' });
      return;
    }
    case 'setInstanceState': {
      const instance = pickFrom(instanceArns(sim), op.pick);
      if (instance) sim.updateContainerInstancesState({ cluster: CLUSTER, containerInstances: [instance], status: op.status });
      return;
    }
    case 'addInstances':
      addGroup(sim, op.group);
      return;
    case 'advance':
      sim.control.advance(op.seconds);
      return;
    case 'interruptSpotInstance': {
      const instance = pickFrom(instanceArns(sim), op.pick);
      if (instance) sim.control.interruptSpotInstance({ cluster: CLUSTER, instance });
      return;
    }
    case 'interruptFargateSpotTasks':
      sim.control.interruptFargateSpotTasks({ cluster: CLUSTER, count: op.count });
      return;
    case 'setFargateCapacity':
      sim.control.setFargateCapacity({ capacityProvider: op.provider, maxTasks: op.maxTasks });
      state.fargateCaps.push({ at: Math.round(sim.control.now * 1000), provider: op.provider, capped: op.maxTasks !== null });
      return;
    case 'registerImage':
      sim.control.registerImage(op.image, op.behaviour);
      return;
    case 'addAutoScalingGroup': {
      const { autoScalingGroupArn } = sim.control.createAutoScalingGroup({ name: 'chaos-asg', cluster: CLUSTER, instanceType: op.instanceType, minSize: 0, maxSize: ASG_MAX_SIZE });
      sim.createCapacityProvider({
        name: ASG_PROVIDER,
        autoScalingGroupProvider: { autoScalingGroupArn, managedScaling: { status: 'ENABLED', targetCapacity: op.targetCapacity }, managedTerminationProtection: 'ENABLED' },
      });
      const current = sim.describeClusters({ clusters: [CLUSTER] }).clusters[0].capacityProviders ?? [];
      sim.putClusterCapacityProviders({ cluster: CLUSTER, capacityProviders: [...current, ASG_PROVIDER], defaultCapacityProviderStrategy: [] });
      return;
    }
    case 'autoScale': {
      const intent = intents.get(op.service);
      sim.applicationAutoScaling.registerScalableTarget({ ...scalable(op.service), MinCapacity: op.min, MaxCapacity: op.max });
      sim.applicationAutoScaling.putScalingPolicy({
        ...scalable(op.service),
        PolicyName: `${op.service}-cpu`,
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: { TargetValue: op.targetCpu, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } },
      });
      widenScaling(intent, op.min, op.max);
      return;
    }
    case 'watchAlarm':
      putCpuAlarm(sim, { name: ALARM_NAME, service: op.service, threshold: 90, above: true });
      sim.updateService({ cluster: CLUSTER, service: op.service, deploymentConfiguration: { alarms: { alarmNames: [ALARM_NAME], enable: true, rollback: op.rollback } } });
      return;
    case 'setAlarmState':
      sim.control.setAlarmState({ alarmName: ALARM_NAME, state: op.state });
      return;
    case 'blueGreenDeploy': {
      const attempt = { at: Math.round(sim.control.now * 1000), service: op.service, incarnation: intents.get(op.service) };
      try {
        const { deploymentId } = sim.codeDeploy.createDeployment({
          cluster: CLUSTER,
          service: op.service,
          taskDefinition: revisionRef(sim, op.service, op.revision),
          deploymentConfigName: `CodeDeployDefault.${op.config}`,
          greenTargetGroupArn: op.green === 'idle' ? idleTargetGroupArn(sim, op.service) : targetGroupArn(sim, op.green),
        });
        state.deployments.push({ ...attempt, deploymentId });
      } catch (error) {
        if (error instanceof EcsError) state.deployments.push({ ...attempt, refusal: error.message });
        throw error;
      }
      return;
    }
    default:
      applyNeighbourOp(sim, op, state);
  }
}

/**
 * Applies one operation. The ECS API may refuse it (a service that already exists, no Spot instance to
 * interrupt...): that is a normal answer. ServerException or any other error is an engine fault.
 */
export function applyOp(sim: EcsSimulator, op: Op, state: ChaosState): void {
  try {
    applyUnchecked(sim, op, state);
  } catch (error) {
    if (error instanceof EcsError && error.name !== 'ServerException') return;
    if (error instanceof Error && error.name === 'InvariantViolation') throw error;
    throw new EngineFault(op, error);
  }
}
