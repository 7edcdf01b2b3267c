/**
 * Which tasks to stop first when a service has too many (Developer Guide, services: scale-in picks the
 * Availability Zone with the most tasks of the service, then the instance with the most).
 * Tasks that are not yet healthy go before healthy ones, since stopping them costs no capacity.
 */
export interface StoppableTask {
  taskArn: string;
  healthy: boolean;
  pending: boolean;
  availabilityZone?: string;
  containerInstanceId?: string;
  createdAt: number;
}

export function selectTasksToStop(tasks: StoppableTask[], count: number): string[] {
  const remaining = [...tasks];
  const chosen: string[] = [];
  while (chosen.length < count && remaining.length > 0) {
    const perZone = tally(remaining, (t) => t.availabilityZone ?? '');
    const perInstance = tally(remaining, (t) => t.containerInstanceId ?? '');
    remaining.sort(
      (a, b) =>
        Number(b.pending) - Number(a.pending) ||
        Number(a.healthy) - Number(b.healthy) ||
        (perZone.get(b.availabilityZone ?? '') ?? 0) - (perZone.get(a.availabilityZone ?? '') ?? 0) ||
        (perInstance.get(b.containerInstanceId ?? '') ?? 0) - (perInstance.get(a.containerInstanceId ?? '') ?? 0) ||
        b.createdAt - a.createdAt ||
        (a.taskArn < b.taskArn ? -1 : 1),
    );
    chosen.push(remaining.shift()!.taskArn);
  }
  return chosen;
}

function tally<T>(items: T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
}
