import type { SimEvent } from '../../core/index.js';
import type { SimulatorPort } from '../port/simulator-port.js';

/**
 * What one scenario works on: the port to its fresh simulator, seeded for it, the cluster steps talk about,
 * and the moment the last change began (so "at no time during the update" means from that moment on).
 */
export class ScenarioWorld {
  cluster = 'default';
  /** EFS file system ids steps created, by name. */
  readonly fileSystems: Record<string, string> = {};
  /** Secrets Manager ARNs of the secrets steps created, by name. */
  readonly secrets: Record<string, string> = {};
  /** The blue/green deployment a step started. */
  blueGreenDeployment?: string;
  /** The task a step stopped by hand, for the steps that follow it. */
  stoppedTask?: string;
  /** ARNs of the standalone tasks steps ran, in order. */
  readonly standaloneTasks: string[] = [];
  /** Where in the task history the latest update step began. */
  updateStartedAt = { sample: 0, time: 0 };
  /** The same moment in API time (epoch seconds), to compare with createdAt and the like. */
  updateStartedAtEpoch = 0;
  /** Index in the event log at which the latest update step began. */
  updateStartedAtEvent = 0;

  /** The simulator's account (the default), for ARNs steps write. */
  readonly accountId = '123456789012';

  /** The event log read so far: it only grows, so only what is new is read. */
  private readonly log: SimEvent[] = [];

  constructor(
    readonly seed: number,
    readonly sim: SimulatorPort,
  ) {}

  /** The whole event log; without a simulation behind the port (real AWS) there is none. */
  async events(): Promise<readonly SimEvent[]> {
    if (this.sim.simulated) this.log.push(...(await this.sim.control('eventsSince', this.log.length)));
    return this.log;
  }

  async markUpdate(): Promise<void> {
    this.updateStartedAt = await this.sim.control('historyMark');
    this.updateStartedAtEpoch = await this.sim.control('nowEpochSeconds');
    this.updateStartedAtEvent = (await this.events()).length;
  }
}
