import type { ContainerInstance, Failure } from '../model/types.js';
import { invalidParameter } from '../../kernel/errors.js';
import { containerInstanceView } from './container-instances-api.js';
import { findContainerInstance, resolveCluster } from '../model/resolve.js';
import type { SimContext } from '../../kernel/context.js';
import { emitInstanceChange, wakeServices } from './instance-events.js';
import { removeInstance } from './instance-termination.js';
import { optionalBoolean, optionalEnum, optionalStringList, requireObject } from '../../kernel/fields.js';

/**
 * DRAINING stops new placements; the service scheduler then replaces the instance's service tasks within
 * minimumHealthyPercent/maximumPercent. Standalone tasks are left alone (Developer Guide, draining).
 */
export function updateContainerInstancesState(
  ctx: SimContext,
  input: { cluster?: string; containerInstances: string[]; status: 'ACTIVE' | 'DRAINING' },
) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const status = optionalEnum(request.status, 'status', ['ACTIVE', 'DRAINING'] as const);
  if (!status) throw invalidParameter('status should not be null or empty.', 'status');
  const refs = optionalStringList(request.containerInstances, 'containerInstances', 10);
  if (!refs || refs.length === 0) throw invalidParameter('containerInstances should not be null or empty.', 'containerInstances');
  const containerInstances: ContainerInstance[] = [];
  const failures: Failure[] = [];
  for (const ref of refs) {
    const instance = findContainerInstance(cluster, ref);
    if (!instance || instance.status === 'INACTIVE') {
      failures.push({ arn: String(ref), reason: 'MISSING' });
      continue;
    }
    if (instance.status !== status) {
      instance.status = status;
      instance.version++;
      emitInstanceChange(ctx, instance);
    }
    containerInstances.push(containerInstanceView(ctx, instance));
  }
  wakeServices(ctx, cluster.name);
  return { containerInstances, failures };
}

export const FORCED_DEREGISTRATION_REASON = 'Container instance deregistration forced by user';

export function deregisterContainerInstance(ctx: SimContext, input: { cluster?: string; containerInstance: string; force?: boolean }) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const force = optionalBoolean(request.force, 'force') ?? false;
  const instance = findContainerInstance(cluster, request.containerInstance);
  if (!instance || instance.status === 'INACTIVE') throw invalidParameter('The referenced container instance was not found.', 'containerInstance');
  if (instance.tasks.size > 0 && !force) {
    throw invalidParameter(
      `Found ${instance.tasks.size} tasks on the container instance. Stop them first, or use force to deregister anyway.`,
      'force',
    );
  }
  removeInstance(ctx, instance, 'UserInitiated', FORCED_DEREGISTRATION_REASON);
  wakeServices(ctx, cluster.name);
  return { containerInstance: containerInstanceView(ctx, instance) };
}
