import { serviceMessages } from '../model/service-messages.js';
import type { BlueGreenProgress } from '../model/blue-green-state.js';
import type { TaskRecord } from '../model/state.js';
import type { HookChange } from './blue-green-deployment.js';
import type { DeploymentProgress } from './managed-daemon-deployment.js';
import type { DeploymentSettlement } from './settle-deployments.js';

/**
 * What one scheduler pass decided for a service, as plain data (Nomad's reconciler results): a decider
 * (rolling-plan.ts, daemon-plan.ts, task-set-plan.ts) computes it from the service, its deployments or task
 * sets, its tasks and the time, without changing anything; apply-plan.ts carries out any plan the same way,
 * with ECS's events and placement-failure reporting.
 *
 * How ECS's other deployment strategies fit (BLUE_GREEN, LINEAR, CANARY with the ECS controller): one more
 * decider over the same input (blue-green-plan.ts), picked in service-scheduler.ts. Green's SCALE_UP is a
 * start order for the green deployment beside blue; bake time and hook callbacks are `wakeAt` times;
 * CLEAN_UP is scaling-activity stop orders for blue's tasks; LINEAR and CANARY differ only in the steps of
 * the traffic shift. What they add that is not about tasks (the lifecycle stage, listener weights, hook
 * states, a rollback to blue) is the `blueGreen` change, carried out by this same applier after the steps.
 */
export interface ServicePlan {
  /** A DAEMON service's desired count: its eligible instances. */
  desiredCount?: number;
  /** Virtual times to look again (a health check grace period's end, start throttling's end). */
  wakeAt: number[];
  /** Applied in order, each one's stops, then its starts (one "stopped" and one "started" event per step). */
  steps: PlanStep[];
  /** Service conditions that open (said once, in ECS's words) or clear once the steps are applied. */
  conditions: ConditionChange[];
  /** A service that runs deployments: which retire, and whether PRIMARY completes. */
  deployments?: DeploymentSettlement;
  /**
   * The decider's word on the service's steady state, when it has one: reached (said if it is new, and with
   * `eventBridge` sent as SERVICE_STEADY_STATE too) or not. Without it, a service that started tasks is not
   * steady.
   */
  steady?: { reached: boolean; eventBridge?: boolean };
  /** A BLUE_GREEN, LINEAR or CANARY deployment moving on: carried out after the steps. */
  blueGreen?: BlueGreenChange;
  /** Container instances to set DRAINING: an ECS Managed Daemon's deployment batch, or its critical task failed there. */
  drainInstances?: string[];
  /** An ECS Managed Daemon's newest deployment moving on (managed-daemon-plan.ts): carried out after the steps. */
  daemonDeployment?: DaemonDeploymentChange;
}

/** A Managed Daemon deployment's state after the pass, and whether a delete is over (the daemon goes). */
export interface DaemonDeploymentChange {
  progress: DeploymentProgress;
  remove: boolean;
}

/** A native blue/green deployment's pass: its new stage, hooks and traffic, and a rollback to blue. */
export interface BlueGreenChange {
  deploymentId: string;
  progress: BlueGreenProgress;
  hookChanges: HookChange[];
  rollback?: { reason: string };
}

export interface PlanStep {
  stop: StopOrder[];
  start: StartOrder[];
  /** A task set's state once its tasks are seen to (STEADY_STATE announced once), or its removal once drained. */
  taskSet?: { id: string; stabilityStatus: 'STEADY_STATE' | 'STABILIZING' } | { id: string; remove: true };
}

export interface StopOrder {
  taskArn: string;
  taskId: string;
  why: StopReason;
}

/** Every service stop has the code ServiceSchedulerInitiated; the reason says which rule stopped the task. */
export type StopReason =
  | { kind: 'scaling-activity'; deploymentId: string }
  | { kind: 'failed-elb-health-checks'; target: NonNullable<TaskRecord['elbUnhealthyTarget']> }
  | { kind: 'failed-container-health-checks' };

export interface StartOrder {
  /** The deployment or task set the tasks belong to (their startedBy), and so their task definition. */
  owner: { id: string; taskDefinitionArn: string };
  count: number;
  placement: Placement;
}

export type Placement =
  /** Where the service's placement strategy and constraints put them; within one provider when its strategy chose one. */
  | { kind: 'service'; capacityProvider?: string }
  /** On this container instance only: a daemon's task. */
  | { kind: 'instance'; instanceArn: string };

/** With a message the condition opens; without one it clears. */
export interface ConditionChange {
  key: string;
  message?: string;
}

export const scalingStop = (task: Pick<TaskRecord, 'arn' | 'id' | 'deploymentId'>, ownerId: string): StopOrder => ({
  taskArn: task.arn,
  taskId: task.id,
  why: { kind: 'scaling-activity', deploymentId: task.deploymentId ?? ownerId },
});

/** The deployment or task set new tasks belong to. */
export const ownerOf = ({ id, taskDefinitionArn }: { id: string; taskDefinitionArn: string }) => ({ id, taskDefinitionArn });

/** Neither bound lets the deployment move: ECS's "unable to stop or start tasks" until it can again. */
export const configurationCondition = (service: { name: string }, blocked: boolean): ConditionChange => ({
  key: 'deployment-configuration',
  ...(blocked ? { message: serviceMessages.blockedByDeploymentConfiguration(service.name) } : {}),
});
