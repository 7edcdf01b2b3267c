import * as elb from '../elb/elb-api.js';
import * as listenerRules from '../elb/listener-rules.js';
import * as cloudMap from '../cloud-map/cloud-map-api.js';
import * as autoScaling from '../application-auto-scaling/application-auto-scaling-api.js';
import * as metricAlarms from '../cloudwatch/metric-alarm.js';
import * as sqs from '../sqs/sqs-api.js';
import * as codeDeploy from '../code-deploy/code-deploy.js';
import * as iam from '../iam/iam-api.js';
import { authorizeEcsCall, type EcsActionName } from '../iam/ecs-authorization.js';
import * as efs from '../efs/efs-api.js';
import * as rules from '../eventbridge/rules.js';
import * as logs from '../cloudwatch/logs-api.js';
import { EcsError } from '../kernel/errors.js';
import { Priority } from '../kernel/clock.js';
import type { SimContext, SimulatorOptions } from '../kernel/context.js';
import { createContext } from './assemble-context.js';
import type { ServiceRecord } from '../ecs/model/state.js';
import { runServicePass } from '../ecs/services/service-scheduler.js';
import { SimulationControl } from './simulation-control.js';
import { ECS_API_MODEL } from '../ecs/api-model/ecs-api-model.js';
import { validateShape } from '../kernel/validate-shape.js';
import { ECS_OPERATION_NAMES, ECS_OPERATIONS, methodName, type EcsActionMethods, type TabledOperation } from './ecs-operations.js';
import { StoredMembers } from './stored-members.js';

/**
 * The simulated ECS control plane. One method per ECS action (made from the operation table, see the end of
 * this file), taking and returning the API's JSON shapes; failures are EcsError with the ECS exception name.
 * Simulation-only controls live in `control`.
 */
export interface EcsSimulator extends EcsActionMethods {}
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
    modifyTargetGroup: (request: Parameters<typeof elb.modifyTargetGroup>[1]) => this.change('elbv2.modifyTargetGroup', request, () => elb.modifyTargetGroup(this.ctx, request)),
    deleteTargetGroup: (request: Parameters<typeof elb.deleteTargetGroup>[1]) => this.change('elbv2.deleteTargetGroup', request, () => elb.deleteTargetGroup(this.ctx, request)),
    modifyListener: (request: Parameters<typeof elb.modifyListener>[1]) =>
      this.change('elbv2.modifyListener', request, () => elb.modifyListener(this.ctx, request)),
    describeListeners: (request: { LoadBalancerArn: string }) => this.call(() => elb.describeListeners(this.ctx, request)),
    createRule: (request: Parameters<typeof listenerRules.createRule>[1]) => this.change('elbv2.createRule', request, () => listenerRules.createRule(this.ctx, request)),
    modifyRule: (request: Parameters<typeof listenerRules.modifyRule>[1]) => this.change('elbv2.modifyRule', request, () => listenerRules.modifyRule(this.ctx, request)),
    deleteRule: (request: Parameters<typeof listenerRules.deleteRule>[1]) => this.change('elbv2.deleteRule', request, () => listenerRules.deleteRule(this.ctx, request)),
    describeRules: (request: Parameters<typeof listenerRules.describeRules>[1]) => this.call(() => listenerRules.describeRules(this.ctx, request)),
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
  asRole(roleName: string): EcsActionMethods {
    const roleArn = this.call(() => iam.roleArn(this.ctx, roleName));
    const client: Record<string, (request?: unknown) => unknown> = {};
    for (const operation of ECS_OPERATION_NAMES) {
      client[methodName(operation)] = (request) => {
        this.call(() => authorizeEcsCall(this.ctx, roleArn, methodName(operation) as EcsActionName, request));
        return this.perform(operation, request);
      };
    }
    return client as unknown as EcsActionMethods;
  }

  private readonly stored = new StoredMembers(ECS_API_MODEL);

  /**
   * One ECS operation: the request checked against AWS's model, the engine's answer with the members it does
   * not act on given back, and a change journaled for replay (under the method's name).
   */
  private perform(operation: TabledOperation, request: unknown): unknown {
    const model = ECS_API_MODEL.operations[operation];
    const run = () => {
      validateShape(ECS_API_MODEL, model.input, request ?? {}, '');
      const result = (ECS_OPERATIONS[operation].run as (ctx: SimContext, request: unknown) => unknown)(this.ctx, request);
      if (!model.readonly) this.stored.remember(request, model.output, result);
      this.stored.fill(model.output, result);
      return result;
    };
    return model.readonly ? this.call(run) : this.change(methodName(operation), request, run);
  }
}

for (const operation of ECS_OPERATION_NAMES) {
  Object.defineProperty(EcsSimulator.prototype, methodName(operation), {
    value: function (this: { perform: (operation: TabledOperation, request: unknown) => unknown }, request?: unknown) {
      return this.perform(operation, request);
    },
    writable: true,
    configurable: true,
  });
}

export function createSimulator(options?: SimulatorOptions): EcsSimulator {
  return new EcsSimulator(options);
}
