import type { SimContext } from '../kernel/context.js';
import { deleteScalingPolicy, deregisterScalableTarget, putScalingPolicy, registerScalableTarget } from '../application-auto-scaling/application-auto-scaling-api.js';
import { targetGroupDimension } from '../cloudwatch/metric-source.js';
import type { ExpressScalingTarget, ExpressServiceRecord, ScalingMetric } from './express-state.js';

/**
 * The auto scaling Express Mode sets up for a service, through Application Auto Scaling's own API: a
 * scalable target between the minimum and maximum task counts, and one target tracking policy on the
 * chosen metric (a request count per target counts the target group production traffic is on).
 */
const PREDEFINED: Record<ScalingMetric, 'ECSServiceAverageCPUUtilization' | 'ECSServiceAverageMemoryUtilization' | 'ALBRequestCountPerTarget'> = {
  AVERAGE_CPU: 'ECSServiceAverageCPUUtilization',
  AVERAGE_MEMORY: 'ECSServiceAverageMemoryUtilization',
  REQUEST_COUNT_PER_TARGET: 'ALBRequestCountPerTarget',
};

const scalable = (record: Pick<ExpressServiceRecord, 'clusterName' | 'serviceName'>) =>
  ({ ServiceNamespace: 'ecs', ResourceId: `service/${record.clusterName}/${record.serviceName}`, ScalableDimension: 'ecs:service:DesiredCount' }) as const;

/** The policy's name says what it tracks, so a service's policies read at a glance. */
export const scalingPolicyName = (metric: ScalingMetric) => `ecs-express-${metric.toLowerCase().replace(/_/g, '-')}`;

/** Registers the bounds and (re)writes the policy; a policy on another metric is replaced. */
export function applyScaling(
  ctx: SimContext,
  record: Pick<ExpressServiceRecord, 'clusterName' | 'serviceName' | 'loadBalancerArn' | 'scalingPolicyName'>,
  target: ExpressScalingTarget,
  productionTargetGroupArn: string,
): string {
  registerScalableTarget(ctx, { ...scalable(record), MinCapacity: target.minTaskCount, MaxCapacity: target.maxTaskCount });
  const name = scalingPolicyName(target.autoScalingMetric);
  if (record.scalingPolicyName && record.scalingPolicyName !== name) deleteScalingPolicy(ctx, { ...scalable(record), PolicyName: record.scalingPolicyName });
  const type = PREDEFINED[target.autoScalingMetric];
  const resourceLabel = `${record.loadBalancerArn.slice(record.loadBalancerArn.indexOf('loadbalancer/') + 'loadbalancer/'.length)}/${targetGroupDimension(productionTargetGroupArn)}`;
  putScalingPolicy(ctx, {
    ...scalable(record),
    PolicyName: name,
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: target.autoScalingTargetValue,
      PredefinedMetricSpecification: { PredefinedMetricType: type, ...(type === 'ALBRequestCountPerTarget' ? { ResourceLabel: resourceLabel } : {}) },
    },
  });
  return name;
}

/** Delete: the scalable target goes, and its policy with it, so nothing scales the draining service back up. */
export function removeScaling(ctx: SimContext, record: Pick<ExpressServiceRecord, 'clusterName' | 'serviceName'>): void {
  if (ctx.state.scalableTargets.has(scalable(record).ResourceId)) deregisterScalableTarget(ctx, scalable(record));
}
