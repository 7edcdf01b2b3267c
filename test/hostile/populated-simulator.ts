import { createSimulator, type EcsSimulator } from '../../core/index.js';

export interface Populated {
  sim: EcsSimulator;
  instanceArn: string;
  spotInstanceArn: string;
  taskArn: string;
}

/**
 * A small simulator with a bit of everything to aim at: EC2 and Spot instances, a bridge task definition
 * with a static port and health check, a small "job" one that always fits, a Fargate one, an EC2 service,
 * a Fargate Spot service, a standalone task, an SQS queue and an ALB, two minutes in.
 */
export function populatedSimulator(): Populated {
  const sim = createSimulator({ seed: 11 });
  sim.createCluster({ clusterName: 'default', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] });
  const [instanceArn] = sim.control.addInstances({ instanceType: 'm5.large', count: 2 }).containerInstanceArns;
  const [spotInstanceArn] = sim.control.addInstances({ instanceType: 'c5.large', lifecycle: 'spot', spotInstanceDraining: true }).containerInstanceArns;
  sim.registerTaskDefinition({
    family: 'web',
    containerDefinitions: [
      { name: 'web', image: 'web:1', cpu: 256, memory: 512, portMappings: [{ containerPort: 80, hostPort: 8080 }], healthCheck: { command: ['CMD', 'true'] } },
    ],
  });
  sim.registerTaskDefinition({ family: 'job', containerDefinitions: [{ name: 'job', image: 'job:1', cpu: 64, memory: 64 }] });
  sim.logs.createLogGroup({ logGroupName: '/ecs/job' });
  sim.registerTaskDefinition({
    family: 'fg',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'fg', image: 'fg:1' }],
  });
  sim.createService({ serviceName: 'web', taskDefinition: 'web', desiredCount: 2 });
  sim.createService({
    serviceName: 'spot',
    taskDefinition: 'fg',
    desiredCount: 2,
    capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'] } },
  });
  sim.sqs.createQueue({ QueueName: 'jobs' });
  const alb = sim.elbv2.createLoadBalancer({ Name: 'alb', Type: 'application' }).LoadBalancers[0].LoadBalancerArn;
  const tg = sim.elbv2.createTargetGroup({ Name: 'tg', Protocol: 'HTTP', Port: 80, TargetType: 'instance' }).TargetGroups[0].TargetGroupArn;
  sim.elbv2.createListener({ LoadBalancerArn: alb, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] });
  sim.applicationAutoScaling.registerScalableTarget({ ServiceNamespace: 'ecs', ResourceId: 'service/default/web', ScalableDimension: 'ecs:service:DesiredCount', MinCapacity: 1, MaxCapacity: 4 });
  const taskArn = sim.runTask({ taskDefinition: 'web', count: 1 }).tasks[0]?.taskArn ?? '';
  sim.control.advance(120);
  return { sim, instanceArn, spotInstanceArn, taskArn };
}
