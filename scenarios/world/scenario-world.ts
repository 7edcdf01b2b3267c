import { createSimulator, type EcsSimulator } from '../../core/index.js';

/**
 * What one scenario works on: a fresh simulator seeded for it, the cluster steps talk about, and the
 * moment the last change began (so "at no time during the update" means from that moment on).
 */
export class ScenarioWorld {
  readonly sim: EcsSimulator;
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

  /** `sim`: another simulator to work on (one over the wire, for `ecs-lab run --endpoint`). */
  constructor(
    readonly seed: number,
    sim?: EcsSimulator,
  ) {
    this.sim = sim ?? createSimulator({ seed });
  }

  markUpdate(): void {
    this.updateStartedAt = this.sim.control.historyMark();
    this.updateStartedAtEpoch = this.sim.control.nowEpochSeconds;
    this.updateStartedAtEvent = this.sim.control.events().length;
  }
}
