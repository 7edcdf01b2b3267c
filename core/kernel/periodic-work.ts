import { Priority, type Clock } from './clock.js';

/** What a named piece of recurring work does each period; returning false ends it until it is started again. */
export type PeriodicRun = () => boolean | void;

export interface PeriodicOptions {
  periodMs: number;
  /** The first run falls on the next multiple of the period (scheduled rules run on the minute). */
  aligned?: boolean;
}

interface Definition extends PeriodicOptions {
  run: PeriodicRun;
}

/**
 * Recurring work by name (metrics once a minute, traffic once a second, ...), as SimPy runs a process that
 * sleeps between rounds. A service defines the work once; any part may start it, and starting work that is
 * already running does nothing. Names let a lower layer start work an upper layer defines (ECS turning
 * Container Insights on starts the CloudWatch minute) without importing it.
 */
export class PeriodicWork {
  private readonly definitions = new Map<string, Definition>();
  private readonly running = new Set<string>();

  constructor(private readonly clock: Clock) {}

  define(name: string, options: PeriodicOptions, run: PeriodicRun): void {
    if (this.definitions.has(name)) throw new Error(`periodic work "${name}" is defined twice`);
    this.definitions.set(name, { ...options, run });
  }

  isDefined(name: string): boolean {
    return this.definitions.has(name);
  }

  /** Starts the named work one period from now (or on the period's next multiple); a no-op while it runs. */
  start(name: string): void {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`periodic work "${name}" is not defined`);
    if (this.running.has(name)) return;
    this.running.add(name);
    const { periodMs } = definition;
    const tick = () => {
      if (definition.run() === false) this.running.delete(name);
      else this.clock.schedule(periodMs, Priority.timer, tick);
    };
    const first = definition.aligned ? periodMs - (this.clock.now % periodMs) : periodMs;
    this.clock.schedule(first, Priority.timer, tick);
  }
}

/** Defines the work where it is first needed and starts it: `every(ctx, 'traffic', { periodMs: 1000 }, tick)`. */
export function every(periodic: PeriodicWork, name: string, options: PeriodicOptions, run: PeriodicRun): void {
  if (!periodic.isDefined(name)) periodic.define(name, options, run);
  periodic.start(name);
}
