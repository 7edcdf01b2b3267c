import * as accountSettings from '../ecs/api/account-settings.js';
import * as elb from '../elb/elb-api.js';
import * as cloudMap from '../cloud-map/cloud-map-api.js';
import * as autoScaling from '../application-auto-scaling/application-auto-scaling-api.js';
import * as metricAlarms from '../cloudwatch/metric-alarm.js';
import * as sqs from '../sqs/sqs-api.js';
import * as codeDeploy from '../code-deploy/code-deploy.js';
import * as iam from '../iam/iam-api.js';
import { authorizeEcsCall, ECS_ACTION_RESOURCES, type EcsActionName } from '../iam/ecs-authorization.js';
import * as efs from '../efs/efs-api.js';
import * as rules from '../eventbridge/rules.js';
import * as logs from '../cloudwatch/logs-api.js';
import * as taskSets from '../ecs/services/task-set-api.js';
import * as capacityProviders from '../ecs/capacity/capacity-providers-api.js';
import * as clusters from '../ecs/api/clusters.js';
import * as containerInstanceState from '../ecs/capacity/container-instance-state.js';
import * as containerInstances from '../ecs/capacity/container-instances-api.js';
import { EcsError } from '../kernel/errors.js';
import * as services from '../ecs/services/services-api.js';
import * as serviceDeployments from '../ecs/services/service-deployments-api.js';
import * as tags from '../ecs/model/tags.js';
import * as taskDefinitions from '../ecs/task-definitions/task-definitions-api.js';
import * as tasks from '../ecs/api/tasks.js';
import type {
  CreateClusterRequest,
  CreateServiceRequest,
  ListTasksRequest,
  RegisterTaskDefinitionRequest,
  RunTaskRequest,
  StopTaskRequest,
  UpdateServiceRequest,
} from '../ecs/model/types.js';
import { Priority } from '../kernel/clock.js';
import type { SimContext, SimulatorOptions } from '../kernel/context.js';
import { createContext } from './assemble-context.js';
import type { ServiceRecord } from '../ecs/model/state.js';
import { runServicePass } from '../ecs/services/service-scheduler.js';
import { SimulationControl } from './simulation-control.js';

/**
 * The simulated ECS control plane. One method per ECS action, taking and returning the API's JSON shapes;
 * failures are EcsError with the ECS exception name. Simulation-only controls live in `control`.
 */
export class EcsSimulator {
  private readonly ctx: SimContext;
  readonly control: SimulationControl;

  /** AWS Cloud Map: namespaces and services that DNS discovery and Service Connect use. */
  readonly serviceDiscovery = {
    createPrivateDnsNamespace: (request: Parameters<typeof cloudMap.createPrivateDnsNamespace>[1]) =>
      this.change('serviceDiscovery.createPrivateDnsNamespace', request, () => cloudMap.createPrivateDnsNamespace(this.ctx, request)),
    createHttpNamespace: (request: Parameters<typeof cloudMap.createHttpNamespace>[1]) =>
      this.change('serviceDiscovery.createHttpNamespace', request, () => cloudMap.createHttpNamespace(this.ctx, request)),
    createPublicDnsNamespace: (request: Parameters<typeof cloudMap.createPublicDnsNamespace>[1]) =>
      this.change('serviceDiscovery.createPublicDnsNamespace', request, () => cloudMap.createPublicDnsNamespace(this.ctx, request)),
    createService: (request: Parameters<typeof cloudMap.createDiscoveryService>[1]) =>
      this.change('serviceDiscovery.createService', request, () => cloudMap.createDiscoveryService(this.ctx, request)),
    listNamespaces: () => this.call(() => cloudMap.listNamespaces(this.ctx)),
    discoverInstances: (request: Parameters<typeof cloudMap.discoverInstances>[1]) => this.call(() => cloudMap.discoverInstances(this.ctx, request)),
    listServices: (request?: Parameters<typeof cloudMap.listDiscoveryServices>[1]) => this.call(() => cloudMap.listDiscoveryServices(this.ctx, request)),
    listInstances: (request: Parameters<typeof cloudMap.listInstances>[1]) => this.call(() => cloudMap.listInstances(this.ctx, request)),
    getNamespace: (request: Parameters<typeof cloudMap.getNamespace>[1]) => this.call(() => cloudMap.getNamespace(this.ctx, request)),
  };

