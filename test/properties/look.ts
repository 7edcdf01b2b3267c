import type { ClusterPicture, EcsSimulator, Service, SimEvent, TaskTile } from '../../core/index.js';
import { CLUSTER, SERVICES, type Op } from './chaos-ops.js';
import type { ChaosState } from './chaos-state.js';

/**
 * What the public API shows at one check, each part asked for once and only when a watch reads it: the
 * cluster picture, the services, every task that has not reached STOPPED.
 */
export class Look {
  readonly now: number;
  private cachedPicture?: ClusterPicture;
  private cachedServices?: Service[];
  private cachedTiles?: Array<{ task: TaskTile; ec2InstanceId?: string }>;

  constructor(
    readonly sim: EcsSimulator,
    readonly state: ChaosState,
  ) {
    this.now = Math.round(sim.control.now * 1000);
  }

  get picture(): ClusterPicture {
    this.cachedPicture ??= this.sim.control.view().clusters.find((c) => c.clusterName === CLUSTER) ?? { clusterName: CLUSTER, availabilityZones: [], instances: [], fargateTasks: [], services: [] };
    return this.cachedPicture;
  }

  /** The services of the chaos names that exist now, ACTIVE or DRAINING. */
  get services(): Service[] {
    this.cachedServices ??= this.sim.describeServices({ cluster: CLUSTER, services: [...SERVICES] }).services.filter((s) => s.status !== 'INACTIVE');
    return this.cachedServices;
  }

  /** Tasks placed on an instance or on Fargate, not yet STOPPED, each with the instance it is on. */
  get tiles(): Array<{ task: TaskTile; ec2InstanceId?: string }> {
    this.cachedTiles ??= [...this.picture.instances.flatMap((i) => i.tasks.map((task) => ({ task, ec2InstanceId: i.ec2InstanceId }))), ...this.picture.fargateTasks.map((task) => ({ task }))];
    return this.cachedTiles;
  }
}

/**
 * One family of invariants. It may see every event as it is appended; it is asked after every processed
 * event (`op` undefined) and after every operation, and once the run has settled; each time it returns
 * what it found broken, in words a user would use. A watch `perInstant` is asked after processed events
 * only when virtual time has moved since it was last asked: what it checks holds across an instant, and
 * a caller of the API only ever sees a state between instants.
 */
export interface Watch {
  readonly perInstant?: boolean;
  onEvent?(event: SimEvent): void;
  check(look: Look, op: Op | undefined): string[];
  finish?(look: Look): string[];
}

export const at = (look: Look) => `t=${look.now / 1000}s`;
