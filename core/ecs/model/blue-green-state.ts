import type { HookStage } from './types.js';

/**
 * Where an ECS-native BLUE_GREEN, LINEAR or CANARY deployment is, kept on its deployment record
 * (services/blue-green-deployment.ts decides how it moves on).
 */
export type BlueGreenStage = HookStage | 'SCALE_UP' | 'BAKE_TIME' | 'CLEAN_UP';

export interface HookRun {
  /** Index in deploymentConfiguration.lifecycleHooks. */
  index: number;
  status: 'IN_PROGRESS' | 'AWAITING_ACTION';
  startedAt: number;
  /** An IN_PROGRESS Lambda hook: when ECS calls the function again. */
  nextCallAt?: number;
  /** A PAUSE hook: what ContinueServiceDeployment said. */
  action?: 'CONTINUE' | 'ROLLBACK';
}

export interface BlueGreenProgress {
  stage: BlueGreenStage;
  /** When the stage (in PRODUCTION_TRAFFIC_SHIFT, the step) began: bake times count from here. */
  since: number;
  /** The production step (index in the shift plan's percents). */
  step: number;
  /** The stage's own work is done (weights written, tasks up); its hooks run next. */
  worked: boolean;
  /** Hooks of this stage already finished. */
  hooksDone: number;
  hook?: HookRun;
  greenPercent: number;
  testOnGreen: boolean;
}

/** What a simulated Lambda function answers (set by a scenario or /_sim/); `error` is a function error or a timeout. */
export type LambdaAnswer = { hookStatus?: 'SUCCEEDED' | 'FAILED' | 'IN_PROGRESS'; callBackDelay?: number } | { error: string };
