import { EcsError, invalidParameter } from '../../kernel/errors.js';
import { resolveCluster, resolveService, resolveTaskDefinition } from '../model/resolve.js';
import type { SimContext } from '../../kernel/context.js';
import type { ClusterRecord, ServiceRecord } from '../model/state.js';
import { validateServiceLoadBalancers } from './validate-service-load-balancers.js';
import { optionalArray, optionalString, optionalStringList, requireObject, requireString } from '../../kernel/fields.js';
import type { TaskSetRecord } from '../model/task-set-state.js';
import { newTaskSet, taskSetView } from './task-sets.js';

/** The EXTERNAL deployment controller's actions: a CI system creates, scales and promotes task sets itself. */
function externalService(ctx: SimContext, request: Record<string, unknown>): { cluster: ClusterRecord; service: ServiceRecord } {
  const cluster = resolveCluster(ctx, request.cluster);
  const service = resolveService(cluster, request.service);
  if (service.deploymentController !== 'EXTERNAL') {
    throw invalidParameter('Task sets can be managed directly only on services with the EXTERNAL deployment controller.', 'service');
  }
  return { cluster, service };
}

function findTaskSet(service: ServiceRecord, ref: unknown, field: string): TaskSetRecord {
  const set = service.taskSets.find((s) => s.id === ref || s.arn === ref);
  if (!set) throw new EcsError('InvalidParameterException', `The specified task set ${String(ref)} was not found.`, field);
  return set;
}

function validateScale(input: unknown): number {
  if (input === undefined) return 100;
  const scale = requireObject(input, 'scale');
  if (scale.unit !== undefined && scale.unit !== 'PERCENT') throw invalidParameter('scale.unit must be PERCENT.', 'scale.unit');
  if (typeof scale.value !== 'number' || scale.value < 0 || scale.value > 100) throw invalidParameter('scale.value must be a number from 0 to 100.', 'scale.value');
  return scale.value;
}

export function createTaskSet(ctx: SimContext, input: { cluster?: string; service: string; taskDefinition: string; externalId?: string; loadBalancers?: unknown[]; scale?: { value: number; unit?: 'PERCENT' } }) {
  const request = requireObject(input, 'request');
  const { service } = externalService(ctx, request);
  const taskDefinition = resolveTaskDefinition(ctx, request.taskDefinition);
  const loadBalancers = validateServiceLoadBalancers(ctx, optionalArray(request.loadBalancers, 'loadBalancers', 5), taskDefinition);
  const set = newTaskSet(ctx, service, taskDefinition.taskDefinitionArn, loadBalancers, validateScale(request.scale), 'ACTIVE', optionalString(request.externalId, 'externalId'));
  service.taskSets.push(set);
  service.steady = false;
  ctx.requestServicePass(service);
  return { taskSet: taskSetView(ctx, service, set) };
}

export function updateTaskSet(ctx: SimContext, input: { cluster?: string; service: string; taskSet: string; scale: { value: number; unit?: 'PERCENT' } }) {
  const request = requireObject(input, 'request');
  const { service } = externalService(ctx, request);
  const set = findTaskSet(service, requireString(request.taskSet, 'taskSet'), 'taskSet');
  set.scalePercent = validateScale(request.scale);
  set.updatedAt = ctx.clock.now;
  service.steady = false;
  ctx.requestServicePass(service);
  return { taskSet: taskSetView(ctx, service, set) };
}

export function updateServicePrimaryTaskSet(ctx: SimContext, input: { cluster?: string; service: string; primaryTaskSet: string }) {
  const request = requireObject(input, 'request');
  const { service } = externalService(ctx, request);
  const set = findTaskSet(service, requireString(request.primaryTaskSet, 'primaryTaskSet'), 'primaryTaskSet');
  for (const other of service.taskSets) if (other.status === 'PRIMARY') other.status = 'ACTIVE';
  set.status = 'PRIMARY';
  service.taskDefinitionArn = set.taskDefinitionArn;
  return { taskSet: taskSetView(ctx, service, set) };
}

export function deleteTaskSet(ctx: SimContext, input: { cluster?: string; service: string; taskSet: string; force?: boolean }) {
  const request = requireObject(input, 'request');
  const { service } = externalService(ctx, request);
  const set = findTaskSet(service, requireString(request.taskSet, 'taskSet'), 'taskSet');
  if (set.status === 'PRIMARY' && request.force !== true) {
    throw invalidParameter('The PRIMARY task set cannot be deleted; make another one PRIMARY first, or use force.', 'taskSet');
  }
  set.status = 'DRAINING';
  set.updatedAt = ctx.clock.now;
  service.steady = false;
  ctx.requestServicePass(service);
  return { taskSet: taskSetView(ctx, service, set) };
}

export function describeTaskSets(ctx: SimContext, input: { cluster?: string; service: string; taskSets?: string[] }) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const service = resolveService(cluster, request.service);
  const refs = optionalStringList(request.taskSets, 'taskSets', 100);
  const sets = refs ? refs.map((ref, i) => findTaskSet(service, ref, `taskSets[${i}]`)) : service.taskSets;
  return { taskSets: sets.map((s) => taskSetView(ctx, service, s)), failures: [] };
}
