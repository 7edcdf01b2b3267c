import { MinHeap } from '../../kernel/min-heap.js';

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
  /** Under task scale-in protection: never picked, by scale-in nor by a deployment. */
  protected?: boolean;
}

const classOf = (t: StoppableTask) => (t.pending ? 0 : t.healthy ? 2 : 1);
const newestFirst = (a: StoppableTask, b: StoppableTask) => b.createdAt - a.createdAt || (a.taskArn < b.taskArn ? -1 : 1);

interface ZoneTasks {
  /** Tasks of every class still in the zone. */
  count: number;
  instances: Map<string, InstanceTasks>;
}

interface InstanceTasks {
  zone: ZoneTasks;
  /** Tasks of every class still on the instance. */
  count: number;
  /** Per class, newest last. */
  byClass: [StoppableTask[], StoppableTask[], StoppableTask[]];
}

/** Within a zone: the instance with the most tasks, then the one whose next task is the newest. */
const before = (a: InstanceTasks, b: InstanceTasks, cls: number) =>
  a.count !== b.count ? a.count > b.count : newestFirst(a.byClass[cls].at(-1)!, b.byClass[cls].at(-1)!) < 0;

/**
 * Counts are kept up to date as tasks are picked. Each class, in its turn, keeps its instances in one heap
 * per zone, so a pick compares one instance per zone instead of looking at every instance.
 */
export function selectTasksToStop(candidates: StoppableTask[], count: number): string[] {
  if (count <= 0) return [];
  const tasks = candidates.some((t) => t.protected) ? candidates.filter((t) => !t.protected) : candidates;
  const wanted = Math.min(count, tasks.length);
  if (wanted <= 0) return [];
  const zones = new Map<string, ZoneTasks>();
  // An index loop over the candidates: see decideRollingPass.
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i];
    const zoneName = t.availabilityZone ?? '';
    let zone = zones.get(zoneName);
    if (!zone) zones.set(zoneName, (zone = { count: 0, instances: new Map() }));
    zone.count++;
    const instanceId = t.containerInstanceId ?? '';
    let instance = zone.instances.get(instanceId);
    if (!instance) zone.instances.set(instanceId, (instance = { zone, count: 0, byClass: [[], [], []] }));
    instance.count++;
    instance.byClass[classOf(t)].push(t);
  }
  for (const zone of zones.values()) {
    for (const instance of zone.instances.values()) for (const bucket of instance.byClass) if (bucket.length > 1) bucket.sort(newestFirst).reverse();
  }
  const chosen: string[] = [];
  for (let cls = 0; cls < 3 && chosen.length < wanted; cls++) {
    // Built when the class's turn comes, from the counts the classes before it left.
    const heaps: Array<MinHeap<InstanceTasks>> = [];
    for (const zone of zones.values()) {
      const heap = new MinHeap<InstanceTasks>((a, b) => before(a, b, cls));
      for (const instance of zone.instances.values()) if (instance.byClass[cls].length > 0) heap.push(instance);
      if (heap.size > 0) heaps.push(heap);
    }
    while (chosen.length < wanted) {
      // The zone with the most tasks; between zones with as many, the better of their best instances.
      let best: MinHeap<InstanceTasks> | undefined;
      for (const heap of heaps) {
        if (heap.size === 0) continue;
        const order = best ? heap.peek()!.zone.count - best.peek()!.zone.count : 1;
        if (order > 0 || (order === 0 && before(heap.peek()!, best!.peek()!, cls))) best = heap;
      }
      if (!best) break;
      const instance = best.pop()!;
      chosen.push(instance.byClass[cls].pop()!.taskArn);
      instance.count--;
      instance.zone.count--;
      if (instance.byClass[cls].length > 0) best.push(instance);
    }
  }
  return chosen;
}
