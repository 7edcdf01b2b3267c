import type { Container, Task } from './types.js';
import { epochSeconds, isoTime, type SimContext } from '../engine/context.js';
import type { ContainerRecord, TaskRecord } from '../model/state.js';

/** A task as DescribeTasks returns it (timestamps as epoch seconds), or as EventBridge carries it (ISO). */
export function taskView(ctx: SimContext, task: TaskRecord, timeFormat: 'epoch' | 'iso' = 'epoch'): Task {
  const time = (ms: number | undefined) =>
    ms === undefined ? undefined : ((timeFormat === 'epoch' ? epochSeconds(ctx, ms) : isoTime(ctx, ms)) as number);
  const cluster = ctx.state.clusters.get(task.clusterName);
  const view: Task = {
    taskArn: task.arn,
    clusterArn: cluster?.arn ?? '',
    taskDefinitionArn: task.taskDefinition.taskDefinitionArn,
    containerInstanceArn: task.instanceArn,
    availabilityZone: task.availabilityZone,
    lastStatus: task.lastStatus,
    desiredStatus: task.desiredStatus,
    launchType: task.launchType,
    capacityProviderName: task.capacityProviderName,
    platformVersion: task.launchType === 'FARGATE' ? '1.4.0' : undefined,
    cpu: String(task.cpu),
    memory: String(task.memory),
    containers: task.containers.map((c) => containerView(task, c)),
    createdAt: time(task.createdAt)!,
    pullStartedAt: time(task.pullStartedAt),
    pullStoppedAt: time(task.pullStoppedAt),
    startedAt: time(task.startedAt),
    connectivity: task.lastStatus === 'PROVISIONING' ? undefined : 'CONNECTED',
    connectivityAt: time(task.pullStartedAt),
    stoppingAt: time(task.stoppingAt),
    executionStoppedAt: time(task.executionStoppedAt),
    stoppedAt: time(task.stoppedAt),
    stopCode: task.stopCode,
    stoppedReason: task.stoppedReason,
    startedBy: task.startedBy,
    group: task.group,
    healthStatus: task.healthStatus,
    version: task.version,
    tags: task.tags.map((t) => ({ ...t })),
  };
  for (const key of Object.keys(view) as Array<keyof Task>) if (view[key] === undefined) delete view[key];
  return view;
}

function containerView(task: TaskRecord, c: ContainerRecord): Container {
  const view: Container = {
    containerArn: c.arn,
    taskArn: task.arn,
    name: c.name,
    image: c.image,
    lastStatus: c.lastStatus,
    exitCode: c.exitCode,
    reason: c.reason,
    networkBindings:
      c.lastStatus === 'RUNNING' || c.lastStatus === 'STOPPED'
        ? c.hostBindings.map((b) => ({ bindIP: '0.0.0.0', ...b }))
        : [],
    healthStatus: c.healthStatus,
    cpu: c.definition.cpu !== undefined ? String(c.definition.cpu) : undefined,
    memory: c.definition.memory !== undefined ? String(c.definition.memory) : undefined,
    memoryReservation: c.definition.memoryReservation !== undefined ? String(c.definition.memoryReservation) : undefined,
  };
  for (const key of Object.keys(view) as Array<keyof Container>) if (view[key] === undefined) delete view[key];
  return view;
}
