/**
 * ECS Express Mode as the simulator keeps it: for each Express service, what it was asked for (one
 * configuration per revision it deployed) and what it made in ECS, Elastic Load Balancing, Application Auto
 * Scaling and CloudWatch, so that Update changes those and Delete removes them. Times are virtual ms.
 */

export type ScalingMetric = 'AVERAGE_CPU' | 'AVERAGE_MEMORY' | 'REQUEST_COUNT_PER_TARGET';

export interface ExpressScalingTarget {
  minTaskCount: number;
  maxTaskCount: number;
  autoScalingMetric: ScalingMetric;
  autoScalingTargetValue: number;
}

/** ExpressGatewayContainer, with Express Mode's defaults filled in. */
export interface ExpressContainer {
  image: string;
  containerPort: number;
  awsLogsConfiguration: { logGroup: string; logStreamPrefix: string };
  repositoryCredentials?: { credentialsParameter: string };
  command?: string[];
  environment?: Array<{ name: string; value: string }>;
  secrets?: Array<{ name: string; valueFrom: string }>;
}

/** What one revision of an Express service runs: the request's members over the previous revision's and the defaults. */
export interface ExpressConfiguration {
  executionRoleArn?: string;
  taskRoleArn?: string;
  cpu: string;
  memory: string;
  cpuArchitecture: 'X86_64' | 'ARM64';
  networkConfiguration: { subnets: string[]; securityGroups: string[] };
  healthCheckPath: string;
  /** The container Express Mode describes in the task definition it registers; absent when the caller brought a task definition. */
  primaryContainer?: ExpressContainer;
  /** The caller's own task definition (with a container named Main), instead of a primary container. */
  taskDefinitionArn?: string;
  scalingTarget: ExpressScalingTarget;
}

/** A configuration deployed: what was asked, the task definition it ran and the ECS deployment that deployed it. */
export interface DeployedConfiguration {
  asked: ExpressConfiguration;
  taskDefinitionArn: string;
  deploymentId: string;
  createdAt: number;
}

/** The load balancer Express services share (by host header), its HTTPS listener, and the subnets it serves. */
export interface SharedLoadBalancer {
  arn: string;
  listenerArn: string;
  subnets: string[];
  securityGroupId: string;
  createdAt: number;
}

export interface ExpressServiceRecord {
  serviceArn: string;
  clusterName: string;
  serviceName: string;
  infrastructureRoleArn: string;
  tags: Array<{ key: string; value?: string }>;
  /** The host name of its HTTPS endpoint (`<2 letters>-<32 hex>.ecs.<region>.on.aws`). */
  endpoint: string;
  loadBalancerArn: string;
  ruleArn: string;
  /** Production traffic starts on the first; each canary deployment moves it to the other. */
  targetGroupArns: [string, string];
  /** The log group it writes to, and whether Express Mode created it (then Delete removes it). */
  logGroupName: string;
  createdLogGroup: boolean;
  alarmName: string;
  scalingPolicyName: string;
  /** Newest first. */
  configurations: DeployedConfiguration[];
  createdAt: number;
  updatedAt: number;
  /** Delete has run and everything it made is gone: the service answers INACTIVE. */
  removed: boolean;
}

export interface ExpressState {
  services: Map<string, ExpressServiceRecord>;
  loadBalancers: SharedLoadBalancer[];
}

export const createExpressState = (): ExpressState => ({ services: new Map(), loadBalancers: [] });

declare module '../kernel/context.js' {
  interface SimState {
    express: ExpressState;
  }
}
