import type { EcsSimulator } from '../../core/index.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * The shop's account, as the capstone finds it: a Fargate cluster in three Availability Zones, a VPC with
 * public and private subnets, an internet-facing load balancer with two target groups for web, a Service
 * Connect namespace, the orders queue, the roles, and the images of the three applications. Every learner's
 * files meet the same account: the ids and ARNs below are those the README prints.
 */
export const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const image = (name: string) => `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${name}`;

export const SHOP = {
  seed: 1,
  cluster: 'shop',
  /** The simulator puts the i-th subnet a service names in the i-th zone: the README lists them in that order. */
  privateSubnets: ['subnet-0private1a', 'subnet-0private1b', 'subnet-0private1c'],
  publicSubnets: ['subnet-0public1a', 'subnet-0public1b', 'subnet-0public1c'],
  namespace: 'shop',
  loadBalancer: 'shop-alb',
  queue: 'orders',
  roles: {
    execution: role('ecsTaskExecutionRole'),
    worker: role('shop-worker'),
    loadBalancers: role('ecsInfrastructureRoleForLoadBalancers'),
  },
  images: {
    web: (revision: number) => image(`shop-web:${revision}`),
    orders: image('shop-orders:1'),
    worker: image('shop-worker:1'),
  },
  /** The tasks each service runs (lab-fixed: the learner decides how, not how many). */
  desiredCount: { web: 3, orders: 3, worker: 1 },
  /** Container ports the applications listen on. */
  ports: { web: 8080, orders: 8080 },
} as const;

export type App = keyof typeof SHOP.desiredCount;
export const APPS: readonly App[] = ['web', 'orders', 'worker'];

/** What the applications do (the lab's stand-ins for the team's images). */
export const BEHAVIOUR = {
  /** web answers its health check only once it has warmed up. */
  webWarmUpSeconds: 45,
  /** orders holds its catalogue in memory, and its cache grows a little every minute. */
  ordersMemoryMiB: 700,
  ordersMemoryGrowthMiBPerMinute: 1,
  /** worker takes one order at a time off the queue. */
  workerSecondsPerMessage: 2,
  /** web:3, the bad release: its process crashes soon after it starts. */
  badReleaseCrashSeconds: 20,
} as const;

/** The ARNs the account's resources get, in the order they are made (the README prints them). */
export interface ShopArns {
  webBlue: string;
  webGreen: string;
  productionRule: string;
  testRule: string;
  queueArn: string;
}

/** The account, before any of the learner's files: see the README's "The account". */
export function buildShop(): { sim: EcsSimulator; arns: ShopArns } {
  const sim = createLabSimulator({ seed: SHOP.seed });
  // Container Insights publishes the RunningTaskCount a backlog-per-task policy divides by.
  sim.createCluster({ clusterName: SHOP.cluster, capacityProviders: ['FARGATE', 'FARGATE_SPOT'], settings: [{ name: 'containerInsights', value: 'enabled' }] });
  sim.serviceDiscovery.createHttpNamespace({ Name: SHOP.namespace });
  // The private subnets reach the internet (and ECR) through a NAT gateway; the public ones through the internet gateway.
  for (const subnetId of SHOP.privateSubnets) sim.control.configureSubnet({ subnetId, defaultRoute: 'nat-gateway' });
  for (const subnetId of SHOP.publicSubnets) sim.control.configureSubnet({ subnetId, defaultRoute: 'internet-gateway' });

  sim.iam.createRole({ RoleName: 'ecsTaskExecutionRole' });
  sim.iam.attachRolePolicy({ RoleName: 'ecsTaskExecutionRole', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' });
  sim.sqs.createQueue({ QueueName: SHOP.queue, Attributes: { VisibilityTimeout: '60' } });
  const queueArn = `arn:aws:sqs:${REGION}:${ACCOUNT}:${SHOP.queue}`;
  sim.iam.createRole({ RoleName: 'shop-worker' });
  sim.iam.putRolePolicy({
    RoleName: 'shop-worker',
    PolicyName: 'take-orders',
    PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'], Resource: queueArn }] },
  });

  const { LoadBalancers } = sim.elbv2.createLoadBalancer({ Name: SHOP.loadBalancer, Type: 'application' });
  const targetGroup = (name: string) =>
    sim.elbv2.createTargetGroup({ Name: name, Protocol: 'HTTP', Port: SHOP.ports.web, TargetType: 'ip' }).TargetGroups[0].TargetGroupArn;
  const webBlue = targetGroup('web-blue');
  const webGreen = targetGroup('web-green');
  for (const arn of [webBlue, webGreen]) {
    sim.elbv2.modifyTargetGroupAttributes({ TargetGroupArn: arn, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }] });
  }
  const { Listeners } = sim.elbv2.createListener({
    LoadBalancerArn: LoadBalancers[0].LoadBalancerArn,
    Port: 80,
    Protocol: 'HTTP',
    DefaultActions: [{ Type: 'forward', TargetGroupArn: webBlue }],
  });
  const forward = [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: webBlue, Weight: 1 }, { TargetGroupArn: webGreen, Weight: 0 }] } }];
  const rule = (priority: number, condition: object) =>
    sim.elbv2.createRule({ ListenerArn: Listeners[0].ListenerArn, Priority: priority, Conditions: [condition], Actions: forward } as never).Rules[0].RuleArn;
  const testRule = rule(1, { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'x-amzn-ecs-blue-green-test', Values: ['true'] } });
  const productionRule = rule(2, { Field: 'path-pattern', Values: ['/*'] });

  sim.control.registerImage(SHOP.images.web(1), { warmUpSeconds: BEHAVIOUR.webWarmUpSeconds });
  sim.control.registerImage(SHOP.images.web(2), { warmUpSeconds: BEHAVIOUR.webWarmUpSeconds });
  sim.control.registerImage(SHOP.images.web(3), { warmUpSeconds: BEHAVIOUR.webWarmUpSeconds, crashAfterSeconds: BEHAVIOUR.badReleaseCrashSeconds });
  sim.control.registerImage(SHOP.images.orders, { baseMemoryMiB: BEHAVIOUR.ordersMemoryMiB, memoryGrowthMiBPerMinute: BEHAVIOUR.ordersMemoryGrowthMiBPerMinute });
  sim.control.registerImage(SHOP.images.worker, { worker: { queue: SHOP.queue, secondsPerMessage: BEHAVIOUR.workerSecondsPerMessage } });
  return { sim, arns: { webBlue, webGreen, productionRule, testRule, queueArn } };
}

/** Orders on the queue, waiting or in a worker's hands. */
export function ordersOnQueue(sim: EcsSimulator): number {
  const { QueueUrl } = sim.sqs.getQueueUrl({ QueueName: SHOP.queue });
  const { Attributes = {} } = sim.sqs.getQueueAttributes({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] });
  return Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible);
}
