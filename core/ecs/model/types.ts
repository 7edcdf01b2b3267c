/**
 * Shapes of the Amazon ECS API (service-2.json, 2014-11-13), limited to the members the simulator models.
 * Field names and enum values are ECS's own, so code written against these carries over to AWS.
 * Timestamps are epoch seconds, as on the wire.
 */

export type LaunchType = 'EC2' | 'FARGATE' | 'EXTERNAL' | 'MANAGED_INSTANCES';
export type NetworkMode = 'bridge' | 'host' | 'awsvpc' | 'none';
export type Compatibility = 'EC2' | 'FARGATE' | 'EXTERNAL' | 'MANAGED_INSTANCES';
export type TaskStatus =
  | 'PROVISIONING'
  | 'PENDING'
  | 'ACTIVATING'
  | 'RUNNING'
  | 'DEACTIVATING'
  | 'STOPPING'
  | 'DEPROVISIONING'
  | 'STOPPED';
export type DesiredStatus = 'RUNNING' | 'PENDING' | 'STOPPED';
export type TaskStopCode =
  | 'TaskFailedToStart'
  | 'EssentialContainerExited'
  | 'UserInitiated'
  | 'ServiceSchedulerInitiated'
  | 'SpotInterruption'
  | 'TerminationNotice';
export type HealthStatus = 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';

export interface Tag {
  key: string;
  value?: string;
}

export interface KeyValuePair {
  name: string;
  value: string;
}

export interface Attribute {
  name: string;
  value?: string;
  targetType?: 'container-instance';
  targetId?: string;
}

export interface Resource {
  name: 'CPU' | 'MEMORY' | 'PORTS' | 'PORTS_UDP';
  type: 'INTEGER' | 'STRINGSET';
  doubleValue: number;
  longValue: number;
  integerValue: number;
  stringSetValue?: string[];
}

export interface Failure {
  arn?: string;
  reason: string;
  detail?: string;
}

export interface Cluster {
  clusterArn: string;
  clusterName: string;
  status: 'ACTIVE' | 'INACTIVE' | 'PROVISIONING' | 'DEPROVISIONING' | 'FAILED';
  registeredContainerInstancesCount: number;
  runningTasksCount: number;
  pendingTasksCount: number;
  activeServicesCount: number;
  statistics: KeyValuePair[];
  tags?: Tag[];
  settings: Array<{ name: 'containerInsights'; value: string }>;
  capacityProviders: string[];
  defaultCapacityProviderStrategy: CapacityProviderStrategyItem[];
}

export interface CapacityProviderStrategyItem {
  capacityProvider: string;
  weight?: number;
  base?: number;
}

export interface ContainerInstance {
  containerInstanceArn: string;
  ec2InstanceId: string;
  version: number;
  versionInfo: { agentVersion: string; agentHash: string; dockerVersion: string };
  remainingResources: Resource[];
  registeredResources: Resource[];
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE' | 'REGISTERING' | 'DEREGISTERING' | 'REGISTRATION_FAILED';
  agentConnected: boolean;
  runningTasksCount: number;
  pendingTasksCount: number;
  attributes: Attribute[];
  registeredAt: number;
  tags: Tag[];
}

export interface PortMapping {
  containerPort?: number;
  hostPort?: number;
  protocol?: 'tcp' | 'udp';
  name?: string;
}

export interface HealthCheck {
  command: string[];
  interval?: number;
  timeout?: number;
  retries?: number;
  startPeriod?: number;
}

export interface ContainerDependency {
  containerName: string;
  condition: 'START' | 'COMPLETE' | 'SUCCESS' | 'HEALTHY';
}

export interface ContainerDefinition {
  name: string;
  image: string;
  cpu?: number;
  memory?: number;
  memoryReservation?: number;
  portMappings?: PortMapping[];
  essential?: boolean;
  entryPoint?: string[];
  command?: string[];
  environment?: KeyValuePair[];
  healthCheck?: HealthCheck;
  stopTimeout?: number;
  startTimeout?: number;
  dependsOn?: ContainerDependency[];
  secrets?: Array<{ name: string; valueFrom: string }>;
  mountPoints?: Array<{ sourceVolume: string; containerPath: string; readOnly?: boolean }>;
  logConfiguration?: { logDriver: string; options?: Record<string, string> };
}

