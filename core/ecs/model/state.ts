import type {
  AdvancedConfiguration,
  Attribute,
  CapacityProviderStrategyItem,
  NetworkConfiguration,
  ContainerDefinition,
  DeploymentConfiguration,
  DesiredStatus,
  HealthStatus,
  LaunchType,
  PlacementConstraint,
  PlacementStrategy,
  RolloutState,
  ServiceConnectConfiguration,
  ServiceEvent,
  ServiceRegistry,
  Tag,
  TaskDefinition,
  TaskStatus,
  TaskStopCode,
} from './types.js';
import type { PlacementExplanation } from './placement-explanation.js';
import type { BlueGreenProgress, LambdaAnswer } from './blue-green-state.js';
import type { AutoScalingGroupRecord, CapacityProviderRecord } from './auto-scaling-state.js';
import type { TaskSetRecord } from './task-set-state.js';
import type { ImageCatalogue } from './image-catalogue.js';
import type { TaskCensus } from './task-census.js';
import type { KeptResource } from './kept-resource.js';

/** Internal records. Times are virtual milliseconds; the API layer turns them into epoch seconds. */

export interface InstanceRecord {
  arn: string;
  id: string;
  ec2InstanceId: string;
  privateIpAddress: string;
  clusterName: string;
  instanceType: string;
  availabilityZone: string;
  lifecycle: 'on-demand' | 'spot';
  /** The capacity provider (Auto Scaling group) that launched it, if any. */
  capacityProviderName?: string;
  autoScalingGroupArn?: string;
  /** An on-premises server or VM registered through ECS Anywhere: it takes only EXTERNAL tasks. */
  external?: boolean;
  /** Launched by a Managed Instances capacity provider: it takes MANAGED_INSTANCES tasks only. */
  managed?: boolean;
  /** ECS_ENABLE_SPOT_INSTANCE_DRAINING in the agent's config: drain on the two-minute Spot notice. */
  spotInstanceDraining: boolean;
  /** DEREGISTERING: a Managed Instance ECS is taking away (idle, patched or replaced). */
  status: 'ACTIVE' | 'DRAINING' | 'DEREGISTERING' | 'INACTIVE';
  agentConnected: boolean;
  registeredCpu: number;
  registeredMemory: number;
  usedCpu: number;
  usedMemory: number;
  /** awsvpc tasks the instance can hold (ENIs less the primary one, or the trunk's limit), and how many it holds. */
  taskEniLimit: number;
  usedEnis: number;
  /** Static host ports held, "port/protocol" -> task ARN; the agent's reserved ports are separate. */
  usedPorts: Map<string, string>;
  attributes: Attribute[];
  registeredAt: number;
  version: number;
  /** Tasks holding resources here (not yet STOPPED), by ARN. */
  tasks: Map<string, TaskRecord>;
  tags: Tag[];
}

export interface ContainerRecord {
  name: string;
  arn: string;
  image: string;
  essential: boolean;
  lastStatus: 'PENDING' | 'RUNNING' | 'STOPPED';
  exitCode?: number;
  reason?: string;
  hostBindings: Array<{ containerPort: number; hostPort: number; protocol: 'tcp' | 'udp' }>;
  definition: ContainerDefinition;
  /** UNKNOWN until its health check has an answer, or for good when it has none. */
  healthStatus: HealthStatus;
  /** Consecutive failed health checks outside the start period. */
  healthCheckFailures: number;
}

