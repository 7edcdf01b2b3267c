import type { TaskRecord } from './state.js';

/**
 * Counts of a service's tasks by task definition and phase, kept up to date on every task change and
 * sampled after every processed action, so that "at no time ..." can be checked against the whole
 * history instead of a few snapshots.
 */
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

export interface ServiceCensusPoint {
  time: number;
  byTaskDefinition: Record<string, PhaseCounts>;
}

/** The phases a task counts in, as bits: a running healthy task counts in two. */
const PENDING = 1;
const RUNNING = 2;
const HEALTHY = 4;
const STOPPING = 8;
/** The order of a definition's four counts: PhaseCounts' fields. */
const PHASE_BITS = [PENDING, RUNNING, HEALTHY, STOPPING];

function phasesOf(task: TaskRecord): number {
  if (task.lastStatus === 'STOPPED') return 0;
  if (task.desiredStatus === 'STOPPED') return STOPPING;
  if (task.lastStatus !== 'RUNNING') return PENDING;
  return task.healthyAt !== undefined ? RUNNING | HEALTHY : RUNNING;
}

/** One service's counters: per task definition, the four counts in PHASE_BITS order. */
interface ServiceCounts {
  id: number;
  cluster: string;
  service: string;
  definitions: string[];
  counts: number[];
  changed: boolean;
}

/**
 * A run of a large service samples hundreds of thousands of times, so samples are kept as numbers in flat
 * arrays rather than as objects: each sample is a time and a range of rows, one row per task definition of
 * each service that changed (service id, definition index, four counts).
 */
const ROW = 6;

export class TaskCensus {
  private readonly services = new Map<string, ServiceCounts>();
  /** The services changed since the last sample: the first `changedCount` (a count is reset after every action, where emptying an array cost more). */
  private readonly changed: ServiceCounts[] = [];
  private changedCount = 0;
  private readonly sampleTimes = new NumberList();
  /** Where each sample's rows start in `rows`; one more entry than samples, for the end of the last. */
  private readonly sampleRows = new NumberList([0]);
  private readonly rows = new NumberList();
  /** The counters of the last change: a service's tasks change in runs, so most changes find theirs here. */
  private last?: ServiceCounts;

  /** Counts a task that has just been created. */
  enter(task: TaskRecord): void {
    this.move(task, 0, phasesOf(task));
  }

  /** Applies `change` to a task and moves it between counters accordingly. */
  track<T>(task: TaskRecord, change: () => T): T {
    const before = phasesOf(task);
    const result = change();
    this.move(task, before, phasesOf(task));
    return result;
  }

  private move(task: TaskRecord, before: number, after: number): void {
    if (!task.serviceName || before === after) return;
    const last = this.last;
    const service = last && last.service === task.serviceName && last.cluster === task.clusterName ? last : this.countsOf(task.clusterName, task.serviceName);
    this.last = service;
    const arn = task.taskDefinition.taskDefinitionArn;
    let definition = service.definitions.indexOf(arn);
    if (definition < 0) {
      definition = service.definitions.push(arn) - 1;
      service.counts.push(0, 0, 0, 0);
    }
    for (let phase = 0; phase < 4; phase++) {
      const bit = PHASE_BITS[phase];
      service.counts[definition * 4 + phase] += (after & bit ? 1 : 0) - (before & bit ? 1 : 0);
    }
    if (!service.changed) {
      service.changed = true;
      this.changed[this.changedCount++] = service;
    }
  }

  private countsOf(cluster: string, name: string): ServiceCounts {
    const key = `${cluster}/${name}`;
    let service = this.services.get(key);
    if (!service) {
      service = { id: this.services.size, cluster, service: name, definitions: [], counts: [], changed: false };
      this.services.set(key, service);
    }
    return service;
  }

  /**
   * Records the services that changed since the last sample. Samples at the same instant are kept apart:
   * a task stopped a moment before its replacement starts is a real dip that "at no time" must see.
   */
  sample(time: number): void {
    if (this.changedCount === 0) return;
    for (let i = 0; i < this.changedCount; i++) {
      const service = this.changed[i];
      service.changed = false;
      for (let d = 0; d < service.definitions.length; d++) {
        const at = d * 4;
        this.rows.push(service.id);
        this.rows.push(d);
        for (let phase = 0; phase < 4; phase++) this.rows.push(service.counts[at + phase]);
      }
    }
    this.changedCount = 0;
    this.sampleTimes.push(time);
    this.sampleRows.push(this.rows.length);
  }

  /** How many samples exist: a mark to read a service's history from (see seriesFor). */
  get mark(): number {
    return this.sampleTimes.length;
  }

  /**
   * Every recorded state of one service, oldest first. From a mark, the first point is the state the
   * service was in at the mark (stamped with `markTime`), then every change after it.
   */
  seriesFor(cluster: string, service: string, fromMark = 0, markTime = 0): ServiceCensusPoint[] {
    const counts = this.services.get(`${cluster}/${service}`);
    if (!counts) return [];
    const points: ServiceCensusPoint[] = [];
    let atMark: Record<string, PhaseCounts> | undefined;
    for (let sample = 0; sample < this.sampleTimes.length; sample++) {
      const byTaskDefinition = this.rowsOf(sample, counts);
      if (!byTaskDefinition) continue;
      if (sample < fromMark) atMark = byTaskDefinition;
      else points.push({ time: this.sampleTimes.at(sample), byTaskDefinition });
    }
    return atMark ? [{ time: markTime, byTaskDefinition: atMark }, ...points] : points;
  }

  /** One sample's counts for a service, by task definition ARN; undefined when the service did not change. */
  private rowsOf(sample: number, service: ServiceCounts): Record<string, PhaseCounts> | undefined {
    let byTaskDefinition: Record<string, PhaseCounts> | undefined;
    for (let row = this.sampleRows.at(sample); row < this.sampleRows.at(sample + 1); row += ROW) {
      const c = this.rows.items;
      if (c[row] !== service.id) continue;
      (byTaskDefinition ??= {})[service.definitions[c[row + 1]]] = { pending: c[row + 2], running: c[row + 3], healthy: c[row + 4], stopping: c[row + 5] };
    }
    return byTaskDefinition;
  }
}

/**
 * A growing list of numbers in a typed array: a sample follows every action of a long run, and numbers kept
 * out of the collector's heap are neither copied as the list grows object by object nor looked through.
 */
class NumberList {
  items: Float64Array;
  length = 0;

  constructor(initial: readonly number[] = []) {
    this.items = new Float64Array(Math.max(1024, initial.length));
    for (const n of initial) this.push(n);
  }

  push(n: number): void {
    if (this.length === this.items.length) {
      const grown = new Float64Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = n;
  }

  at(i: number): number {
    return this.items[i];
  }
}
