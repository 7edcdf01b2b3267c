import { METRICS_MINUTE } from '../cloudwatch/metrics-minute.js';
import { epochSeconds, type SimContext } from '../kernel/context.js';
import { publishInsights } from '../ecs/integrations/container-insights.js';
import type { ServiceRecord, TaskRecord } from '../ecs/model/state.js';
import { memoryUsedMiB, taskCpuPercent } from '../ecs/tasks/task-usage.js';
import { messageCounts } from '../sqs/queue-state.js';
import { changeAlarmState } from '../cloudwatch/alarm-state.js';
import { decideAlarmState, windowOf, type MetricAlarmRecord } from '../cloudwatch/metric-alarm.js';
import {
  datapointsOf,
  loadBalancerDimension,
  loadBalancerMetricKey,
  queueMetricKey,
  recordDatapoint,
  serviceMetricKey,
  targetGroupDimension,
  targetGroupMetricKey,
} from '../cloudwatch/metric-source.js';
import { scheduledBounds, type ScalableTargetRecord, type StepScalingPolicy } from './scalable-target.js';
import { scheduleDue } from '../kernel/schedule-expression.js';
import { decideStepScaling } from './step-scaling.js';
import { decideTargetTracking, SCALE_IN_DATAPOINTS } from './target-tracking.js';


const average = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** What a running task's containers use now, in percent of the task's memory. */
function memoryPercent(ctx: SimContext, task: TaskRecord): number {
  return task.memory > 0 ? Math.min(100, (100 * memoryUsedMiB(ctx, task)) / task.memory) : 0;
}

/**
 * Once a minute: a service's CPUUtilization, the average over its running tasks, each using its image's
 * idle CPU plus what the traffic it served costs (full CPU at the image's capacity), and its
 * MemoryUtilization; each target group's RequestCountPerTarget (requests routed to it over its healthy
 * targets, at least one); each load balancer's HTTPCode_Target_5XX_Count, whole and per target group, in a
 * minute with any (the load balancer reports it only then); and each queue's visible and in-flight message
 * counts.
 */
function publishMetrics(ctx: SimContext): void {
  for (const cluster of ctx.state.clusters.values()) {
    for (const service of cluster.services.values()) {
      if (service.status !== 'ACTIVE') continue;
      const running = [...service.tasks.values()].filter((t) => t.lastStatus === 'RUNNING');
      if (running.length === 0) continue;
      const cpu = running.map((task) => {
        const percent = taskCpuPercent(ctx, task, task.requestsThisMinute ?? 0);
        task.requestsThisMinute = 0;
        return percent;
      });
      recordDatapoint(ctx, serviceMetricKey(cluster.name, service.name, 'CPUUtilization'), average(cpu));
      recordDatapoint(ctx, serviceMetricKey(cluster.name, service.name, 'MemoryUtilization'), average(running.map((task) => memoryPercent(ctx, task))));
    }
  }
  for (const tg of ctx.state.elb.targetGroups.values()) {
    if (tg.targets.size === 0 && tg.requestsThisMinute === 0) continue;
    const healthy = [...tg.targets.values()].filter((t) => t.state === 'healthy').length;
    recordDatapoint(ctx, targetGroupMetricKey(targetGroupDimension(tg.arn), 'RequestCountPerTarget'), tg.requestsThisMinute / Math.max(1, healthy));
    tg.requestsThisMinute = 0;
  }
  publishTarget5xx(ctx);
  for (const queue of ctx.state.sqs.queues.values()) {
    const counts = messageCounts(queue, ctx.clock.now);
    recordDatapoint(ctx, queueMetricKey(queue.name, 'ApproximateNumberOfMessagesVisible'), counts.visible);
    recordDatapoint(ctx, queueMetricKey(queue.name, 'ApproximateNumberOfMessagesNotVisible'), counts.notVisible);
  }
}

