import { invalidParameter } from '../kernel/errors.js';
import { findContainerInstance, resolveCluster } from '../ecs/model/resolve.js';
import type { SimContext } from '../kernel/context.js';
import { hostTerminatedReason, removeInstance } from '../ecs/capacity/instance-termination.js';
import { stoppedReasons } from '../ecs/model/service-messages.js';
import { containerExited, stopTask, terminateTask } from '../ecs/tasks/task-transitions.js';
import { EXIT_CODE_SIGKILL } from '../ecs/tasks/task-lifecycle.js';
import { updateContainer } from '../ecs/tasks/container-state.js';
import { optionalInteger, optionalString, rejectUnknownFields, requireObject, requireString } from '../kernel/fields.js';

/** Simulation control: a task's process dies (killed, exit 137): the task stops and its service replaces it. */
export function killTask(ctx: SimContext, input: { cluster?: string; task: string }): void {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['cluster', 'task']);
  const cluster = resolveCluster(ctx, request.cluster);
  const id = optionalString(request.task, 'task')?.split('/').pop();
  const task = [...cluster.tasks.values()].find((t) => t.id === id);
  if (!task || task.lastStatus === 'STOPPED') throw invalidParameter('The referenced task was not found or is already stopped.', 'task');
  for (const c of task.containers) {
    if (c.lastStatus !== 'RUNNING') continue;
    updateContainer(task, c, { lastStatus: 'STOPPED', exitCode: EXIT_CODE_SIGKILL });
  }
  stopTask(ctx, task, 'EssentialContainerExited', stoppedReasons.essentialContainerExited, 'exit');
}

/**
 * Simulation control: one container of a running task exits with `exitCode` (1 unless told), as its process
 * would: an essential container takes the task down (EssentialContainerExited, and a service replaces it);
 * another just stops, and the task keeps running.
 */
export function exitContainer(ctx: SimContext, input: { cluster?: string; task: string; container: string; exitCode?: number }): void {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['cluster', 'task', 'container', 'exitCode']);
  const cluster = resolveCluster(ctx, request.cluster);
  const id = requireString(request.task, 'task').split('/').pop();
  const task = [...cluster.tasks.values()].find((t) => t.id === id);
  if (!task || task.lastStatus !== 'RUNNING') throw invalidParameter('The referenced task was not found or is not RUNNING.', 'task');
  const name = requireString(request.container, 'container');
  const container = task.containers.find((c) => c.name === name);
  if (!container) throw invalidParameter(`The task has no container named ${name}; it has ${task.containers.map((c) => c.name).join(', ')}.`, 'container');
  if (container.lastStatus !== 'RUNNING') throw invalidParameter(`The container ${name} is not RUNNING (it is ${container.lastStatus}).`, 'container');
  const exitCode = optionalInteger(request.exitCode, 'exitCode', { min: 0, max: 255 }) ?? 1;
  containerExited(ctx, task, container, exitCode);
}

/**
 * Simulation control: an Availability Zone is lost. Its instances go (their tasks stop at once) and the
 * Fargate tasks running there stop; services replace them in the zones that are left.
 */
export function failZone(ctx: SimContext, input: { availabilityZone: string }): void {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['availabilityZone']);
  const zone = optionalString(request.availabilityZone, 'availabilityZone');
  if (!zone) throw invalidParameter('availabilityZone should not be null or empty.', 'availabilityZone');
  for (const cluster of ctx.state.clusters.values()) {
    for (const instance of cluster.instances.values()) {
      if (instance.availabilityZone === zone && instance.status !== 'INACTIVE') {
        removeInstance(ctx, instance, 'TerminationNotice', hostTerminatedReason(instance.ec2InstanceId));
      }
    }
    for (const task of cluster.tasks.values()) {
      if (task.launchType === 'FARGATE' && task.availabilityZone === zone && task.lastStatus !== 'STOPPED') {
        terminateTask(ctx, task, 'TerminationNotice', `The Availability Zone ${zone} is unavailable.`);
      }
    }
  }
}

/** Simulation control: an EC2 instance fails (hardware, or someone terminated it): it leaves the cluster at once. */
export function failInstance(ctx: SimContext, input: { cluster?: string; instance: string }): void {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['cluster', 'instance']);
  const cluster = resolveCluster(ctx, request.cluster);
  const instance = findContainerInstance(cluster, requireString(request.instance, 'instance'));
  if (!instance || instance.status === 'INACTIVE') throw invalidParameter(`No container instance ${String(request.instance)} in the cluster.`, 'instance');
  removeInstance(ctx, instance, 'TerminationNotice', hostTerminatedReason(instance.ec2InstanceId));
}