export interface TaskRecord {
  arn: string;
  id: string;
  clusterName: string;
  taskDefinition: TaskDefinition;
  instanceArn?: string;
  availabilityZone?: string;
  lastStatus: TaskStatus;
  desiredStatus: DesiredStatus;
  launchType: LaunchType;
  /** FARGATE or FARGATE_SPOT when a capacity provider strategy placed it. */
  capacityProviderName?: string;
  group: string;
  startedBy?: string;
  serviceName?: string;
  deploymentId?: string;
  cpu: number;
  memory: number;
  createdAt: number;
  pullStartedAt?: number;
  pullStoppedAt?: number;
  startedAt?: number;
  stoppingAt?: number;
  executionStoppedAt?: number;
  stoppedAt?: number;
  stopCode?: TaskStopCode;
  stoppedReason?: string;
  /** When the scheduler started counting this task healthy (no health check: 40 s after RUNNING). */
  healthyAt?: number;
  /** Placed by a capacity provider strategy but no instance has room yet: it waits in PROVISIONING. */
  waitingForCapacity?: boolean;
  /** How to place it once capacity arrives. */
  waitingPlacement?: { strategies: PlacementStrategy[]; constraints: PlacementConstraint[] };
  /** Requests served since the last one-minute metric: what drives the task's CPU. */
  requestsThisMinute?: number;
  /** Requests served in the last traffic second (at: when): what its open requests hold in memory. */
  servedLastSecond?: { at: number; requests: number };
  /** awsvpc tasks have their own address; others answer on their instance's. */
  privateIpv4Address?: string;
  /** Fargate: the subnet its network interface is in, and whether the interface has a public IP. */
  subnet?: { id: string; assignPublicIp: 'ENABLED' | 'DISABLED' };
  /** Load balancer health of the task's targets: undefined when the task has none. */
  elbTargetsHealthy?: boolean;
  /** The first of its targets that a load balancer marked unhealthy, for the replacement event. */
  elbUnhealthyTarget?: { targetGroupArn: string; id: string; port: number; description: string };
  /** Why the task ended, when that counts as a failure of its deployment (circuit breaker, start throttling). */
  failure?: 'start' | 'exit' | 'health';
  /** Whether the service scheduler has already counted that failure. */
  failureCounted?: boolean;
  healthStatus: HealthStatus;
  /** Changed through updateContainer (ecs/tasks/container-state.ts) only, which moves containersVersion. */
  containers: ContainerRecord[];
  /** Moves with every change to a container: a task's events share the view of its containers until then. */
  containersVersion: number;
  version: number;
  /** Stopped by ECS while its instance's agent was disconnected: the agent acts on it when it reconnects. */
  stopAwaitingAgent?: boolean;
  /** RunTask's or StartTask's enableExecuteCommand; a service's task follows its service's. */
  enableExecuteCommand?: boolean;
  /** UpdateTaskProtection: until when scale-in and deployments leave the task alone (virtual ms). */
  protectedUntil?: number;
  /** An ECS Managed Daemon's task: the daemon's ARN (its deploymentId is the daemon revision it runs). */
  daemonArn?: string;
  /** Bumped on every stop so that launch steps scheduled before it are ignored. */
  generation: number;
  placement?: PlacementExplanation;
  tags: Tag[];
}

export interface DeploymentRecord {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinitionArn: string;
  createdAt: number;
  updatedAt: number;
  rolloutState: RolloutState;
  rolloutStateReason: string;
  failedTasks: number;
  /** Set on a rollback: the id of the deployment that first deployed the revision it returns to (its revision's name). */
  rollbackTo?: string;
  /** What the service was when the deployment started, for its history (ListServiceDeployments). */
  history?: DeploymentHistory;
  /** BLUE_GREEN, LINEAR, CANARY: the lifecycle stage, the hook running and the traffic on green. */
  blueGreen?: BlueGreenProgress;
  /**
   * A native blue/green deployment that failed and sent the traffic back: to which deployment (none when no
   * blue was left to take it), since when, and when green's last task was gone (the rollback is over).
   */
  trafficRollback?: { toDeploymentId?: string; startedAt: number; finishedAt?: number };
  /** Its tasks register in each load balancer's alternate target group (blue/green swaps them every deployment). */
  onAlternate?: boolean;
}

/** A deployment's start as the service deployment and service revision APIs describe it. */
export interface DeploymentHistory {
  /** The deployments that still had tasks when this one started: its source service revisions. */
  sourceDeploymentIds: string[];
  deploymentConfiguration: ServiceRecord['deploymentConfiguration'];
  launchType: LaunchType;
  capacityProviderStrategy: CapacityProviderStrategyItem[];
  networkConfiguration?: NetworkConfiguration;
  /** Also what the deployment's tasks register with, and deregister from when they stop, whatever the service has since. */
  loadBalancers: ServiceLoadBalancer[];
  serviceRegistries: ServiceRegistry[];
  serviceConnectAliases: string[];
  serviceConnectNamespaceArn?: string;
  serviceConnectConfiguration?: ServiceConnectConfiguration;
}