  /** Application Auto Scaling: scalable targets, target tracking policies and scheduled actions for services. */
  readonly applicationAutoScaling = {
    registerScalableTarget: (request: Parameters<typeof autoScaling.registerScalableTarget>[1]) =>
      this.change('applicationAutoScaling.registerScalableTarget', request, () => autoScaling.registerScalableTarget(this.ctx, request)),
    putScalingPolicy: (request: Parameters<typeof autoScaling.putScalingPolicy>[1]) =>
      this.change('applicationAutoScaling.putScalingPolicy', request, () => autoScaling.putScalingPolicy(this.ctx, request)),
    putScheduledAction: (request: Parameters<typeof autoScaling.putScheduledAction>[1]) =>
      this.change('applicationAutoScaling.putScheduledAction', request, () => autoScaling.putScheduledAction(this.ctx, request)),
    describeScalingActivities: (request: Parameters<typeof autoScaling.describeScalingActivities>[1]) =>
      this.call(() => autoScaling.describeScalingActivities(this.ctx, request)),
    describeScalableTargets: (request: Parameters<typeof autoScaling.describeScalableTargets>[1]) =>
      this.call(() => autoScaling.describeScalableTargets(this.ctx, request)),
    describeScalingPolicies: (request: Parameters<typeof autoScaling.describeScalingPolicies>[1]) =>
      this.call(() => autoScaling.describeScalingPolicies(this.ctx, request)),
    deleteScalingPolicy: (request: Parameters<typeof autoScaling.deleteScalingPolicy>[1]) =>
      this.change('applicationAutoScaling.deleteScalingPolicy', request, () => autoScaling.deleteScalingPolicy(this.ctx, request)),
    deregisterScalableTarget: (request: Parameters<typeof autoScaling.deregisterScalableTarget>[1]) =>
      this.change('applicationAutoScaling.deregisterScalableTarget', request, () => autoScaling.deregisterScalableTarget(this.ctx, request)),
  };

  /** A CodeDeploy-like blue/green controller for services with the CODE_DEPLOY deployment controller. */
  readonly codeDeploy = {
    createDeployment: (request: Parameters<typeof codeDeploy.createDeployment>[1]) =>
      this.change('codeDeploy.createDeployment', request, () => codeDeploy.createDeployment(this.ctx, request)),
    getDeployment: (request: { deploymentId: string }) => this.call(() => codeDeploy.getDeployment(this.ctx, request)),
  };

  /** IAM roles and policies, and the Secrets Manager and SSM Parameter Store values tasks read. */
  readonly iam = {
    createRole: (request: Parameters<typeof iam.createRole>[1]) => this.change('iam.createRole', request, () => iam.createRole(this.ctx, request)),
    putRolePolicy: (request: Parameters<typeof iam.putRolePolicy>[1]) => this.change('iam.putRolePolicy', request, () => iam.putRolePolicy(this.ctx, request)),
    attachRolePolicy: (request: Parameters<typeof iam.attachRolePolicy>[1]) =>
      this.change('iam.attachRolePolicy', request, () => iam.attachRolePolicy(this.ctx, request)),
  };

  readonly secretsManager = {
    createSecret: (request: Parameters<typeof iam.createSecret>[1]) => this.change('secretsManager.createSecret', request, () => iam.createSecret(this.ctx, request)),
  };

