import type { TaskStopCode } from '../model/types.js';
import type { SimContext } from '../../kernel/context.js';
import { terminateTask } from '../tasks/task-transitions.js';
import type { InstanceRecord } from '../model/state.js';
import { emitInstanceChange, wakeServices } from './instance-events.js';

/**
 * The instance leaves the cluster (EC2 terminated it, or it was deregistered by force): it goes INACTIVE,
 * its agent disconnects, and every task still on it stops at once. Services replace theirs elsewhere.
 */
export function removeInstance(ctx: SimContext, instance: InstanceRecord, stopCode: TaskStopCode, reason: string): void {
  for (const task of [...instance.tasks.values()]) terminateTask(ctx, task, stopCode, reason);
  ctx.hooks.instanceRemoved.emit(ctx, instance);
  instance.status = 'INACTIVE';
  instance.agentConnected = false;
  instance.version++;
  emitInstanceChange(ctx, instance);
  wakeServices(ctx, instance.clusterName);
}

/** Stopped-task reason when EC2 takes the host away (observed wording). */
export const hostTerminatedReason = (ec2InstanceId: string) => `Host EC2 (instance ${ec2InstanceId}) terminated.`;
