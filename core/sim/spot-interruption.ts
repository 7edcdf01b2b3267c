import { invalidParameter } from '../kernel/errors.js';
import { findContainerInstance, resolveCluster } from '../ecs/model/resolve.js';
import { Priority } from '../kernel/clock.js';
import type { SimContext } from '../kernel/context.js';
import { emitInstanceChange, wakeServices } from '../ecs/capacity/instance-events.js';
import { hostTerminatedReason, removeInstance } from '../ecs/capacity/instance-termination.js';
import { optionalString, rejectUnknownFields, requireObject } from '../kernel/fields.js';

/** EC2 gives a Spot Instance two minutes' notice before it reclaims it. */
export const SPOT_NOTICE_SECONDS = 120;

/**
 * Simulation control: EC2 reclaims a Spot Instance. With ECS_ENABLE_SPOT_INSTANCE_DRAINING the agent sets
 * the instance DRAINING at the notice, so services replace their tasks in time; without it nothing
 * happens until the instance is gone. Host termination stops tasks with stopCode TerminationNotice: ECS
 * does not document the code for this case, so that is the simulator's choice.
 */
export function interruptSpotInstance(ctx: SimContext, input: { cluster?: string; instance: string }): { terminatesAt: number } {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['cluster', 'instance']);
  const cluster = resolveCluster(ctx, request.cluster);
  const instance = findContainerInstance(cluster, optionalString(request.instance, 'instance'));
  if (!instance || instance.status === 'INACTIVE') throw invalidParameter(`No container instance ${String(request.instance)} in the cluster.`, 'instance');
  if (instance.lifecycle !== 'spot') throw invalidParameter(`${instance.ec2InstanceId} is an On-Demand instance; only Spot Instances are interrupted.`, 'instance');
  if (instance.spotInstanceDraining && instance.status === 'ACTIVE') {
    instance.status = 'DRAINING';
    instance.version++;
    emitInstanceChange(ctx, instance);
    wakeServices(ctx, cluster.name);
  }
  ctx.clock.schedule(SPOT_NOTICE_SECONDS * 1000, Priority.lifecycle, () => {
    if (instance.status !== 'INACTIVE') removeInstance(ctx, instance, 'TerminationNotice', hostTerminatedReason(instance.ec2InstanceId));
  });
  return { terminatesAt: ctx.clock.now / 1000 + SPOT_NOTICE_SECONDS };
}