  /** EventBridge: rules on a schedule or an event pattern whose targets run tasks, and custom events. */
  readonly eventBridge = {
    putRule: (request: Parameters<typeof rules.putRule>[1]) => this.change('eventBridge.putRule', request, () => rules.putRule(this.ctx, request)),
    putTargets: (request: Parameters<typeof rules.putTargets>[1]) => this.change('eventBridge.putTargets', request, () => rules.putTargets(this.ctx, request)),
    putEvents: (request: Parameters<typeof rules.putEvents>[1]) => this.change('eventBridge.putEvents', request, () => rules.putEvents(this.ctx, request)),
    describeRule: (request: { Name: string }) => this.call(() => rules.describeRule(this.ctx, request)),
    listRules: (request?: Parameters<typeof rules.listRules>[1]) => this.call(() => rules.listRules(this.ctx, request)),
    listTargetsByRule: (request: Parameters<typeof rules.listTargetsByRule>[1]) => this.call(() => rules.listTargetsByRule(this.ctx, request)),
    removeTargets: (request: Parameters<typeof rules.removeTargets>[1]) => this.change('eventBridge.removeTargets', request, () => rules.removeTargets(this.ctx, request)),
    deleteRule: (request: Parameters<typeof rules.deleteRule>[1]) => this.change('eventBridge.deleteRule', request, () => rules.deleteRule(this.ctx, request)),
  };

  /** CloudWatch Logs: the log groups the awslogs driver writes to, and reading a container's lines back. */
  readonly logs = {
    createLogGroup: (request: Parameters<typeof logs.createLogGroup>[1]) => this.change('logs.createLogGroup', request, () => logs.createLogGroup(this.ctx, request)),
    deleteLogGroup: (request: { logGroupName: string }) => this.change('logs.deleteLogGroup', request, () => logs.deleteLogGroup(this.ctx, request)),
    putRetentionPolicy: (request: Parameters<typeof logs.putRetentionPolicy>[1]) =>
      this.change('logs.putRetentionPolicy', request, () => logs.putRetentionPolicy(this.ctx, request)),
    describeLogGroups: (request?: Parameters<typeof logs.describeLogGroups>[1]) => this.call(() => logs.describeLogGroups(this.ctx, request)),
    describeLogStreams: (request: Parameters<typeof logs.describeLogStreams>[1]) => this.call(() => logs.describeLogStreams(this.ctx, request)),
    getLogEvents: (request: Parameters<typeof logs.getLogEvents>[1]) => this.call(() => logs.getLogEvents(this.ctx, request)),
    filterLogEvents: (request: Parameters<typeof logs.filterLogEvents>[1]) => this.call(() => logs.filterLogEvents(this.ctx, request)),
  };

  /** Amazon SQS standard queues that worker services poll (core/sqs). */
  readonly sqs = {
    createQueue: (request: Parameters<typeof sqs.createQueue>[1]) => this.change('sqs.createQueue', request, () => sqs.createQueue(this.ctx, request)),
    getQueueUrl: (request: Parameters<typeof sqs.getQueueUrl>[1]) => this.call(() => sqs.getQueueUrl(this.ctx, request)),
    sendMessage: (request: Parameters<typeof sqs.sendMessage>[1]) => this.change('sqs.sendMessage', request, () => sqs.sendMessage(this.ctx, request)),
    receiveMessage: (request: Parameters<typeof sqs.receiveMessage>[1]) => this.change('sqs.receiveMessage', request, () => sqs.receiveMessage(this.ctx, request)),
    deleteMessage: (request: Parameters<typeof sqs.deleteMessage>[1]) => this.change('sqs.deleteMessage', request, () => sqs.deleteMessage(this.ctx, request)),
    getQueueAttributes: (request: Parameters<typeof sqs.getQueueAttributes>[1]) => this.call(() => sqs.getQueueAttributes(this.ctx, request)),
    setQueueAttributes: (request: Parameters<typeof sqs.setQueueAttributes>[1]) => this.change('sqs.setQueueAttributes', request, () => sqs.setQueueAttributes(this.ctx, request)),
  };

  /** CloudWatch metric alarms on the simulator's one-minute metrics; their actions run step scaling policies. */
  readonly cloudWatch = {
    putMetricAlarm: (request: Parameters<typeof metricAlarms.putMetricAlarm>[1]) =>
      this.change('cloudWatch.putMetricAlarm', request, () => metricAlarms.putMetricAlarm(this.ctx, request)),
    describeAlarms: (request?: { AlarmNames?: string[] }) => this.call(() => metricAlarms.describeAlarms(this.ctx, request)),
  };

