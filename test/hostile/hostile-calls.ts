import type { EcsSimulator } from '../../core/index.js';
import type { Populated } from './populated-simulator.js';
import { ECS_OPERATION_NAMES, methodName } from '../../core/sim/ecs-operations.js';
import { minimalRequest } from '../api-model/model-samples.js';

/**
 * Every facade action and simulation control with a valid argument list for the populated simulator:
 * the fuzzers mutate these, or replace them outright. `invoke` calls the method by name with raw
 * arguments, as untyped JavaScript (a lab's JSON editor, the CLI) would.
 */
export interface HostileCall {
  name: string;
  validArgs: (p: Populated) => unknown[];
  invoke: (sim: EcsSimulator, args: unknown[]) => unknown;
}

type AnyMethod = (...args: unknown[]) => unknown;
const facade = (name: string, validArgs: HostileCall['validArgs']): HostileCall => ({
  name,
  validArgs,
  invoke: (sim, args) => ((sim as unknown as Record<string, AnyMethod>)[name] as AnyMethod).apply(sim, args),
});
const control = (name: string, validArgs: HostileCall['validArgs']): HostileCall => ({
  name: `control.${name}`,
  validArgs,
  invoke: (sim, args) => ((sim.control as unknown as Record<string, AnyMethod>)[name] as AnyMethod).apply(sim.control, args),
});
const elbv2 = (name: string, validArgs: HostileCall['validArgs']): HostileCall => ({
  name: `elbv2.${name}`,
  validArgs,
  invoke: (sim, args) => ((sim.elbv2 as unknown as Record<string, AnyMethod>)[name] as AnyMethod)(...args),
});

const logs = (name: string, validArgs: HostileCall['validArgs']): HostileCall => ({
  name: `logs.${name}`,
  validArgs,
  invoke: (sim, args) => ((sim.logs as unknown as Record<string, AnyMethod>)[name] as AnyMethod)(...args),
});

/** A call on one of the AWS-service sub-facades other than ECS (sqs, cloudWatch, applicationAutoScaling...). */
const onService = (service: 'sqs' | 'cloudWatch' | 'applicationAutoScaling' | 'serviceDiscovery' | 'eventBridge', name: string, validArgs: HostileCall['validArgs']): HostileCall => ({
  name: `${service}.${name}`,
  validArgs,
  invoke: (sim, args) => ((sim[service] as unknown as Record<string, AnyMethod>)[name] as AnyMethod)(...args),
});

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs';
const WEB_TARGET = { ServiceNamespace: 'ecs', ResourceId: 'service/default/web', ScalableDimension: 'ecs:service:DesiredCount' };

const webContainer = { name: 'web', image: 'web:2', cpu: 128, memory: 256, portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }] };

