import type { EcsSimulator, ListTasksRequest, ServiceCensusPoint, Task } from '../../core/index.js';

/** Every task ListTasks finds, running and stopped, described: what a check looks at after the fact. */
export function findTasks(sim: EcsSimulator, request: ListTasksRequest): Task[] {
  const arns = [...sim.listTasks({ ...request, desiredStatus: 'RUNNING' }).taskArns, ...sim.listTasks({ ...request, desiredStatus: 'STOPPED' }).taskArns];
  const found: Task[] = [];
  // DescribeTasks takes at most 100 tasks a call.
  for (let i = 0; i < arns.length; i += 100) found.push(...sim.describeTasks({ cluster: request.cluster, tasks: arns.slice(i, i + 100) }).tasks);
  return found;
}

/** Running tasks of every revision at one point of a service's history. */
export function runningAt(point: ServiceCensusPoint): number {
  return Object.values(point.byTaskDefinition).reduce((sum, counts) => sum + counts.running, 0);
}

/** The fewest running tasks over a history, and when that first happened (virtual milliseconds). */
export function fewestRunning(history: ServiceCensusPoint[]): { count: number; time: number } {
  let found = { count: Number.POSITIVE_INFINITY, time: 0 };
  for (const point of history) if (runningAt(point) < found.count) found = { count: runningAt(point), time: point.time };
  return found;
}