  /** Amazon EFS file systems for task volumes. */
  readonly efs = {
    createFileSystem: (request: { CreationToken: string }) => this.change('efs.createFileSystem', request, () => efs.createFileSystem(this.ctx, request)),
  };

  readonly ssm = {
    putParameter: (request: Parameters<typeof iam.putParameter>[1]) => this.change('ssm.putParameter', request, () => iam.putParameter(this.ctx, request)),
  };

  /** Elastic Load Balancing (v2): the load balancers, listeners and target groups services register with. */
  readonly elbv2 = {
    createLoadBalancer: (request: Parameters<typeof elb.createLoadBalancer>[1]) =>
      this.change('elbv2.createLoadBalancer', request, () => elb.createLoadBalancer(this.ctx, request)),
    createTargetGroup: (request: Parameters<typeof elb.createTargetGroup>[1]) =>
      this.change('elbv2.createTargetGroup', request, () => elb.createTargetGroup(this.ctx, request)),
    createListener: (request: Parameters<typeof elb.createListener>[1]) =>
      this.change('elbv2.createListener', request, () => elb.createListener(this.ctx, request)),
    modifyTargetGroupAttributes: (request: Parameters<typeof elb.modifyTargetGroupAttributes>[1]) =>
      this.change('elbv2.modifyTargetGroupAttributes', request, () => elb.modifyTargetGroupAttributes(this.ctx, request)),
    modifyListener: (request: Parameters<typeof elb.modifyListener>[1]) =>
      this.change('elbv2.modifyListener', request, () => elb.modifyListener(this.ctx, request)),
    describeListeners: (request: { LoadBalancerArn: string }) => this.call(() => elb.describeListeners(this.ctx, request)),
    describeTargetHealth: (request: Parameters<typeof elb.describeTargetHealth>[1]) => this.call(() => elb.describeTargetHealth(this.ctx, request)),
    describeTargetGroups: (request?: Parameters<typeof elb.describeTargetGroups>[1]) => this.call(() => elb.describeTargetGroups(this.ctx, request)),
    describeLoadBalancers: (request?: Parameters<typeof elb.describeLoadBalancers>[1]) => this.call(() => elb.describeLoadBalancers(this.ctx, request)),
    describeTargetGroupAttributes: (request: Parameters<typeof elb.describeTargetGroupAttributes>[1]) =>
      this.call(() => elb.describeTargetGroupAttributes(this.ctx, request)),
  };

  constructor(options: SimulatorOptions = {}) {
    this.ctx = createContext(options, (service) => this.requestServicePass(service));
    this.ctx.clock.onAfterStep((time) => this.ctx.census.sample(time));
    this.control = new SimulationControl(this.ctx, options);
  }

  private requestServicePass(service: ServiceRecord): void {
    if (service.passScheduled) return;
    service.passScheduled = true;
    this.ctx.clock.schedule(0, Priority.schedulerPass, () =>
      runServicePass(this.ctx, service, (atMs) => this.requestServicePassAt(service, atMs)),
    );
  }

  /** A pass at a later time (end of a grace period, of start throttling); a pass before then is harmless. */
  private requestServicePassAt(service: ServiceRecord, atMs: number): void {
    const key = `${service.arn}@${atMs}`;
    if (this.timedPasses.has(key)) return;
    this.timedPasses.add(key);
    this.ctx.clock.schedule(atMs - this.ctx.clock.now, Priority.timer, () => {
      this.timedPasses.delete(key);
      this.requestServicePass(service);
    });
  }

  private readonly timedPasses = new Set<string>();

  /** An action that changes state: journaled once it succeeds, so snapshots can replay it. */
  private change<T>(name: string, request: unknown, action: () => T): T {
    const result = this.call(action);
    this.ctx.journal.record(name, request === undefined ? [] : [request]);
    return result;
  }