/** Valid arguments for ECS actions on the populated simulator; an action not here gets its model's required members. */
export const ECS_VALID_ARGS: Readonly<Record<string, HostileCall['validArgs']>> = {
  updateClusterSettings: () => [{ cluster: 'default', settings: [{ name: 'containerInsights', value: 'enhanced' }] }],
  putAccountSetting: () => [{ name: 'containerInsights', value: 'enabled' }],
  listAccountSettings: () => [{ name: 'containerInsights' }],
  createCapacityProvider: () => [
    {
      name: 'asg-cp',
      autoScalingGroupProvider: {
        autoScalingGroupArn: 'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:1:autoScalingGroupName/asg',
        managedScaling: { status: 'ENABLED', targetCapacity: 100 },
        managedTerminationProtection: 'DISABLED',
      },
    },
  ],
  describeCapacityProviders: () => [{ capacityProviders: ['FARGATE'] }],
  createCluster: () => [{ clusterName: 'other', tags: [{ key: 'team', value: 'a' }] }],
  describeClusters: () => [{ clusters: ['default'] }],
  listClusters: () => [],
  putClusterCapacityProviders: () => [{ cluster: 'default', capacityProviders: ['FARGATE', 'FARGATE_SPOT'], defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1, base: 1 }] }],
  deleteCluster: () => [{ cluster: 'default' }],
  registerTaskDefinition: () => [{ family: 'web', networkMode: 'bridge', containerDefinitions: [webContainer], placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ m5.*' }] }],
  describeTaskDefinition: () => [{ taskDefinition: 'web:1' }],
  deregisterTaskDefinition: () => [{ taskDefinition: 'web:1' }],
  listTaskDefinitionFamilies: () => [{ familyPrefix: 'w' }],
  deleteTaskDefinitions: () => [{ taskDefinitions: ['web:1'] }],
  listTaskDefinitions: () => [{ familyPrefix: 'web', status: 'ACTIVE', sort: 'DESC' }],
  createService: () => [
    {
      serviceName: 'api',
      taskDefinition: 'web',
      desiredCount: 1,
      deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == m5.large' }],
      tags: [{ key: 'a', value: 'b' }],
    },
  ],
  updateService: () => [{ service: 'web', desiredCount: 3, deploymentConfiguration: { maximumPercent: 150 }, forceNewDeployment: true }],
  deleteService: () => [{ service: 'web', force: true }],
  // The populated simulator has no EXTERNAL service, so these mostly exercise the refusals.
  createTaskSet: () => [{ service: 'web', taskDefinition: 'web:1', externalId: 'blue', scale: { value: 100, unit: 'PERCENT' } }],
  updateTaskSet: () => [{ service: 'web', taskSet: 'ts-1', scale: { value: 50, unit: 'PERCENT' } }],
  updateServicePrimaryTaskSet: () => [{ service: 'web', primaryTaskSet: 'ts-1' }],
  deleteTaskSet: () => [{ service: 'web', taskSet: 'ts-1', force: true }],
  describeTaskSets: () => [{ service: 'web', taskSets: ['ts-1'] }],
  describeServices: () => [{ services: ['web', 'spot'] }],
  listServices: () => [{ cluster: 'default' }],
  runTask: () => [{ taskDefinition: 'web', count: 2, placementStrategy: [{ type: 'binpack', field: 'memory' }], tags: [{ key: 'k', value: 'v' }] }],
  startTask: (p) => [{ taskDefinition: 'web', containerInstances: [p.instanceArn] }],
  stopTask: (p) => [{ task: p.taskArn, reason: 'done' }],
  describeTasks: (p) => [{ tasks: [p.taskArn] }],
  listTasks: () => [{ serviceName: 'web', desiredStatus: 'RUNNING', maxResults: 10 }],
  describeContainerInstances: (p) => [{ containerInstances: [p.instanceArn] }],
  listContainerInstances: () => [{ status: 'ACTIVE' }],
  updateContainerInstancesState: (p) => [{ containerInstances: [p.instanceArn], status: 'DRAINING' }],
  deregisterContainerInstance: (p) => [{ containerInstance: p.instanceArn, force: true }],
  tagResource: () => [{ resourceArn: 'arn:aws:ecs:us-east-1:123456789012:service/default/web', tags: [{ key: 'k', value: 'v' }] }],
  untagResource: () => [{ resourceArn: 'arn:aws:ecs:us-east-1:123456789012:service/default/web', tagKeys: ['k'] }],
  listTagsForResource: () => [{ resourceArn: 'arn:aws:ecs:us-east-1:123456789012:service/default/web' }],
};

export const FACADE_CALLS: HostileCall[] = [
  ...ECS_OPERATION_NAMES.map((operation) => facade(methodName(operation), ECS_VALID_ARGS[methodName(operation)] ?? (() => [minimalRequest(operation)]))),
  elbv2('createLoadBalancer', () => [{ Name: 'lb', Subnets: ['subnet-a', 'subnet-b'] }]),
  elbv2('createTargetGroup', () => [{ Name: 'tg', Protocol: 'HTTP', Port: 80, TargetType: 'instance', VpcId: 'vpc-1' }]),
  elbv2('describeTargetGroups', () => [{}]),
  elbv2('describeLoadBalancers', () => [{ Names: ['alb'] }]),
  elbv2('describeTargetGroupAttributes', (p) => [{ TargetGroupArn: p.sim.elbv2.describeTargetGroups({ Names: ['tg'] }).TargetGroups[0].TargetGroupArn }]),
  // The populated simulator has no Cloud Map namespace nor EventBridge rule: these mostly exercise the refusals.
  onService('serviceDiscovery', 'createPrivateDnsNamespace', () => [{ Name: 'demo.local', Vpc: 'vpc-1' }]),
  onService('serviceDiscovery', 'createPublicDnsNamespace', () => [{ Name: 'example.com' }]),
  onService('serviceDiscovery', 'createHttpNamespace', () => [{ Name: 'mesh' }]),
  onService('serviceDiscovery', 'listServices', () => [{ Filters: [{ Name: 'NAMESPACE_ID', Values: ['ns-1', 'ns-2'], Condition: 'IN' }] }]),
  onService('serviceDiscovery', 'listInstances', () => [{ ServiceId: 'srv-0000000000000000' }]),
  onService('serviceDiscovery', 'getNamespace', () => [{ Id: 'ns-0000000000000000' }]),
  onService('eventBridge', 'listRules', () => [{ NamePrefix: 'nightly', EventBusName: 'default' }]),
  onService('eventBridge', 'listTargetsByRule', () => [{ Rule: 'nightly' }]),
  onService('eventBridge', 'removeTargets', () => [{ Rule: 'nightly', Ids: ['report'], Force: false }]),
  onService('eventBridge', 'deleteRule', () => [{ Name: 'nightly' }]),
  logs('createLogGroup', () => [{ logGroupName: '/ecs/other', tags: { team: 'a' } }]),
  logs('deleteLogGroup', () => [{ logGroupName: '/ecs/job' }]),
  logs('putRetentionPolicy', () => [{ logGroupName: '/ecs/job', retentionInDays: 7 }]),
  logs('describeLogGroups', () => [{ logGroupNamePrefix: '/ecs', limit: 5 }]),
  logs('describeLogStreams', () => [{ logGroupName: '/ecs/job', orderBy: 'LastEventTime', descending: true, limit: 5 }]),
  logs('getLogEvents', () => [{ logGroupName: '/ecs/job', logStreamName: 'job/job/x', startFromHead: true, limit: 10 }]),
  logs('filterLogEvents', () => [{ logGroupName: '/ecs/job', filterPattern: '?ERROR ?WARN -retry', startTime: 0, limit: 10 }]),
  onService('sqs', 'createQueue', () => [{ QueueName: 'other', Attributes: { VisibilityTimeout: '10', DelaySeconds: '2' } }]),
  onService('sqs', 'getQueueUrl', () => [{ QueueName: 'jobs' }]),
  onService('sqs', 'sendMessage', () => [{ QueueUrl: QUEUE_URL, MessageBody: 'job', DelaySeconds: 1 }]),
  onService('sqs', 'receiveMessage', () => [{ QueueUrl: QUEUE_URL, MaxNumberOfMessages: 2, VisibilityTimeout: 5, WaitTimeSeconds: 1, AttributeNames: ['All'] }]),
  onService('sqs', 'deleteMessage', () => [{ QueueUrl: QUEUE_URL, ReceiptHandle: 'jobs#x#y' }]),
  onService('sqs', 'getQueueAttributes', () => [{ QueueUrl: QUEUE_URL, AttributeNames: ['All'] }]),
  onService('sqs', 'setQueueAttributes', () => [{ QueueUrl: QUEUE_URL, Attributes: { MessageRetentionPeriod: '600', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:jobs', maxReceiveCount: 3 }) } }]),
  onService('cloudWatch', 'putMetricAlarm', () => [
    {
      AlarmName: 'web-cpu',
      Namespace: 'AWS/ECS',
      MetricName: 'CPUUtilization',
      Dimensions: [{ Name: 'ClusterName', Value: 'default' }, { Name: 'ServiceName', Value: 'web' }],
      Statistic: 'Average',
      Period: 60,
      EvaluationPeriods: 2,
      DatapointsToAlarm: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: ['arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:x'],
    },
  ]),
  onService('cloudWatch', 'describeAlarms', () => [{ AlarmNames: ['web-cpu'] }]),
  onService('applicationAutoScaling', 'describeScalableTargets', () => [{ ServiceNamespace: 'ecs', ResourceIds: ['service/default/web'], ScalableDimension: 'ecs:service:DesiredCount' }]),
  onService('applicationAutoScaling', 'describeScalingPolicies', () => [{ ...WEB_TARGET, PolicyNames: ['steps'] }]),
  onService('applicationAutoScaling', 'deleteScalingPolicy', () => [{ ...WEB_TARGET, PolicyName: 'steps' }]),
  onService('applicationAutoScaling', 'deregisterScalableTarget', () => [WEB_TARGET]),
  onService('applicationAutoScaling', 'putScalingPolicy', () => [
    {
      ...WEB_TARGET,
      PolicyName: 'steps',
      PolicyType: 'StepScaling',
      StepScalingPolicyConfiguration: {
        AdjustmentType: 'PercentChangeInCapacity',
        StepAdjustments: [{ MetricIntervalUpperBound: 0, ScalingAdjustment: -50 }, { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 50 }, { MetricIntervalLowerBound: 10, ScalingAdjustment: 200 }],
        Cooldown: 60,
        MinAdjustmentMagnitude: 1,
        MetricAggregationType: 'Maximum',
      },
    },
  ]),
  onService('applicationAutoScaling', 'putScalingPolicy', () => [
    {
      ...WEB_TARGET,
      PolicyName: 'backlog',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 5,
        CustomizedMetricSpecification: {
          Metrics: [
            { Id: 'm1', MetricStat: { Metric: { Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Dimensions: [{ Name: 'QueueName', Value: 'jobs' }] }, Stat: 'Sum' }, ReturnData: false },
            { Id: 'm2', MetricStat: { Metric: { Namespace: 'ECS/ContainerInsights', MetricName: 'RunningTaskCount', Dimensions: [{ Name: 'ClusterName', Value: 'default' }, { Name: 'ServiceName', Value: 'web' }] }, Stat: 'Average' }, ReturnData: false },
            { Id: 'e1', Expression: 'm1 / m2', ReturnData: true },
          ],
        },
        ScaleInCooldown: 60,
      },
    },
  ]),
];

export const CONTROL_CALLS: HostileCall[] = [
  control('addInstances', () => [{ instanceType: 'm5.large', count: 2, availabilityZones: ['us-east-1a'], lifecycle: 'spot', attributes: { team: 'a' }, spotInstanceDraining: true }]),
  control('addExternalInstances', () => [{ count: 2, vcpu: 4, memoryMiB: 8192, location: 'dc-1', attributes: { rack: 'r1' } }]),
  control('disconnectAgent', (p) => [{ instance: p.spotInstanceArn }]),
  control('reconnectAgent', (p) => [{ instance: p.spotInstanceArn }]),
  control('interruptSpotInstance', (p) => [{ instance: p.spotInstanceArn }]),
  control('failInstance', (p) => [{ instance: p.spotInstanceArn }]),
  control('failZone', () => [{ availabilityZone: 'us-east-1a' }]),
  control('killTask', (p) => [{ task: p.taskArn }]),
  control('exitContainer', (p) => [{ task: p.taskArn, container: 'web', exitCode: 1 }]),
  control('interruptFargateSpotTasks', () => [{ service: 'spot', count: 1 }]),
  control('setFargateCapacity', () => [{ capacityProvider: 'FARGATE_SPOT', maxTasks: 1 }]),
  control('setAlarmState', () => [{ alarmName: 'high-errors', state: 'ALARM' }]),
  control('configureSubnet', () => [{ subnetId: 'subnet-a', defaultRoute: 'none' }]),
  control('createVpcEndpoint', () => [{ VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.us-east-1.ecr.dkr' }]),
  control('setLambdaAnswer', () => [{ functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:check', hookStatus: 'IN_PROGRESS', callBackDelay: 45 }]),
  control('replaceManagedInstances', () => [{ capacityProvider: 'managed', reason: 'impaired' }]),
  control('produceMessages', () => [{ queue: 'jobs', messagesPerSecond: 0.5, forSeconds: 120 }]),
  control('registerImage', () => ['job:1', { worker: { queue: 'jobs', secondsPerMessage: 3, crashesOnBody: 'poison' } }]),
  control('registerImage', () => ['job:1', { pullSeconds: 3, startSeconds: 1, crashAfterSeconds: 30, exitCode: 2, stopSeconds: 5, unhealthyAfterSeconds: 60 }]),
  control('registerImage', () => ['log:1', { logs: { atStart: ['up'], every: { seconds: 10, line: 'mem {memoryMiB}' }, atExit: 'bye', onStop: 'term' }, tracesDaemon: true, memoryPerRequestPerSecondMiB: 0.5 }]),
  control('containerInsightsMetric', () => [{ metric: 'CpuUtilized', dimensions: { ClusterName: 'default', ServiceName: 'web' } }]),
  control('traces', () => [{ cluster: 'default', service: 'web' }]),
  control('startTraffic', () => [{ name: 'clients', loadBalancer: 'alb', requestsPerSecond: 50, pattern: { type: 'spike', toRequestsPerSecond: 200, atSecond: 30, forSeconds: 10 } }]),
  control('stopTraffic', () => [{ name: 'clients' }]),
  control('trafficHistory', () => ['clients']),
  control('trafficClients', () => []),
  control('metricHistory', () => [{ service: 'web', metric: 'CPUUtilization' }]),
  control('readFile', (p) => [{ task: p.taskArn, path: '/data/count' }]),
  control('costReport', () => []),
  control('createAutoScalingGroup', () => [{ name: 'asg', instanceType: 'm5.large', minSize: 0, maxSize: 4, desiredCapacity: 1, lifecycle: 'spot' }]),
  control('capacityProviderReservations', () => ['none']),
  control('advance', () => [60]),
  control('advanceTo', (p) => [p.sim.control.now * 1000 + 1000]),
  control('runUntil', () => [() => false, 60]),
  control('runUntilSteady', () => [{ service: 'web', maxSeconds: 60 }]),
  control('eventsSince', () => [3]),
  control('taskHistory', () => ['web', 'default']),
  control('explainPlacement', (p) => [{ task: p.taskArn }]),
  control('snapshot', () => []),
  control('view', () => []),
  control('historyMark', () => []),
];
