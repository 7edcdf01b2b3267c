/**
 * Container Insights for ECS (namespace ECS/ContainerInsights): what one minute's datapoints are, from
 * each task's usage. "enabled" publishes cluster and service metrics; "enhanced" adds task-level ones
 * (TaskId dimension). Sums are over RUNNING tasks; CPU in CPU units, memory in MiB. Pure.
 */
export type InsightsLevel = 'disabled' | 'enabled' | 'enhanced';

export interface TaskUsage {
  taskId: string;
  family: string;
  serviceName?: string;
  running: boolean;
  /** Wanted and not yet RUNNING. */
  pending: boolean;
  cpuReserved: number;
  cpuUtilized: number;
  memoryReserved: number;
  memoryUtilized: number;
}

export interface InsightsDatapoint {
  dimensions: Record<string, string>;
  metric: string;
  value: number;
}

export const INSIGHTS_NAMESPACE = 'ECS/ContainerInsights';

export const INSIGHTS_UNITS: Readonly<Record<string, string>> = {
  CpuUtilized: 'None',
  CpuReserved: 'None',
  MemoryUtilized: 'Megabytes',
  MemoryReserved: 'Megabytes',
  RunningTaskCount: 'Count',
  PendingTaskCount: 'Count',
  DesiredTaskCount: 'Count',
  TaskCount: 'Count',
  ServiceCount: 'Count',
  ContainerInstanceCount: 'Count',
};

function usageSums(tasks: readonly TaskUsage[]): Record<string, number> {
  const running = tasks.filter((t) => t.running);
  const sum = (pick: (t: TaskUsage) => number) => running.reduce((total, t) => total + pick(t), 0);
  return { CpuUtilized: sum((t) => t.cpuUtilized), CpuReserved: sum((t) => t.cpuReserved), MemoryUtilized: sum((t) => t.memoryUtilized), MemoryReserved: sum((t) => t.memoryReserved) };
}

const points = (dimensions: Record<string, string>, values: Record<string, number>): InsightsDatapoint[] =>
  Object.entries(values).map(([metric, value]) => ({ dimensions, metric, value }));

export function insightsDatapoints(input: {
  clusterName: string;
  level: InsightsLevel;
  services: ReadonlyArray<{ name: string; desiredCount: number }>;
  containerInstances: number;
  tasks: readonly TaskUsage[];
}): InsightsDatapoint[] {
  if (input.level === 'disabled') return [];
  const ClusterName = input.clusterName;
  const result = points({ ClusterName }, {
    ...usageSums(input.tasks),
    TaskCount: input.tasks.filter((t) => t.running).length,
    ServiceCount: input.services.length,
    ContainerInstanceCount: input.containerInstances,
  });
  for (const service of input.services) {
    const tasks = input.tasks.filter((t) => t.serviceName === service.name);
    result.push(
      ...points({ ClusterName, ServiceName: service.name }, {
        ...usageSums(tasks),
        RunningTaskCount: tasks.filter((t) => t.running).length,
        PendingTaskCount: tasks.filter((t) => t.pending).length,
        DesiredTaskCount: service.desiredCount,
      }),
    );
  }
  if (input.level === 'enhanced') {
    for (const task of input.tasks.filter((t) => t.running)) {
      result.push(...points({ ClusterName, TaskDefinitionFamily: task.family, TaskId: task.taskId }, usageSums([task])));
    }
  }
  return result;
}

/** Where a series lives in the metric store: namespace, dimensions sorted by name, metric name. */
export function insightsKey(dimensions: Record<string, string>, metric: string): string {
  const dims = Object.keys(dimensions)
    .sort()
    .map((k) => `${k}=${dimensions[k]}`)
    .join(',');
  return `${INSIGHTS_NAMESPACE} ${dims} ${metric}`;
}
