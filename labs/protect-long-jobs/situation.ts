import type { EcsSimulator } from '../../core/index.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * The account the lab starts from: the service encoder on Fargate, 4 tasks that each take one video at a time
 * from the queue. Three of them take a job 2 minutes in; 3 minutes later the queue is empty and the service is
 * scaled in to 1 task, as its backlog scaling policy does.
 */
export const SITUATION = {
  serviceName: 'encoder',
  desiredCount: 4,
  scaledInTo: 1,
  jobs: [
    { id: 'video-1', minutes: 30 },
    { id: 'video-2', minutes: 40 },
    { id: 'video-3', minutes: 50 },
  ],
  jobsStartAtSeconds: 2 * 60,
  scaleInAtSeconds: 5 * 60,
} as const;

export function buildService(): EcsSimulator {
  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'default', capacityProviders: ['FARGATE'] });
  sim.registerTaskDefinition({
    family: 'encoder',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '1024',
    memory: '2048',
    containerDefinitions: [{ name: 'encoder', image: 'ecs-lab/encoder:1', essential: true }],
  });
  sim.createService({
    serviceName: SITUATION.serviceName,
    taskDefinition: 'encoder',
    desiredCount: SITUATION.desiredCount,
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b', 'subnet-1c2d'] } },
  });
  sim.control.runUntilSteady({ service: SITUATION.serviceName, maxSeconds: 600 });
  return sim;
}
