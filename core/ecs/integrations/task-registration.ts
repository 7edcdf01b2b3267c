import { discoveryServiceId } from '../../cloud-map/cloud-map-state.js';
import type { SimContext } from '../../kernel/context.js';
import type { ServiceRecord, TaskRecord } from '../model/state.js';
import { routingOfTask } from '../services/task-routing.js';

function serviceOf(ctx: SimContext, task: TaskRecord): ServiceRecord | undefined {
  return task.serviceName ? ctx.state.clusters.get(task.clusterName)?.services.get(task.serviceName) : undefined;
}

function addressOf(ctx: SimContext, task: TaskRecord): string {
  if (task.privateIpv4Address) return task.privateIpv4Address;
  const instance = task.instanceArn ? ctx.state.clusters.get(task.clusterName)?.instances.get(task.instanceArn) : undefined;
  return instance?.privateIpAddress ?? '0.0.0.0';
}

/** On RUNNING, ECS registers the task in its deployment's Cloud Map services (an A record of its address). */
export function registerInDiscovery(ctx: SimContext, task: TaskRecord): void {
  const service = serviceOf(ctx, task);
  for (const { registryArn } of service ? routingOfTask(service, task).serviceRegistries : []) {
    const registry = ctx.state.cloudMap.services.get(discoveryServiceId(registryArn));
    registry?.instances.set(task.id, { instanceId: task.id, taskArn: task.arn, ipv4: addressOf(ctx, task), healthy: true });
  }
}

/** When the task starts stopping (or its host is gone), ECS deregisters it: new lookups no longer return it. */
export function deregisterFromDiscovery(ctx: SimContext, task: TaskRecord): void {
  const service = serviceOf(ctx, task);
  for (const { registryArn } of service ? routingOfTask(service, task).serviceRegistries : []) {
    ctx.state.cloudMap.services.get(discoveryServiceId(registryArn))?.instances.delete(task.id);
  }
}
