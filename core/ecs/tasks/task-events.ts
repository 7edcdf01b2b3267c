import { emitLazyEventBridge, type SimContext } from '../../kernel/context.js';
import { DetailRows, DetailSnapshot } from '../../kernel/lazy-detail.js';
import type { TaskRecord } from '../model/state.js';
import { containersOf, identityOf, viewOf, type TaskState } from './task-view.js';

/** A task state's fields kept as references, then as numbers (an unset time as NaN), in row order. */
const REFERENCES = ['identity', 'instanceArn', 'availabilityZone', 'lastStatus', 'desiredStatus', 'capacityProviderName', 'containers', 'stopCode', 'stoppedReason', 'healthStatus', 'tags'] as const;
const NUMBERS = ['pullStartedAt', 'pullStoppedAt', 'startedAt', 'stoppingAt', 'executionStoppedAt', 'stoppedAt', 'version'] as const;

/**
 * Every `ECS Task State Change` of a simulator, as rows: each event's task state is written to two flat
 * arrays (references, numbers) instead of an object, and made into one only when the event is read.
 */
class TaskEventRows extends DetailRows {
  /** Rows in blocks of a fixed size, made whole: a growing array would copy every row written so far. */
  private readonly references: unknown[][] = [];
  private readonly numbers: Float64Array[] = [];
  private count = 0;

  /** Writes the task's state now as a new row; returns its number. */
  add(ctx: SimContext, task: TaskRecord): number {
    const row = this.count++;
    const offset = row % ROWS_PER_BLOCK;
    if (offset === 0) {
      this.references.push(new Array(ROWS_PER_BLOCK * REFERENCES.length));
      this.numbers.push(new Float64Array(ROWS_PER_BLOCK * NUMBERS.length));
    }
    const identity = identityOf(ctx, task);
    // In REFERENCES' order.
    const references = this.references[this.references.length - 1];
    let at = offset * REFERENCES.length;
    references[at] = identity;
    references[at + 1] = task.instanceArn;
    references[at + 2] = task.availabilityZone;
    references[at + 3] = task.lastStatus;
    references[at + 4] = task.desiredStatus;
    references[at + 5] = task.capacityProviderName;
    references[at + 6] = containersOf(identity, task);
    references[at + 7] = task.stopCode;
    references[at + 8] = task.stoppedReason;
    references[at + 9] = task.healthStatus;
    references[at + 10] = task.tags;
    // In NUMBERS' order.
    const numbers = this.numbers[this.numbers.length - 1];
    at = offset * NUMBERS.length;
    numbers[at] = task.pullStartedAt ?? NaN;
    numbers[at + 1] = task.pullStoppedAt ?? NaN;
    numbers[at + 2] = task.startedAt ?? NaN;
    numbers[at + 3] = task.stoppingAt ?? NaN;
    numbers[at + 4] = task.executionStoppedAt ?? NaN;
    numbers[at + 5] = task.stoppedAt ?? NaN;
    numbers[at + 6] = task.version;
    return row;
  }

  snapshot(row: number): DetailSnapshot {
    const block = Math.floor(row / ROWS_PER_BLOCK);
    const offset = row % ROWS_PER_BLOCK;
    const state: Record<string, unknown> = {};
    REFERENCES.forEach((field, k) => (state[field] = this.references[block][offset * REFERENCES.length + k]));
    NUMBERS.forEach((field, k) => {
      const value = this.numbers[block][offset * NUMBERS.length + k];
      state[field] = Number.isNaN(value) ? undefined : value;
    });
    return new TaskStateChange(state as unknown as TaskState);
  }
}

const ROWS_PER_BLOCK = 4096;

/** An `ECS Task State Change` event's detail: the task's view at the event's instant, built when first read. */
class TaskStateChange extends DetailSnapshot {
  constructor(private readonly state: TaskState) {
    super();
  }

  get detailType() {
    return 'ECS Task State Change' as const;
  }

  get resources(): string[] {
    return this.state.identity.resources;
  }

  build(): Record<string, unknown> {
    return viewOf(this.state, 'iso') as unknown as Record<string, unknown>;
  }
}

const rowsOf = new WeakMap<SimContext, TaskEventRows>();

/** Appends an `ECS Task State Change` event for the task as it is now. */
export function emitTaskStateChange(ctx: SimContext, task: TaskRecord): void {
  let rows = rowsOf.get(ctx);
  if (!rows) rowsOf.set(ctx, (rows = new TaskEventRows()));
  emitLazyEventBridge(ctx, rows, rows.add(ctx, task));
}
