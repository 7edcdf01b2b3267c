import type { DaemonTaskDefinitionRecord } from './daemon-task-definition.js';
import type { ServiceRecord } from './state.js';
import type { Tag } from './types.js';

/**
 * ECS Managed Daemons: a daemon runs one task of its daemon task definition on every instance of its
 * Managed Instances capacity providers. Each create, update or delete is a daemon deployment, which drains
 * instances in batches so that their replacements come up with the new revision (services/daemons-api.ts).
 */
export type DaemonDeploymentStatus =
  | 'PENDING'
  | 'IN_PROGRESS'
  | 'SUCCESSFUL'
  | 'STOPPED'
  | 'STOP_REQUESTED'
  | 'ROLLBACK_IN_PROGRESS'
  | 'ROLLBACK_SUCCESSFUL'
  | 'ROLLBACK_FAILED';

export interface DaemonDeploymentConfiguration {
  /** Percent of the instances drained at once. */
  drainPercent: number;
  /** Minutes to wait after each batch before the next (and before the deployment ends). */
  bakeTimeInMinutes: number;
  alarms?: { alarmNames: string[]; enable: boolean };
}

/** What one revision of the daemon runs: immutable, like a service revision. */
export interface DaemonRevisionRecord {
  arn: string;
  daemonTaskDefinitionArn: string;
  /** A critical daemon's task that stops or turns unhealthy takes its instance out of service. */
  critical: boolean;
  enableExecuteCommand: boolean;
  enableECSManagedTags: boolean;
  propagateTags: 'DAEMON' | 'NONE';
  createdAt: number;
}

export interface DaemonDeploymentRecord {
  arn: string;
  status: DaemonDeploymentStatus;
  statusReason?: string;
  /** The revision it deploys; none for the deployment that deletes the daemon. */
  targetRevisionArn?: string;
  /** The revisions that ran when it was created. */
  sourceRevisionArns: string[];
  configuration: DaemonDeploymentConfiguration;
  capacityProviders: string[];
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  stoppedAt?: number;
  /** The instances of the batch it drained last that have not left yet. */
  draining: string[];
  /** When its last batch had left: the bake time counts from here. */
  bakingSince?: number;
  /** Tasks of the revision it deploys that failed (start, exit, health): what the circuit breaker counts. */
  failedTasks: number;
  triggeredAlarms?: string[];
  /** An alarm or the circuit breaker sent it back to the revision that ran before. */
  rollback?: { reason: string; startedAt: number; targetRevisionArn: string };
}

export interface DaemonRecord {
  arn: string;
  name: string;
  clusterName: string;
  status: 'ACTIVE' | 'DELETE_IN_PROGRESS';
  /** Managed Instances capacity provider names. */
  capacityProviders: string[];
  /** Oldest first. */
  revisions: DaemonRevisionRecord[];
  /** Newest first. */
  deployments: DaemonDeploymentRecord[];
  createdAt: number;
  updatedAt: number;
  tags: Tag[];
  /**
   * The record the service scheduler runs the daemon's passes on, so that the one plan applier starts its
   * tasks (services/service-scheduler.ts). It is no service: ListServices never shows it.
   */
  scheduler: ServiceRecord;
}

export interface ManagedDaemonsState {
  /** Daemon task definition revisions by ARN, in the order they were registered. */
  taskDefinitions: Map<string, DaemonTaskDefinitionRecord>;
  /** By daemon ARN, in the order they were created. */
  daemons: Map<string, DaemonRecord>;
  /** Daemon revisions and deployments are numbered in one sequence, as their ARNs show. */
  lastId: number;
}

declare module '../../kernel/context.js' {
  interface SimState {
    managedDaemons: ManagedDaemonsState;
  }
}

export const createManagedDaemonsState = (): ManagedDaemonsState => ({ taskDefinitions: new Map(), daemons: new Map(), lastId: 0 });

/** The revision new instances get: the one a rollback went back to, else the newest deployment's; none while deleting. */
export function daemonTarget(daemon: DaemonRecord): DaemonRevisionRecord | undefined {
  if (daemon.status !== 'ACTIVE') return undefined;
  const [latest] = daemon.deployments;
  const arn = latest.rollback?.targetRevisionArn ?? latest.targetRevisionArn;
  return daemon.revisions.find((r) => r.arn === arn);
}

/** The cluster's daemons whose capacity providers include `provider`. */
export function daemonsOfProvider(daemons: Iterable<DaemonRecord>, clusterName: string, provider: string | undefined): DaemonRecord[] {
  return [...daemons].filter((d) => d.clusterName === clusterName && provider !== undefined && d.capacityProviders.includes(provider));
}
