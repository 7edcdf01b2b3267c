import { EcsError, createSimulator, type EcsSimulator } from '../../index.js';

export interface RegionalOptions {
  seed: number;
  accountId: string;
  /** The region of requests that name none (curl on /_sim, an unsigned request). */
  defaultRegion: string;
}

/**
 * One simulator per region, created when a request first names it, as ECS regions are separate: a cluster
 * made in eu-west-1 is not listed in us-east-1. They share one virtual clock: every region is kept at
 * the same virtual time.
 */
export class RegionalSimulators {
  private simulators = new Map<string, EcsSimulator>();
  /** Bumped on every reset, so watchers know the history they hold is gone. */
  generation = 0;
  /** Bumped after every request that may have changed something, so watchers know when to redraw. */
  version = 0;

  /** Access key ids whose ECS calls are made as an IAM role (cluster access control), by key. */
  readonly principals = new Map<string, string>();

  constructor(private options: RegionalOptions) {}

  get seed(): number {
    return this.options.seed;
  }

  get defaultRegion(): string {
    return this.options.defaultRegion;
  }

  /** Virtual milliseconds since the start, the same in every region. */
  get nowMs(): number {
    return Math.max(0, ...[...this.simulators.values()].map((s) => s.control.now * 1000));
  }

  get(region = this.options.defaultRegion): EcsSimulator {
    let simulator = this.simulators.get(region);
    if (!simulator) {
      if (!/^[a-z0-9-]{1,40}$/.test(region)) throw new EcsError('InvalidParameterException', `${JSON.stringify(region)} is not a region name.`);
      const nowMs = this.nowMs;
      simulator = createSimulator({ seed: this.options.seed, accountId: this.options.accountId, region });
      simulator.control.advance(nowMs / 1000);
      this.simulators.set(region, simulator);
    }
    return simulator;
  }

  /** Brings every region up to virtual time `ms` (after a tick, or after one region ran ahead). */
  advanceAllTo(ms: number): void {
    for (const simulator of this.simulators.values()) {
      const behind = ms - simulator.control.now * 1000;
      if (behind > 0) simulator.control.advance(behind / 1000);
    }
    this.version++;
  }

  reset(seed = this.options.seed): void {
    this.options = { ...this.options, seed };
    this.simulators = new Map();
    // The roles they named are gone with the simulators.
    this.principals.clear();
    this.generation++;
    this.version++;
  }
}