export interface TaskDefinitionPlacementConstraint {
  type: 'memberOf';
  expression?: string;
}

export interface Volume {
  name: string;
  host?: { sourcePath?: string };
  efsVolumeConfiguration?: { fileSystemId: string; rootDirectory?: string; transitEncryption?: 'ENABLED' | 'DISABLED' };
}

export interface RegisterTaskDefinitionRequest {
  family: string;
  containerDefinitions: ContainerDefinition[];
  taskRoleArn?: string;
  executionRoleArn?: string;
  networkMode?: NetworkMode;
  requiresCompatibilities?: Compatibility[];
  cpu?: string;
  memory?: string;
  placementConstraints?: TaskDefinitionPlacementConstraint[];
  volumes?: Volume[];
  tags?: Tag[];
}

export interface TaskDefinition {
  taskDefinitionArn: string;
  family: string;
  revision: number;
  containerDefinitions: ContainerDefinition[];
  taskRoleArn?: string;
  executionRoleArn?: string;
  networkMode: NetworkMode;
  status: 'ACTIVE' | 'INACTIVE' | 'DELETE_IN_PROGRESS';
  requiresCompatibilities?: Compatibility[];
  compatibilities: Compatibility[];
  requiresAttributes: Array<{ name: string }>;
  placementConstraints: TaskDefinitionPlacementConstraint[];
  volumes?: Volume[];
  cpu?: string;
  memory?: string;
  registeredAt: number;
  deregisteredAt?: number;
  registeredBy: string;
}

export interface NetworkBinding {
  bindIP: string;
  containerPort: number;
  hostPort: number;
  protocol: 'tcp' | 'udp';
}

export interface Container {
  containerArn: string;
  taskArn: string;
  name: string;
  image: string;
  lastStatus: 'PENDING' | 'RUNNING' | 'STOPPED';
  exitCode?: number;
  reason?: string;
  networkBindings: NetworkBinding[];
  /** awsvpc: the task's ENI, as each container sees it. */
  networkInterfaces?: Array<{ attachmentId: string; privateIpv4Address: string }>;
  healthStatus: HealthStatus;
  cpu?: string;
  memory?: string;
  memoryReservation?: string;
}

/** An awsvpc task's elastic network interface, as DescribeTasks lists it. */
export interface Attachment {
  id: string;
  type: 'ElasticNetworkInterface';
  status: 'PRECREATED' | 'ATTACHED' | 'DETACHED';
  details: Array<{ name: 'networkInterfaceId' | 'privateIPv4Address'; value: string }>;
}

export interface Task {
  taskArn: string;
  /** awsvpc tasks: their ENI. */
  attachments?: Attachment[];
  clusterArn: string;
  taskDefinitionArn: string;
  containerInstanceArn?: string;
  availabilityZone?: string;
  lastStatus: TaskStatus;
  desiredStatus: DesiredStatus;
  launchType: LaunchType;
  capacityProviderName?: string;
  platformVersion?: string;
  cpu?: string;
  memory?: string;
  containers: Container[];
  createdAt: number;
  pullStartedAt?: number;
  pullStoppedAt?: number;
  startedAt?: number;
  connectivity?: 'CONNECTED' | 'DISCONNECTED';
  connectivityAt?: number;
  stoppingAt?: number;
  executionStoppedAt?: number;
  stoppedAt?: number;
  stopCode?: TaskStopCode;
  stoppedReason?: string;
  startedBy?: string;
  group: string;
  healthStatus: HealthStatus;
  version: number;
  tags: Tag[];
}

export interface NetworkConfiguration {
  awsvpcConfiguration: {
    subnets: string[];
    securityGroups?: string[];
    assignPublicIp?: 'ENABLED' | 'DISABLED';
  };
}

export interface PlacementStrategy {
  type: 'random' | 'spread' | 'binpack';
  field?: string;
}

