import type { EcsSimulator, RegisterTaskDefinitionRequest, Service, ServiceCensusPoint } from '../../core/index.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * The world of the lab, fixed so that every learner's service meets the same cluster: two m5.large
 * instances (2048 CPU units each) in two zones, and a task definition `web` of 512 CPU units and
 * 1024 MiB, so the cluster has room for exactly 8 tasks.
 */
export const SITUATION = {
  seed: 1,
  cluster: 'default',
  instanceType: 'm5.large',
  instanceCount: 2,
  availabilityZones: ['us-east-1a', 'us-east-1b'],
  roomForTasks: 8,
  family: 'web',
  serviceName: 'web',
  desiredCount: 6,
} as const;

/** Long enough to tell a slow deployment from a stuck one (the goal is 5 minutes). */
export const WATCH_SECONDS = 15 * 60;

export function webRevision(revision: number): RegisterTaskDefinitionRequest {
  return {
    family: SITUATION.family,
    cpu: '512',
    memory: '1024',
    containerDefinitions: [{ name: 'web', image: `ecs-lab/web:${revision}`, essential: true }],
  };
}

export function buildCluster(): EcsSimulator {
  const sim = createLabSimulator({ seed: SITUATION.seed });
  sim.createCluster({ clusterName: SITUATION.cluster });
  sim.control.addInstances({
    cluster: SITUATION.cluster,
    instanceType: SITUATION.instanceType,
    count: SITUATION.instanceCount,
    availabilityZones: [...SITUATION.availabilityZones],
  });
  sim.registerTaskDefinition(webRevision(1));
  return sim;
}

/** What happened when revision 2 was deployed to the learner's service. */
export interface Rollout {
  /** As DescribeServices shows it at the end of the watch. */
  service: Service;
  revision2Arn: string;
  /** Virtual milliseconds at which revision 2 was deployed. */
  deployedAt: number;
  /** The service's task counts from just before the deployment to the end of the watch: every recorded state. */
  history: ServiceCensusPoint[];
}

/** Lets the service settle on revision 1, then deploys revision 2 and watches for up to WATCH_SECONDS. */
export function deployRevision2(sim: EcsSimulator, cluster: string, serviceName: string): Rollout {
  sim.control.runUntilSteady({ cluster, service: serviceName, maxSeconds: WATCH_SECONDS });
  const before = sim.control.taskHistory(serviceName, cluster).length;
  const deployedAt = sim.control.now * 1000;
  const { taskDefinition } = sim.registerTaskDefinition(webRevision(2));
  sim.updateService({ cluster, service: serviceName, taskDefinition: taskDefinition.taskDefinitionArn });
  sim.control.runUntilSteady({ cluster, service: serviceName, maxSeconds: WATCH_SECONDS });
  return {
    service: sim.describeServices({ cluster, services: [serviceName] }).services[0],
    revision2Arn: taskDefinition.taskDefinitionArn,
    deployedAt,
    // From the last state before the deployment: a deployment that never moves still has counts to judge.
    history: sim.control.taskHistory(serviceName, cluster).slice(Math.max(0, before - 1)),
  };
}
