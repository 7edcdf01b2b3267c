import { Priority } from '../engine/clock.js';
import { epochSeconds, type SimContext } from '../engine/context.js';
import type { ServiceRecord } from '../model/state.js';
import type { ScalableTargetRecord } from './scalable-target.js';
import { scheduleDue } from './schedule-expression.js';
import { decideTargetTracking } from './target-tracking.js';

export const metricKey = (cluster: string, service: string, metric: string) => `${cluster}/${service}/${metric}`;

/**
 * ECS publishes a service's CPUUtilization once a minute: the average over its running tasks, each using
 * its image's idle CPU plus what the traffic it served costs (full CPU at the image's capacity).
 */
function publishServiceMetrics(ctx: SimContext): void {
  for (const cluster of ctx.state.clusters.values()) {
    for (const service of cluster.services.values()) {
      if (service.status !== 'ACTIVE') continue;
      const running = [...service.taskArns].map((arn) => cluster.tasks.get(arn)!).filter((t) => t && t.lastStatus === 'RUNNING');
      if (running.length === 0) continue;
      const cpu = running.map((task) => {
        const image = ctx.images.behaviourOf(task.containers.find((c) => c.essential)?.image ?? '');
        const rps = (task.requestsThisMinute ?? 0) / 60;
        task.requestsThisMinute = 0;
        return Math.min(100, image.idleCpuPercent + (100 * rps) / image.capacityRps);
      });
      const series = ctx.state.metrics.get(metricKey(cluster.name, service.name, 'CPUUtilization')) ?? [];
      series.push({ time: ctx.clock.now, value: cpu.reduce((a, b) => a + b, 0) / cpu.length });
      ctx.state.metrics.set(metricKey(cluster.name, service.name, 'CPUUtilization'), series);
    }
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

function scaleTarget(ctx: SimContext, target: ScalableTargetRecord): void {
  const service = ctx.state.clusters.get(target.clusterName)?.services.get(target.serviceName);
  if (!service || service.status !== 'ACTIVE') return;
  const now = epochSeconds(ctx, ctx.clock.now);
  for (const action of target.scheduledActions) {
    if (action.lastRunAt !== undefined && ctx.clock.now - action.lastRunAt < 60_000) continue;
    if (!scheduleDue(action.schedule, now, epochSeconds(ctx, 0))) continue;
    action.lastRunAt = ctx.clock.now;
    if (action.minCapacity !== undefined) target.minCapacity = action.minCapacity;
    if (action.maxCapacity !== undefined) target.maxCapacity = action.maxCapacity;
    const clamped = Math.min(target.maxCapacity, Math.max(target.minCapacity, service.desiredCount));
    setDesiredCount(ctx, target, service, clamped, `scheduled action ${action.name} set min capacity to ${target.minCapacity} and max capacity to ${target.maxCapacity}`);
  }
  const deploying = service.deployments.some((d) => d.status === 'PRIMARY' && d.rolloutState === 'IN_PROGRESS');
  // Scale out if any policy wants to; scale in only if every policy agrees (Application Auto Scaling's rule).
  const wanted = target.policies.map((policy) => ({
    policy,
    desired: decideTargetTracking({
      targetValue: policy.targetValue,
      datapoints: (ctx.state.metrics.get(metricKey(target.clusterName, target.serviceName, policy.metric)) ?? []).map((d) => d.value),
      current: service.desiredCount,
      min: target.minCapacity,
      max: target.maxCapacity,
      sinceScaleOut: (ctx.clock.now - target.lastScaleOutAt) / 1000,
      sinceScaleIn: (ctx.clock.now - target.lastScaleInAt) / 1000,
      scaleOutCooldown: policy.scaleOutCooldown,
      scaleInCooldown: policy.scaleInCooldown,
      deploying,
      disableScaleIn: policy.disableScaleIn,
    }),
  }));
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

/** Once a minute: publish metrics, then let Application Auto Scaling act on them. */
export function ensureMetrics(ctx: SimContext): void {
  if (ctx.metricsTicking) return;
  ctx.metricsTicking = true;
  const tick = () => {
    publishServiceMetrics(ctx);
    for (const target of ctx.state.scalableTargets.values()) scaleTarget(ctx, target);
    ctx.clock.schedule(60_000, Priority.timer, 'metrics', tick);
  };
  ctx.clock.schedule(60_000, Priority.timer, 'metrics', tick);
}
