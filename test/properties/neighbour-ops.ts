import type { ServiceName, Image } from './chaos-ops.js';

/**
 * Chaos operations on the services around ECS, as plain data like the rest of a run: SQS queues and the
 * test's own consumer, EventBridge rules that run tasks, Application Auto Scaling step and scheduled
 * scaling, the EXTERNAL controller's task sets, and the target groups' deregistration delay.
 */
export const QUEUE = 'chaos-jobs';
export const DEAD_LETTER_QUEUE = 'chaos-jobs-dlq';
/** A message whose body contains this crashes the worker that takes it. */
export const POISON = 'poison';
/** The IAM role every chaos task definition names, so that any image may be a queue worker. */
export const TASK_ROLE = 'chaos-task-role';
export const RULES = ['chaos-r1', 'chaos-r2'] as const;
/** The services the runs around ECS start with: one deployed blue/green by CodeDeploy, one EXTERNAL. */
export const BLUE_GREEN_SERVICE: ServiceName = 's4';
export const EXTERNAL_SERVICE: ServiceName = 's3';
/** What rules run: a Fargate batch job that exits 0 after JOB_SECONDS, as scheduled tasks do. */
export const JOB_FAMILY = 'chaos-job';
export const JOB_IMAGE = 'chaos-job:1';
export const JOB_SECONDS = 20;
/** Custom events a pattern rule may wait for (PutEvents). */
export const CUSTOM_SOURCE = 'chaos.app';
export const CUSTOM_DETAIL_TYPE = 'Job Submitted';

export type RuleName = (typeof RULES)[number];
export type QueueSide = 'main' | 'dlq';
/** every-minute: rate(1 minute); every-5-minutes: rate(5 minutes); hourly: cron at `minute` of every hour; once: at() `minute` minutes ahead. */
export type ScheduleChoice = { kind: 'every-minute' } | { kind: 'every-5-minutes' } | { kind: 'hourly'; minute: number } | { kind: 'once'; minutesAhead: number };
/** custom: the PutEvents jobs; service-task-stopped: every STOPPED task of a service. */
export type PatternChoice = 'custom' | 'service-task-stopped';

export type NeighbourOp =
  /** The dead-letter queue and the queue workers poll; with maxReceiveCount, a redrive policy between them. */
  | { op: 'createQueues'; visibility: number; maxReceiveCount?: number }
  /** maxReceiveCount null removes the redrive policy. */
  | { op: 'setQueueAttributes'; visibility?: number; maxReceiveCount?: number | null }
  | { op: 'sendMessages'; count: number; poison: boolean; delay: number }
  /** The test's own consumer receives (visibility: its VisibilityTimeout, else the queue's), and may delete what it got at once. */
  | { op: 'receiveMessages'; from: QueueSide; max: number; visibility?: number; deleteAtOnce?: boolean }
  /** The test deletes a message it received, by that receive's handle (the latest, or a stale one). */
  | { op: 'deleteReceived'; pick: number }
  /** The image becomes a worker of QUEUE that crashes on poison messages. */
  | { op: 'registerWorkerImage'; image: Image; secondsPerMessage: number }
  | { op: 'putScheduleRule'; rule: RuleName; schedule: ScheduleChoice; taskCount: number }
  | { op: 'putPatternRule'; rule: RuleName; pattern: PatternChoice; taskCount: number }
  | { op: 'putEvents'; count: number }
  /** RemoveTargets, then DeleteRule. */
  | { op: 'deleteRule'; rule: RuleName }
  /** Step scaling on the service's CPU: a CloudWatch alarm whose action is the policy. */
  | { op: 'stepScale'; service: ServiceName; min: number; max: number; direction: 'out' | 'in'; threshold: number; adjustment: StepAdjustmentChoice }
  /** A scheduled action: once, `minutesAhead` from now, or every 5 minutes. */
  | { op: 'scheduleScaling'; service: ServiceName; min?: number; max?: number; recurring: boolean; minutesAhead: number }
  | { op: 'deregisterScalableTarget'; service: ServiceName }
  /** EXTERNAL controller: a task set of a revision, at `scale` percent, behind a target group or none. */
  | { op: 'createTaskSet'; service: ServiceName; revision: number; scale: number; targetGroup?: 0 | 1 }
  | { op: 'updateTaskSet'; service: ServiceName; pick: number; scale: number }
  | { op: 'promoteTaskSet'; service: ServiceName; pick: number }
  | { op: 'deleteTaskSet'; service: ServiceName; pick: number; force: boolean }
  | { op: 'setDeregistrationDelay'; targetGroup: 0 | 1; seconds: number };

export type StepAdjustmentChoice = { type: 'ChangeInCapacity'; by: number } | { type: 'PercentChangeInCapacity'; by: number } | { type: 'ExactCapacity'; to: number };
