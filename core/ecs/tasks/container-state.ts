import type { ContainerRecord, TaskRecord } from '../model/state.js';

/** What happens to a container: its status, exit, reason and health. */
export type ContainerChange = Partial<Pick<ContainerRecord, 'lastStatus' | 'exitCode' | 'reason' | 'healthStatus' | 'healthCheckFailures'>>;

/**
 * Changes one of a task's containers. Every change goes through here because it moves the task's
 * containersVersion: a task's state change events reuse the view of its containers the previous event made
 * until it moves, instead of reading every container again for each of a large service's events. Setting
 * what a container already has (STOPPED again as its task stops) is no change.
 */
export function updateContainer(task: TaskRecord, container: ContainerRecord, change: ContainerChange): void {
  // Field by field rather than by keys and Object.assign: every task step calls this, one field or two each time.
  let changed = false;
  if ('lastStatus' in change && change.lastStatus !== container.lastStatus) {
    container.lastStatus = change.lastStatus!;
    changed = true;
  }
  if ('exitCode' in change && change.exitCode !== container.exitCode) {
    container.exitCode = change.exitCode;
    changed = true;
  }
  if ('reason' in change && change.reason !== container.reason) {
    container.reason = change.reason;
    changed = true;
  }
  if ('healthStatus' in change && change.healthStatus !== container.healthStatus) {
    container.healthStatus = change.healthStatus!;
    changed = true;
  }
  if ('healthCheckFailures' in change && change.healthCheckFailures !== container.healthCheckFailures) {
    container.healthCheckFailures = change.healthCheckFailures!;
    changed = true;
  }
  if (changed) task.containersVersion++;
}
