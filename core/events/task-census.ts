import type { TaskRecord } from '../model/state.js';

/**
 * Counts of a service's tasks by task definition and phase, kept up to date on every task change and
 * sampled after every processed action, so that "at no time ..." can be checked against the whole
 * history instead of a few snapshots.
 */
export type TaskPhase = 'pending' | 'running' | 'healthy' | 'stopping';

export interface PhaseCounts {
  /** desiredStatus RUNNING, not yet RUNNING (PROVISIONING, PENDING, ACTIVATING). */
  pending: number;
  /** desiredStatus RUNNING and lastStatus RUNNING (healthy ones included). */
  running: number;
  /** Running and counted healthy by the scheduler. */
  healthy: number;
  /** desiredStatus STOPPED, not yet STOPPED. */
  stopping: number;
}

/** service key ("cluster/service") -> task definition ARN -> counts */
export type CensusCounts = Record<string, Record<string, PhaseCounts>>;

/** A sample holds only the services that changed since the previous sample. */
export interface CensusSample {
  time: number;
  services: CensusCounts;
}

export interface ServiceCensusPoint {
  time: number;
  byTaskDefinition: Record<string, PhaseCounts>;
}

export const serviceKey = (cluster: string, service: string) => `${cluster}/${service}`;

function phasesOf(task: TaskRecord): TaskPhase[] {
  if (task.lastStatus === 'STOPPED') return [];
  if (task.desiredStatus === 'STOPPED') return ['stopping'];
  if (task.lastStatus !== 'RUNNING') return ['pending'];
  return task.healthyAt !== undefined ? ['running', 'healthy'] : ['running'];
}

export class TaskCensus {
  private counts: CensusCounts = {};
  private changed = new Set<string>();
  private samples: CensusSample[] = [];

  /** Counts a task that has just been created. */
  enter(task: TaskRecord): void {
    this.move(task, [], phasesOf(task));
  }

  /** Applies `change` to a task and moves it between counters accordingly. */
  track<T>(task: TaskRecord, change: () => T): T {
    const before = phasesOf(task);
    const result = change();
    this.move(task, before, phasesOf(task));
    return result;
  }

  private move(task: TaskRecord, before: TaskPhase[], after: TaskPhase[]): void {
    if (!task.serviceName || before.join() === after.join()) return;
    const key = serviceKey(task.clusterName, task.serviceName);
    const byDefinition = (this.counts[key] ??= {});
    const c = (byDefinition[task.taskDefinition.taskDefinitionArn] ??= { pending: 0, running: 0, healthy: 0, stopping: 0 });
    for (const phase of before) c[phase]--;
    for (const phase of after) c[phase]++;
    this.changed.add(key);
  }

  /**
   * Records the services that changed since the last sample. Samples at the same instant are kept apart:
   * a task stopped a moment before its replacement starts is a real dip that "at no time" must see.
   */
  sample(time: number): void {
    if (this.changed.size === 0) return;
    const services: CensusCounts = {};
    for (const key of this.changed) {
      services[key] = {};
      for (const [arn, c] of Object.entries(this.counts[key])) services[key][arn] = { ...c };
    }
    this.changed.clear();
    this.samples.push({ time, services });
  }

  /** How many samples exist: a mark to read a service's history from (see seriesFor). */
  get mark(): number {
    return this.samples.length;
  }

  /**
   * Every recorded state of one service, oldest first. From a mark, the first point is the state the
   * service was in at the mark (stamped with `markTime`), then every change after it.
   */
  seriesFor(cluster: string, service: string, fromMark = 0, markTime = 0): ServiceCensusPoint[] {
    const key = serviceKey(cluster, service);
    const points: ServiceCensusPoint[] = [];
    let atMark: Record<string, PhaseCounts> | undefined;
    this.samples.forEach((sample, index) => {
      const counts = sample.services[key];
      if (!counts) return;
      if (index < fromMark) atMark = counts;
      else points.push({ time: sample.time, byTaskDefinition: counts });
    });
    return atMark ? [{ time: markTime, byTaskDefinition: atMark }, ...points] : points;
  }

  current(): CensusCounts {
    return this.counts;
  }

  history(): readonly CensusSample[] {
    return this.samples;
  }
}