export interface PlacementConstraint {
  type: 'distinctInstance' | 'memberOf';
  expression?: string;
}

export interface DeploymentCircuitBreaker {
  enable: boolean;
  rollback: boolean;
}

export interface DeploymentAlarms {
  alarmNames: string[];
  enable: boolean;
  rollback: boolean;
}

export interface DeploymentConfiguration {
  maximumPercent?: number;
  minimumHealthyPercent?: number;
  deploymentCircuitBreaker?: DeploymentCircuitBreaker;
  alarms?: DeploymentAlarms;
  /** How ECS moves to a new revision; absent means ROLLING. */
  strategy?: DeploymentStrategy;
  /** BLUE_GREEN, LINEAR, CANARY: how long blue and green both run after production traffic has moved. */
  bakeTimeInMinutes?: number;
  lifecycleHooks?: DeploymentLifecycleHook[];
  linearConfiguration?: { stepPercent: number; stepBakeTimeInMinutes: number };
  canaryConfiguration?: { canaryPercent: number; canaryBakeTimeInMinutes: number };
}

export type DeploymentStrategy = 'ROLLING' | 'BLUE_GREEN' | 'LINEAR' | 'CANARY';

/** The stages a lifecycle hook can run at (SCALE_UP, BAKE_TIME and CLEAN_UP are stages without hooks). */
export type HookStage =
  | 'RECONCILE_SERVICE'
  | 'PRE_SCALE_UP'
  | 'POST_SCALE_UP'
  | 'TEST_TRAFFIC_SHIFT'
  | 'POST_TEST_TRAFFIC_SHIFT'
  | 'PRE_PRODUCTION_TRAFFIC_SHIFT'
  | 'PRODUCTION_TRAFFIC_SHIFT'
  | 'POST_PRODUCTION_TRAFFIC_SHIFT';

export interface DeploymentLifecycleHook {
  targetType: 'AWS_LAMBDA' | 'PAUSE';
  /** AWS_LAMBDA: the function ECS invokes. */
  hookTargetArn?: string;
  roleArn?: string;
  lifecycleStages: HookStage[];
  hookDetails?: unknown;
  timeoutConfiguration: { timeoutInMinutes: number; action: 'CONTINUE' | 'ROLLBACK' };
}

export interface LoadBalancer {
  targetGroupArn: string;
  containerName: string;
  containerPort: number;
  advancedConfiguration?: AdvancedConfiguration;
}

/** A load balancer's blue/green settings: the target group green registers in and the rules ECS rewrites. */
export interface AdvancedConfiguration {
  alternateTargetGroupArn: string;
  productionListenerRule: string;
  testListenerRule?: string;
  roleArn: string;
}

export type RolloutState = 'COMPLETED' | 'FAILED' | 'IN_PROGRESS';

/** A Cloud Map service a service's tasks register in (ECS's ServiceRegistry). */
export interface ServiceRegistry {
  registryArn: string;
  port?: number;
  containerName?: string;
  containerPort?: number;
}

/** ECS's ServiceConnectConfiguration: the simulator acts on the members named here, and keeps the others as given. */
export interface ServiceConnectConfiguration {
  enabled: boolean;
  namespace?: string;
  services?: Array<{ portName: string; discoveryName?: string; clientAliases?: Array<{ port: number; dnsName?: string }> }>;
  [member: string]: unknown;
}

export interface Deployment {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinition: string;
  desiredCount: number;
  pendingCount: number;
  runningCount: number;
  failedTasks: number;
  createdAt: number;
  updatedAt: number;
  launchType?: LaunchType;
  rolloutState: RolloutState;
  rolloutStateReason: string;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  /** The Service Connect configuration of the deployment's revision, as CreateService or UpdateService gave it. */
  serviceConnectConfiguration?: ServiceConnectConfiguration;
}