/** HTTPCode_Target_5XX_Count: the 5xx answers of a load balancer's targets in the minute, when there were any. */
function publishTarget5xx(ctx: SimContext): void {
  const perLoadBalancer = new Map<string, number>();
  for (const tg of ctx.state.elb.targetGroups.values()) {
    const count = Math.round(tg.target5xxThisMinute ?? 0);
    tg.target5xxThisMinute = 0;
    if (count === 0) continue;
    for (const lb of tg.loadBalancerArns.map(loadBalancerDimension)) {
      recordDatapoint(ctx, loadBalancerMetricKey(lb, 'HTTPCode_Target_5XX_Count', targetGroupDimension(tg.arn)), count);
      perLoadBalancer.set(lb, (perLoadBalancer.get(lb) ?? 0) + count);
    }
  }
  for (const [lb, count] of perLoadBalancer) recordDatapoint(ctx, loadBalancerMetricKey(lb, 'HTTPCode_Target_5XX_Count'), count);
}

function evaluateAlarms(ctx: SimContext): void {
  for (const alarm of ctx.state.metricAlarms.values()) {
    const datapoints = windowOf(ctx.state.metrics.get(alarm.metricKey) ?? [], ctx.clock.now, alarm.evaluationPeriods);
    changeAlarmState(ctx, alarm.name, decideAlarmState(datapoints, alarm, ctx.state.alarms.get(alarm.name)?.state));
  }
}

function setDesiredCount(ctx: SimContext, target: ScalableTargetRecord, service: ServiceRecord, desired: number, cause: string): void {
  if (desired === service.desiredCount) return;
  target.activities.unshift({
    ActivityId: ctx.random.uuid(),
    ResourceId: target.resourceId,
    Description: `Setting desired count to ${desired}.`,
    Cause: cause,
    StartTime: epochSeconds(ctx, ctx.clock.now),
    StatusCode: 'Successful',
  });
  if (desired > service.desiredCount) target.lastScaleOutAt = ctx.clock.now;
  else target.lastScaleInAt = ctx.clock.now;
  service.desiredCount = desired;
  service.steady = false;
  ctx.requestServicePass(service);
}

function recordFailedAction(
  ctx: SimContext,
  target: ScalableTargetRecord,
  action: ScalableTargetRecord['scheduledActions'][number],
  message: string,
): void {
  target.activities.unshift({
    ActivityId: ctx.random.uuid(),
    ResourceId: target.resourceId,
    Description: `Setting min capacity to ${action.minCapacity ?? target.minCapacity} and max capacity to ${action.maxCapacity ?? target.maxCapacity}.`,
    Cause: `scheduled action ${action.name}`,
    StartTime: epochSeconds(ctx, ctx.clock.now),
    StatusCode: 'Failed',
    StatusMessage: message,
  });
}

const serviceOf = (ctx: SimContext, target: ScalableTargetRecord) => {
  const service = ctx.state.clusters.get(target.clusterName)?.services.get(target.serviceName);
  return service?.status === 'ACTIVE' ? service : undefined;
};

const deploying = (service: ServiceRecord) => service.deployments.some((d) => d.status === 'PRIMARY' && d.rolloutState === 'IN_PROGRESS');

function scaleTarget(ctx: SimContext, target: ScalableTargetRecord): void {
  const service = serviceOf(ctx, target);
  if (!service) return;
  const now = epochSeconds(ctx, ctx.clock.now);
  for (const action of target.scheduledActions) {
    if (action.lastRunAt !== undefined && ctx.clock.now - action.lastRunAt < 60_000) continue;
    if (!scheduleDue(action.schedule, now, epochSeconds(ctx, 0))) continue;
    action.lastRunAt = ctx.clock.now;
    const bounds = scheduledBounds(target, action);
    if ('refused' in bounds) {
      recordFailedAction(ctx, target, action, bounds.refused);
      continue;
    }
    Object.assign(target, bounds);
    const clamped = Math.min(target.maxCapacity, Math.max(target.minCapacity, service.desiredCount));
    setDesiredCount(ctx, target, service, clamped, `scheduled action ${action.name} set min capacity to ${target.minCapacity} and max capacity to ${target.maxCapacity}`);
  }
  // Scale out if any policy wants to; scale in only if every policy agrees (Application Auto Scaling's rule).
  const wanted = target.policies.flatMap((policy) =>
    policy.type !== 'TargetTrackingScaling'
      ? []
      : [
          {
            policy,
            desired: decideTargetTracking({
              targetValue: policy.targetValue,
              // Only the last 15 minutes count: reading the whole day's series every minute was quadratic in time.
              datapoints: datapointsOf(ctx, policy.metric, SCALE_IN_DATAPOINTS).map((d) => d.value),
              current: service.desiredCount,
              min: target.minCapacity,
              max: target.maxCapacity,
              sinceScaleOut: (ctx.clock.now - target.lastScaleOutAt) / 1000,
              sinceScaleIn: (ctx.clock.now - target.lastScaleInAt) / 1000,
              scaleOutCooldown: policy.scaleOutCooldown,
              scaleInCooldown: policy.scaleInCooldown,
              deploying: deploying(service),
              disableScaleIn: policy.disableScaleIn,
            }),
          },
        ],
  );
  const out = wanted.filter((w) => w.desired !== undefined && w.desired > service.desiredCount).sort((a, b) => b.desired! - a.desired!)[0];
  if (out) {
    setDesiredCount(ctx, target, service, out.desired!, `monitor alarm TargetTracking-${target.resourceId}-AlarmHigh in state ALARM triggered policy ${out.policy.name}`);
    return;
  }
  const ins = wanted.filter((w) => w.desired !== undefined && w.desired < service.desiredCount);
  if (ins.length > 0 && ins.length === wanted.length) {
    const gentlest = ins.sort((a, b) => b.desired! - a.desired!)[0];
    setDesiredCount(ctx, target, service, gentlest.desired!, `monitor alarm TargetTracking-${target.resourceId}-AlarmLow in state ALARM triggered policy ${gentlest.policy.name}`);
  }
}

