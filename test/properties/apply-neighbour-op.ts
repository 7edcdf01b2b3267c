import type { EcsSimulator } from '../../core/index.js';
import { CLUSTER, FARGATE_FAMILY, staticPortOf, type Family } from './chaos-ops.js';
import type { ChaosState } from './chaos-state.js';
import {
  CUSTOM_DETAIL_TYPE,
  CUSTOM_SOURCE,
  DEAD_LETTER_QUEUE,
  JOB_FAMILY,
  POISON,
  QUEUE,
  type NeighbourOp,
  type PatternChoice,
  type ScheduleChoice,
  type StepAdjustmentChoice,
} from './neighbour-ops.js';
import { widenScaling } from './service-intents.js';

export const SUBNETS = ['subnet-a', 'subnet-b', 'subnet-c'];
export const TARGET_GROUPS = ['chaos-targets', 'chaos-green'] as const;
/** The one target every rule has: a Fargate task of JOB_FAMILY. */
const RULE_TARGET_ID = 'run-fg';

export const targetGroupArn = (sim: EcsSimulator, index: 0 | 1 = 0) => sim.elbv2.describeTargetGroups({ Names: [TARGET_GROUPS[index]] }).TargetGroups[0].TargetGroupArn;
export const scalable = (service: string) => ({ ServiceNamespace: 'ecs', ResourceId: `service/${CLUSTER}/${service}`, ScalableDimension: 'ecs:service:DesiredCount' }) as const;
const pickFrom = <T>(items: T[], pick: number): T | undefined => (items.length === 0 ? undefined : items[pick % items.length]);
const queueUrl = (sim: EcsSimulator, name: string) => sim.sqs.getQueueUrl({ QueueName: name }).QueueUrl;

/** Which revision of a service's family `revision` names; past the last one means the newest. */
export function revisionRef(sim: EcsSimulator, service: string, revision: number): string {
  const current = sim.describeServices({ cluster: CLUSTER, services: [service] }).services[0]?.taskDefinition ?? `${FARGATE_FAMILY}:1`;
  const family = familyOf(current);
  const revisions = sim.listTaskDefinitions({ familyPrefix: family }).taskDefinitionArns.filter((a) => a.includes(`/${family}:`));
  return revisions[Math.min(revision, revisions.length) - 1] ?? family;
}

export const familyOf = (taskDefinitionArn: string) => taskDefinitionArn.slice(taskDefinitionArn.lastIndexOf('/') + 1).split(':')[0];

/** A schedule as EventBridge or Application Auto Scaling writes it; `once` is a minute ahead of now. */
export function scheduleExpression(sim: EcsSimulator, schedule: ScheduleChoice): string {
  switch (schedule.kind) {
    case 'every-minute':
      return 'rate(1 minute)';
    case 'every-5-minutes':
      return 'rate(5 minutes)';
    case 'hourly':
      return `cron(${schedule.minute} * * * ? *)`;
    case 'once':
      return `at(${new Date((sim.control.nowEpochSeconds + 60 * schedule.minutesAhead) * 1000).toISOString().slice(0, 19)})`;
  }
}

const PATTERNS: Record<PatternChoice, object> = {
  custom: { source: [CUSTOM_SOURCE], 'detail-type': [CUSTOM_DETAIL_TYPE] },
  'service-task-stopped': { source: ['aws.ecs'], 'detail-type': ['ECS Task State Change'], detail: { lastStatus: ['STOPPED'], group: [{ prefix: 'service:' }] } },
};

function putRuleTarget(sim: EcsSimulator, rule: string, taskCount: number): void {
  const clusterArn = sim.describeClusters({ clusters: [CLUSTER] }).clusters[0].clusterArn;
  sim.eventBridge.putTargets({
    Rule: rule,
    Targets: [
      {
        Id: RULE_TARGET_ID,
        Arn: clusterArn,
        EcsParameters: { TaskDefinitionArn: JOB_FAMILY, TaskCount: taskCount, LaunchType: 'FARGATE', NetworkConfiguration: { awsvpcConfiguration: { subnets: SUBNETS } } },
      },
    ],
  });
}