export interface TaskSet {
  id: string;
  taskSetArn: string;
  serviceArn: string;
  clusterArn: string;
  externalId?: string;
  status: 'PRIMARY' | 'ACTIVE' | 'DRAINING';
  taskDefinition: string;
  computedDesiredCount: number;
  pendingCount: number;
  runningCount: number;
  createdAt: number;
  updatedAt: number;
  launchType: LaunchType;
  loadBalancers: Array<{ targetGroupArn: string; containerName: string; containerPort: number }>;
  scale: { value: number; unit: 'PERCENT' };
  stabilityStatus: 'STEADY_STATE' | 'STABILIZING';
}

export interface ServiceEvent {
  id: string;
  createdAt: number;
  message: string;
}

export interface Service {
  serviceArn: string;
  serviceName: string;
  clusterArn: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  launchType?: LaunchType;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  networkConfiguration?: NetworkConfiguration;
  platformVersion?: string;
  /** None for an EXTERNAL service until a task set is PRIMARY (or one was given at CreateService). */
  taskDefinition?: string;
  deploymentConfiguration: Required<Pick<DeploymentConfiguration, 'maximumPercent' | 'minimumHealthyPercent'>> &
    DeploymentConfiguration;
  deployments: Deployment[];
  events: ServiceEvent[];
  healthCheckGracePeriodSeconds: number;
  createdAt: number;
  placementConstraints: PlacementConstraint[];
  placementStrategy: PlacementStrategy[];
  loadBalancers: LoadBalancer[];
  serviceRegistries: ServiceRegistry[];
  schedulingStrategy: 'REPLICA' | 'DAEMON';
  deploymentController: { type: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL' };
  roleArn?: string;
  taskSets?: TaskSet[];
  createdBy: string;
  tags: Tag[];
  resourceManagementType?: 'CUSTOMER' | 'ECS';
}

export interface CreateClusterRequest {
  clusterName?: string;
  tags?: Tag[];
  settings?: Array<{ name: 'containerInsights'; value: string }>;
  capacityProviders?: string[];
  defaultCapacityProviderStrategy?: CapacityProviderStrategyItem[];
}

export interface CreateServiceRequest {
  cluster?: string;
  serviceName: string;
  /** Required unless the deployment controller is EXTERNAL, whose task sets bring their own. */
  taskDefinition?: string;
  desiredCount?: number;
  launchType?: LaunchType;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  networkConfiguration?: NetworkConfiguration;
  deploymentConfiguration?: DeploymentConfiguration;
  healthCheckGracePeriodSeconds?: number;
  placementConstraints?: PlacementConstraint[];
  placementStrategy?: PlacementStrategy[];
  loadBalancers?: LoadBalancer[];
  deploymentController?: { type: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL' };
  serviceRegistries?: ServiceRegistry[];
  serviceConnectConfiguration?: ServiceConnectConfiguration;
  schedulingStrategy?: 'REPLICA' | 'DAEMON';
  tags?: Tag[];
}

export interface UpdateServiceRequest {
  cluster?: string;
  service: string;
  taskDefinition?: string;
  desiredCount?: number;
  deploymentConfiguration?: DeploymentConfiguration;
  forceNewDeployment?: boolean;
  healthCheckGracePeriodSeconds?: number;
  placementStrategy?: PlacementStrategy[];
  placementConstraints?: PlacementConstraint[];
  /** An empty list removes them; a change starts a new deployment. */
  loadBalancers?: LoadBalancer[];
  serviceRegistries?: CreateServiceRequest['serviceRegistries'];
  serviceConnectConfiguration?: CreateServiceRequest['serviceConnectConfiguration'];
}

export interface RunTaskRequest {
  cluster?: string;
  taskDefinition: string;
  count?: number;
  launchType?: LaunchType;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  networkConfiguration?: NetworkConfiguration;
  group?: string;
  startedBy?: string;
  placementConstraints?: PlacementConstraint[];
  placementStrategy?: PlacementStrategy[];
  tags?: Tag[];
}

export interface StopTaskRequest {
  cluster?: string;
  task: string;
  reason?: string;
}

export interface ListTasksRequest {
  cluster?: string;
  serviceName?: string;
  family?: string;
  containerInstance?: string;
  startedBy?: string;
  desiredStatus?: DesiredStatus;
  launchType?: LaunchType;
  maxResults?: number;
  nextToken?: string;
}
