import type { SimulatorOptions } from './context.js';

/**
 * A simulator's state as the calls that made it: every successful call that changed something, and every
 * move of the clock as "advance to". Replaying them from the same options gives the same state and event
 * log, byte for byte, because the engine is deterministic. This is how runs are saved, shared in
 * permalinks and restored; the event queue holds closures, which JSON could not carry.
 */
export interface JournalEntry {
  /** Facade method ("createService") or control method ("control.addInstances"); "control.advanceTo" moves time. */
  call: string;
  args: unknown[];
}

export interface SimulatorSnapshot {
  format: 'ecs-lab-snapshot';
  version: 1;
  options: SimulatorOptions;
  journal: JournalEntry[];
}

export class Journal {
  private entries: JournalEntry[] = [];

  record(call: string, args: unknown[]): void {
    this.entries.push({ call, args: structuredClone(args) });
  }

  /** Consecutive clock moves collapse into one: only where time ended up matters. */
  recordTime(virtualMs: number): void {
    const last = this.entries[this.entries.length - 1];
    if (last?.call === 'control.advanceTo') last.args = [virtualMs];
    else this.entries.push({ call: 'control.advanceTo', args: [virtualMs] });
  }

  snapshot(options: SimulatorOptions): SimulatorSnapshot {
    return { format: 'ecs-lab-snapshot', version: 1, options: { ...options }, journal: structuredClone(this.entries) };
  }
}