export interface ServiceRecord {
  arn: string;
  name: string;
  clusterName: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  schedulingStrategy: 'REPLICA' | 'DAEMON';
  /** REPLICA: what the user asked for. DAEMON: the number of eligible instances, kept by the scheduler. */
  desiredCount: number;
  /** None for an EXTERNAL service created without one until a task set is made PRIMARY. */
  taskDefinitionArn?: string;
  launchType: LaunchType;
  /** When set, tasks go to these capacity providers instead of a launch type. */
  capacityProviderStrategy: CapacityProviderStrategyItem[];
  networkConfiguration?: NetworkConfiguration;
  deploymentConfiguration: Required<Pick<DeploymentConfiguration, 'maximumPercent' | 'minimumHealthyPercent'>> &
    DeploymentConfiguration;
  healthCheckGracePeriodSeconds: number;
  placementStrategy: PlacementStrategy[];
  placementConstraints: PlacementConstraint[];
  loadBalancers: ServiceLoadBalancer[];
  deploymentController: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL';
  /** CreateService's or UpdateService's enableExecuteCommand, for ExecuteCommand in its tasks. */
  enableExecuteCommand?: boolean;
  /** The IAM role ECS calls the load balancer with (CreateService `role`), as an ARN. */
  roleArn?: string;
  /** CODE_DEPLOY and EXTERNAL services run task sets; ECS services run deployments. */
  taskSets: TaskSetRecord[];
  /**
   * Set on the record ECS runs an ECS Managed Daemon's passes on (model/managed-daemon-state.ts): the daemon's
   * ARN. It is no service, is in no cluster's service list, and its tasks have no service name.
   */
  managedDaemon?: string;
  /**
   * Cloud Map services the tasks register in, as CreateService or UpdateService gave them (the members ECS's
   * ServiceRegistry has), which DescribeServices shows.
   */
  serviceRegistries: ServiceRegistry[];
  /** Service Connect: the configuration as given, which DescribeServices shows on each deployment of it. */
  serviceConnectConfiguration?: ServiceConnectConfiguration;
  /** Service Connect: the client aliases this service answers on ("backend.demo:80" style names). */
  serviceConnectAliases: string[];
  /** Service Connect: the ARN of the Cloud Map namespace the service joined (ListServicesByNamespace). */
  serviceConnectNamespaceArn?: string;
  deployments: DeploymentRecord[];
  /** Newest first, at most 100, as DescribeServices returns them. */
  events: ServiceEvent[];
  createdAt: number;
  tags: Tag[];
  /** ECS when ECS manages the service for you (Express Mode made it); absent for the services you make. */
  resourceManagementType?: 'ECS';
  steady: boolean;
  passScheduled: boolean;
  /** Messages of conditions still in force, with when they were last sent: ECS does not repeat them for 6 h. */
  openConditions: Map<string, number>;
  /** The tasks it started, by ARN, until they are forgotten an hour after STOPPED. */
  tasks: Map<string, TaskRecord>;
  /** Start-failure throttling: failures in a row of tasks that never reached RUNNING, and when the next launch may happen. */
  startFailuresInARow: number;
  lastStartFailureAt?: number;
  nextLaunchAllowedAt: number;
}

export interface ServiceLoadBalancer {
  targetGroupArn: string;
  containerName: string;
  containerPort: number;
  /** BLUE_GREEN, LINEAR and CANARY: the alternate target group and the listener rules ECS shifts. */
  advancedConfiguration?: AdvancedConfiguration;
}

export interface ClusterRecord {
  arn: string;
  name: string;
  status: 'ACTIVE' | 'INACTIVE';
  instances: Map<string, InstanceRecord>;
  services: Map<string, ServiceRecord>;
  tasks: Map<string, TaskRecord>;
  tags: Tag[];
  settings: Array<{ name: 'containerInsights'; value: string }>;
  capacityProviders: string[];
  defaultCapacityProviderStrategy: CapacityProviderStrategyItem[];
}

/** What ECS keeps, in the simulator's state beside the other services' (see SimState in the kernel). */
export interface EcsState {
  /** Blue/green lifecycle hooks' simulated Lambda functions: what each answers, by function ARN (unset: SUCCEEDED). */
  lambdaAnswers: Map<string, LambdaAnswer>;
  clusters: Map<string, ClusterRecord>;
  autoScalingGroups: Map<string, AutoScalingGroupRecord>;
  capacityProviders: Map<string, CapacityProviderRecord>;
  /** PutAccountSetting values (awsvpcTrunking, containerInsights, ...). */
  accountSettings: Map<string, string>;
  /** Daemons, Express Mode services and gateways, by ARN, in the order they were made. */
  keptResources: Map<string, KeptResource>;
  /** What an IAM user or role set for itself, by principal ARN then setting name. */
  principalSettings: Map<string, Map<string, string>>;
  /** Most Fargate tasks that may run at once per capacity provider (a scenario sets it); unset: no limit. */
  fargateCapacity: Partial<Record<'FARGATE' | 'FARGATE_SPOT', number>>;
  /** family -> revisions in order (index = revision - 1). */
  taskDefinitions: Map<string, TaskDefinition[]>;
  /** The tags of each revision, by its ARN (a task definition's own record does not show them). */
  taskDefinitionTags: Map<string, Tag[]>;
}

export function createEcsState(): EcsState {
  return { lambdaAnswers: new Map(), clusters: new Map(), autoScalingGroups: new Map(), capacityProviders: new Map(), taskDefinitions: new Map(), taskDefinitionTags: new Map(), accountSettings: new Map(), principalSettings: new Map(), keptResources: new Map(), fargateCapacity: {} };
}

declare module '../../kernel/context.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SimState extends EcsState {}
  interface SimContext {
    /** Task counts over time, for "at no time ..." questions. */
    census: TaskCensus;
    images: ImageCatalogue;
    /** Asks the service scheduler to look at a service once the current instant's changes have settled. */
    requestServicePass: (service: ServiceRecord) => void;
  }
}