  /** Runs an action; anything but an ECS error becomes a ServerException rather than escaping raw. */
  private call<T>(action: () => T): T {
    try {
      return action();
    } catch (error) {
      if (error instanceof EcsError) throw error;
      throw new EcsError('ServerException', `Internal simulator error: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * The ECS API as a principal calls it, for cluster access control: each action is first authorised
   * against the IAM role's policies (AccessDeniedException when they do not allow it).
   */
  asRole(roleName: string): Pick<EcsSimulator, EcsActionName> {
    const roleArn = this.call(() => iam.roleArn(this.ctx, roleName));
    const client = {} as Record<EcsActionName, (request?: unknown) => unknown>;
    for (const action of Object.keys(ECS_ACTION_RESOURCES) as EcsActionName[]) {
      client[action] = (request) => {
        this.call(() => authorizeEcsCall(this.ctx, roleArn, action, request));
        return (this[action] as (request?: unknown) => unknown)(request);
      };
    }
    return client as unknown as Pick<EcsSimulator, EcsActionName>;
  }

  putAccountSetting(request: { name: string; value: string }) {
    return this.change('putAccountSetting', request, () => accountSettings.putAccountSetting(this.ctx, request));
  }
  listAccountSettings(request?: { name?: string }) {
    return this.call(() => accountSettings.listAccountSettings(this.ctx, request));
  }
  createCapacityProvider(request: Parameters<typeof capacityProviders.createCapacityProvider>[1]) {
    return this.change('createCapacityProvider', request, () => capacityProviders.createCapacityProvider(this.ctx, request));
  }
  describeCapacityProviders(request?: { capacityProviders?: string[] }) {
    return this.call(() => capacityProviders.describeCapacityProviders(this.ctx, request));
  }
  createCluster(request?: CreateClusterRequest) {
    return this.change('createCluster', request, () => clusters.createCluster(this.ctx, request));
  }
  describeClusters(request?: { clusters?: string[] }) {
    return this.call(() => clusters.describeClusters(this.ctx, request));
  }
  listClusters() {
    return this.call(() => clusters.listClusters(this.ctx));
  }
  updateClusterSettings(request: Parameters<typeof clusters.updateClusterSettings>[1]) {
    return this.change('updateClusterSettings', request, () => clusters.updateClusterSettings(this.ctx, request));
  }
  putClusterCapacityProviders(request: Parameters<typeof clusters.putClusterCapacityProviders>[1]) {
    return this.change('putClusterCapacityProviders', request, () => clusters.putClusterCapacityProviders(this.ctx, request));
  }
  deleteCluster(request: { cluster: string }) {
    return this.change('deleteCluster', request, () => clusters.deleteCluster(this.ctx, request));
  }
  registerTaskDefinition(request: RegisterTaskDefinitionRequest) {
    return this.change('registerTaskDefinition', request, () => taskDefinitions.registerTaskDefinition(this.ctx, request));
  }
  describeTaskDefinition(request: { taskDefinition: string }) {
    return this.call(() => taskDefinitions.describeTaskDefinition(this.ctx, request));
  }
  deregisterTaskDefinition(request: { taskDefinition: string }) {
    return this.change('deregisterTaskDefinition', request, () => taskDefinitions.deregisterTaskDefinition(this.ctx, request));
  }
  listTaskDefinitionFamilies(request?: Parameters<typeof taskDefinitions.listTaskDefinitionFamilies>[1]) {
    return this.call(() => taskDefinitions.listTaskDefinitionFamilies(this.ctx, request));
  }
  deleteTaskDefinitions(request: { taskDefinitions: string[] }) {
    return this.change('deleteTaskDefinitions', request, () => taskDefinitions.deleteTaskDefinitions(this.ctx, request));
  }
  listTaskDefinitions(request?: Parameters<typeof taskDefinitions.listTaskDefinitions>[1]) {
    return this.call(() => taskDefinitions.listTaskDefinitions(this.ctx, request));
  }
  createService(request: CreateServiceRequest) {
    return this.change('createService', request, () => services.createService(this.ctx, request));
  }
  updateService(request: UpdateServiceRequest) {
    return this.change('updateService', request, () => services.updateService(this.ctx, request));
  }
  deleteService(request: { cluster?: string; service: string; force?: boolean }) {
    return this.change('deleteService', request, () => services.deleteService(this.ctx, request));
  }
  createTaskSet(request: Parameters<typeof taskSets.createTaskSet>[1]) {
    return this.change('createTaskSet', request, () => taskSets.createTaskSet(this.ctx, request));
  }
  updateTaskSet(request: Parameters<typeof taskSets.updateTaskSet>[1]) {
    return this.change('updateTaskSet', request, () => taskSets.updateTaskSet(this.ctx, request));
  }
  updateServicePrimaryTaskSet(request: Parameters<typeof taskSets.updateServicePrimaryTaskSet>[1]) {
    return this.change('updateServicePrimaryTaskSet', request, () => taskSets.updateServicePrimaryTaskSet(this.ctx, request));
  }
  deleteTaskSet(request: Parameters<typeof taskSets.deleteTaskSet>[1]) {
    return this.change('deleteTaskSet', request, () => taskSets.deleteTaskSet(this.ctx, request));
  }
  describeTaskSets(request: Parameters<typeof taskSets.describeTaskSets>[1]) {
    return this.call(() => taskSets.describeTaskSets(this.ctx, request));
  }
  describeServices(request: { cluster?: string; services: string[] }) {
    return this.call(() => services.describeServices(this.ctx, request));
  }
  listServices(request?: { cluster?: string }) {
    return this.call(() => services.listServices(this.ctx, request));
  }
  listServiceDeployments(request: Parameters<typeof serviceDeployments.listServiceDeployments>[1]) {
    return this.call(() => serviceDeployments.listServiceDeployments(this.ctx, request));
  }
  describeServiceDeployments(request: Parameters<typeof serviceDeployments.describeServiceDeployments>[1]) {
    return this.call(() => serviceDeployments.describeServiceDeployments(this.ctx, request));
  }
  describeServiceRevisions(request: Parameters<typeof serviceDeployments.describeServiceRevisions>[1]) {
    return this.call(() => serviceDeployments.describeServiceRevisions(this.ctx, request));
  }
  runTask(request: RunTaskRequest) {
    return this.change('runTask', request, () => tasks.runTask(this.ctx, request));
  }
  startTask(request: Parameters<typeof tasks.startTask>[1]) {
    return this.change('startTask', request, () => tasks.startTask(this.ctx, request));
  }
  stopTask(request: StopTaskRequest) {
    return this.change('stopTask', request, () => tasks.stopTask(this.ctx, request));
  }
  describeTasks(request: { cluster?: string; tasks: string[] }) {
    return this.call(() => tasks.describeTasks(this.ctx, request));
  }
  listTasks(request?: ListTasksRequest) {
    return this.call(() => tasks.listTasks(this.ctx, request));
  }
  describeContainerInstances(request: { cluster?: string; containerInstances: string[] }) {
    return this.call(() => containerInstances.describeContainerInstances(this.ctx, request));
  }
  listContainerInstances(request?: { cluster?: string; status?: string }) {
    return this.call(() => containerInstances.listContainerInstances(this.ctx, request));
  }
  updateContainerInstancesState(request: { cluster?: string; containerInstances: string[]; status: 'ACTIVE' | 'DRAINING' }) {
    return this.change('updateContainerInstancesState', request, () => containerInstanceState.updateContainerInstancesState(this.ctx, request));
  }
  deregisterContainerInstance(request: { cluster?: string; containerInstance: string; force?: boolean }) {
    return this.change('deregisterContainerInstance', request, () => containerInstanceState.deregisterContainerInstance(this.ctx, request));
  }
  tagResource(request: Parameters<typeof tags.tagResource>[1]) {
    return this.change('tagResource', request, () => tags.tagResource(this.ctx, request));
  }
  untagResource(request: Parameters<typeof tags.untagResource>[1]) {
    return this.change('untagResource', request, () => tags.untagResource(this.ctx, request));
  }
  listTagsForResource(request: Parameters<typeof tags.listTagsForResource>[1]) {
    return this.call(() => tags.listTagsForResource(this.ctx, request));
  }
}

export function createSimulator(options?: SimulatorOptions): EcsSimulator {
  return new EcsSimulator(options);
}
