/**
 * Which tasks to stop first when a service has too many (Developer Guide, services: scale-in picks the
 * Availability Zone with the most tasks of the service, then the instance with the most).
 * Tasks not yet running go first, then running ones not yet healthy (stopping them costs no capacity),
 * then healthy ones; ties go to the newest task, then the lowest ARN.
 */
export interface StoppableTask {
  taskArn: string;
  healthy: boolean;
  pending: boolean;
  availabilityZone?: string;
  containerInstanceId?: string;
  createdAt: number;
}

const classOf = (t: StoppableTask) => (t.pending ? 0 : t.healthy ? 2 : 1);
const newestFirst = (a: StoppableTask, b: StoppableTask) => b.createdAt - a.createdAt || (a.taskArn < b.taskArn ? -1 : 1);

/**
 * Counts are kept up to date as tasks are picked, and each class keeps its tasks in buckets by zone and
 * instance, newest first: each pick looks at one task per instance, never re-sorting everything.
 */
export function selectTasksToStop(tasks: StoppableTask[], count: number): string[] {
  const zoneCount = new Map<string, number>();
  const instanceCount = new Map<string, number>();
  const buckets = [new Map<string, StoppableTask[]>(), new Map<string, StoppableTask[]>(), new Map<string, StoppableTask[]>()];
  const zoneOf = new Map<string, string>();
  for (const t of tasks) {
    const zone = t.availabilityZone ?? '';
    const instance = `${zone}\u0000${t.containerInstanceId ?? ''}`;
    zoneOf.set(instance, zone);
    zoneCount.set(zone, (zoneCount.get(zone) ?? 0) + 1);
    instanceCount.set(instance, (instanceCount.get(instance) ?? 0) + 1);
    const bucket = buckets[classOf(t)].get(instance) ?? [];
    bucket.push(t);
    buckets[classOf(t)].set(instance, bucket);
  }
  for (const byInstance of buckets) for (const bucket of byInstance.values()) bucket.sort(newestFirst).reverse();
  const chosen: string[] = [];
  while (chosen.length < Math.min(count, tasks.length)) {
    const byInstance = buckets.find((b) => b.size > 0)!;
    let best: { instance: string; task: StoppableTask } | undefined;
    for (const [instance, bucket] of byInstance) {
      const task = bucket[bucket.length - 1];
      if (!best) {
        best = { instance, task };
        continue;
      }
      const order =
        zoneCount.get(zoneOf.get(best.instance)!)! - zoneCount.get(zoneOf.get(instance)!)! ||
        instanceCount.get(best.instance)! - instanceCount.get(instance)! ||
        newestFirst(best.task, task);
      if (order > 0) best = { instance, task };
    }
    const bucket = byInstance.get(best!.instance)!;
    bucket.pop();
    if (bucket.length === 0) byInstance.delete(best!.instance);
    zoneCount.set(zoneOf.get(best!.instance)!, zoneCount.get(zoneOf.get(best!.instance)!)! - 1);
    instanceCount.set(best!.instance, instanceCount.get(best!.instance)! - 1);
    chosen.push(best!.task.taskArn);
  }
  return chosen;
}
