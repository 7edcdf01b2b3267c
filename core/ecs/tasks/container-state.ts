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
  if ((Object.keys(change) as Array<keyof ContainerChange>).every((key) => container[key] === change[key])) return;
  Object.assign(container, change);
  task.containersVersion++;
}