function stepConfiguration(direction: 'out' | 'in', adjustment: StepAdjustmentChoice) {
  const sign = direction === 'out' ? 1 : -1;
  const scalingAdjustment = adjustment.type === 'ExactCapacity' ? adjustment.to : sign * adjustment.by;
  const step = direction === 'out' ? { MetricIntervalLowerBound: 0 } : { MetricIntervalUpperBound: 0 };
  return { AdjustmentType: adjustment.type, StepAdjustments: [{ ...step, ScalingAdjustment: scalingAdjustment }], Cooldown: 60 };
}

/** A CloudWatch alarm on a service's one-minute CPUUtilization, over one period. */
export function putCpuAlarm(sim: EcsSimulator, alarm: { name: string; service: string; threshold: number; above: boolean; actions?: string[] }): void {
  sim.cloudWatch.putMetricAlarm({
    AlarmName: alarm.name,
    Namespace: 'AWS/ECS',
    MetricName: 'CPUUtilization',
    Dimensions: [{ Name: 'ClusterName', Value: CLUSTER }, { Name: 'ServiceName', Value: alarm.service }],
    Statistic: 'Average',
    Period: 60,
    EvaluationPeriods: 1,
    Threshold: alarm.threshold,
    ComparisonOperator: alarm.above ? 'GreaterThanOrEqualToThreshold' : 'LessThanThreshold',
    ...(alarm.actions ? { AlarmActions: alarm.actions } : {}),
  });
}

const taskSetsOf = (sim: EcsSimulator, service: string) => sim.describeTaskSets({ cluster: CLUSTER, service }).taskSets;