function aggregate(values: readonly number[], how: StepScalingPolicy['aggregation']): number {
  if (how === 'Minimum') return Math.min(...values);
  if (how === 'Maximum') return Math.max(...values);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * A metric alarm in ALARM runs its step scaling actions every minute it stays there (CloudWatch's rule
 * for scaling actions). The breach is the policy's aggregation of the alarm's window minus its threshold.
 */
function runStepAction(ctx: SimContext, alarm: MetricAlarmRecord, target: ScalableTargetRecord, policy: StepScalingPolicy): void {
  const service = serviceOf(ctx, target);
  const window = windowOf(ctx.state.metrics.get(alarm.metricKey) ?? [], ctx.clock.now, alarm.evaluationPeriods);
  if (!service || window.length === 0) return;
  const decision = decideStepScaling({
    adjustmentType: policy.adjustmentType,
    steps: policy.steps,
    minAdjustmentMagnitude: policy.minAdjustmentMagnitude,
    breach: aggregate(window, policy.aggregation) - alarm.threshold,
    alarmAbove: alarm.comparison.startsWith('Greater'),
    current: service.desiredCount,
    min: target.minCapacity,
    max: target.maxCapacity,
    cooldown: policy.cooldown,
    sinceLastScaling: (ctx.clock.now - policy.lastScaledAt) / 1000,
    lastDirection: policy.lastDirection,
    scaleOutBase: policy.scaleOutBase,
    deploying: deploying(service),
  });
  if (!decision || decision.desired === service.desiredCount) return;
  policy.lastDirection = decision.desired > service.desiredCount ? 'out' : 'in';
  policy.scaleOutBase = decision.scaleOutBase;
  policy.lastScaledAt = ctx.clock.now;
  setDesiredCount(ctx, target, service, decision.desired, `monitor alarm ${alarm.name} in state ALARM triggered policy ${policy.name}`);
}

function runAlarmActions(ctx: SimContext): void {
  for (const alarm of ctx.state.metricAlarms.values()) {
    if (ctx.state.alarms.get(alarm.name)?.state !== 'ALARM') continue;
    for (const arn of alarm.alarmActions) {
      for (const target of ctx.state.scalableTargets.values()) {
        const policy = target.policies.find((p) => p.arn === arn);
        if (policy?.type === 'StepScaling') runStepAction(ctx, alarm, target, policy);
      }
    }
  }
}

/** Once a minute: publish metrics (Container Insights too), evaluate alarms, then let Application Auto Scaling act on them. */
export function defineMetricsMinute(ctx: SimContext): void {
  ctx.periodic.define(METRICS_MINUTE, { periodMs: 60_000 }, () => {
    publishMetrics(ctx);
    publishInsights(ctx);
    evaluateAlarms(ctx);
    for (const target of ctx.state.scalableTargets.values()) scaleTarget(ctx, target);
    runAlarmActions(ctx);
  });
}