/** Applies an operation on a service beside ECS (see neighbour-ops.ts) through its public API. */
export function applyNeighbourOp(sim: EcsSimulator, op: NeighbourOp, state: ChaosState): void {
  const { intents, queues } = state;
  switch (op.op) {
    case 'createQueues': {
      sim.sqs.createQueue({ QueueName: DEAD_LETTER_QUEUE });
      const deadLetterArn = sim.sqs.getQueueAttributes({ QueueUrl: queueUrl(sim, DEAD_LETTER_QUEUE), AttributeNames: ['QueueArn'] }).Attributes!.QueueArn;
      const redrive: Record<string, string> = op.maxReceiveCount === undefined ? {} : { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: deadLetterArn, maxReceiveCount: op.maxReceiveCount }) };
      sim.sqs.createQueue({ QueueName: QUEUE, Attributes: { VisibilityTimeout: String(op.visibility), ...redrive } });
      return;
    }
    case 'setQueueAttributes': {
      const deadLetterArn = sim.sqs.getQueueAttributes({ QueueUrl: queueUrl(sim, DEAD_LETTER_QUEUE), AttributeNames: ['QueueArn'] }).Attributes!.QueueArn;
      const redrive: Record<string, string> =
        op.maxReceiveCount === undefined ? {} : { RedrivePolicy: op.maxReceiveCount === null ? '' : JSON.stringify({ deadLetterTargetArn: deadLetterArn, maxReceiveCount: op.maxReceiveCount }) };
      sim.sqs.setQueueAttributes({ QueueUrl: queueUrl(sim, QUEUE), Attributes: { ...(op.visibility !== undefined ? { VisibilityTimeout: String(op.visibility) } : {}), ...redrive } });
      return;
    }
    case 'sendMessages':
      queues.send(sim, op.count, op.poison, op.delay);
      return;
    case 'receiveMessages': {
      const received = queues.receive(sim, op.from, op.max, op.visibility);
      if (op.deleteAtOnce) for (const receipt of received) queues.delete(sim, receipt);
      return;
    }
    case 'deleteReceived':
      queues.deleteReceived(sim, op.pick);
      return;
    case 'registerWorkerImage':
      sim.control.registerImage(op.image, { worker: { queue: QUEUE, secondsPerMessage: op.secondsPerMessage, crashesOnBody: POISON } });
      return;
    case 'putScheduleRule':
      sim.eventBridge.putRule({ Name: op.rule, ScheduleExpression: scheduleExpression(sim, op.schedule) });
      putRuleTarget(sim, op.rule, op.taskCount);
      return;
    case 'putPatternRule':
      sim.eventBridge.putRule({ Name: op.rule, EventPattern: JSON.stringify(PATTERNS[op.pattern]) });
      putRuleTarget(sim, op.rule, op.taskCount);
      return;
    case 'putEvents':
      sim.eventBridge.putEvents({ Entries: Array.from({ length: op.count }, (_, i) => ({ Source: CUSTOM_SOURCE, DetailType: CUSTOM_DETAIL_TYPE, Detail: JSON.stringify({ job: i }) })) });
      return;
    case 'deleteRule':
      sim.eventBridge.removeTargets({ Rule: op.rule, Ids: [RULE_TARGET_ID] });
      sim.eventBridge.deleteRule({ Name: op.rule });
      return;
    case 'stepScale': {
      const intent = intents.get(op.service);
      // Application Auto Scaling scales a REPLICA service's desired count; a daemon has none to scale.
      if (intent?.daemon) return;
      sim.applicationAutoScaling.registerScalableTarget({ ...scalable(op.service), MinCapacity: op.min, MaxCapacity: op.max });
      widenScaling(intent, op.min, op.max);
      const { PolicyARN } = sim.applicationAutoScaling.putScalingPolicy({
        ...scalable(op.service),
        PolicyName: `${op.service}-step-${op.direction}`,
        PolicyType: 'StepScaling',
        StepScalingPolicyConfiguration: stepConfiguration(op.direction, op.adjustment),
      });
      putCpuAlarm(sim, { name: `${op.service}-cpu-${op.direction}`, service: op.service, threshold: op.threshold, above: op.direction === 'out', actions: [PolicyARN] });
      return;
    }
    case 'scheduleScaling':
      if (intents.get(op.service)?.daemon) return;
      sim.applicationAutoScaling.putScheduledAction({
        ...scalable(op.service),
        ScheduledActionName: `${op.service}-${op.recurring ? 'recurring' : 'once'}`,
        Schedule: op.recurring ? 'rate(5 minutes)' : scheduleExpression(sim, { kind: 'once', minutesAhead: op.minutesAhead }),
        ScalableTargetAction: { ...(op.min !== undefined ? { MinCapacity: op.min } : {}), ...(op.max !== undefined ? { MaxCapacity: op.max } : {}) },
      });
      widenScaling(intents.get(op.service), op.min, op.max);
      return;
    case 'deregisterScalableTarget':
      sim.applicationAutoScaling.deregisterScalableTarget(scalable(op.service));
      return;
    case 'createTaskSet': {
      const taskDefinition = revisionRef(sim, op.service, op.revision);
      const family = familyOf(taskDefinition) as Family;
      sim.createTaskSet({
        cluster: CLUSTER,
        service: op.service,
        taskDefinition,
        scale: { value: op.scale, unit: 'PERCENT' },
        ...(op.targetGroup !== undefined ? { loadBalancers: [{ targetGroupArn: targetGroupArn(sim, op.targetGroup), containerName: family, containerPort: staticPortOf(family) }] } : {}),
      });
      const intent = intents.get(op.service);
      const live = taskSetsOf(sim, op.service).filter((s) => s.status !== 'DRAINING').length;
      if (intent) intent.taskSets = Math.max(intent.taskSets ?? 0, live);
      return;
    }
    case 'updateTaskSet': {
      const set = pickFrom(taskSetsOf(sim, op.service), op.pick);
      if (set) sim.updateTaskSet({ cluster: CLUSTER, service: op.service, taskSet: set.id, scale: { value: op.scale, unit: 'PERCENT' } });
      return;
    }
    case 'promoteTaskSet': {
      const set = pickFrom(taskSetsOf(sim, op.service), op.pick);
      if (set) sim.updateServicePrimaryTaskSet({ cluster: CLUSTER, service: op.service, primaryTaskSet: set.id });
      return;
    }
    case 'deleteTaskSet': {
      const set = pickFrom(taskSetsOf(sim, op.service), op.pick);
      if (set) sim.deleteTaskSet({ cluster: CLUSTER, service: op.service, taskSet: set.id, force: op.force });
      return;
    }
    case 'setDeregistrationDelay':
      sim.elbv2.modifyTargetGroupAttributes({ TargetGroupArn: targetGroupArn(sim, op.targetGroup), Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: String(op.seconds) }] });
      return;
  }
}
