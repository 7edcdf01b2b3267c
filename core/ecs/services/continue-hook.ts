import { clientError } from '../../kernel/errors.js';
import type { DeploymentRecord } from '../model/state.js';
import { hookId as hookIdOf } from './apply-blue-green.js';

/**
 * ContinueServiceDeployment's part for a PAUSE hook: the deployment must be IN_PROGRESS and the hook
 * `hookId` AWAITING_ACTION; its answer (CONTINUE, the default, or ROLLBACK) is kept for the next scheduler
 * pass, which continues to the next stage or rolls back to blue (blue-green-deployment.ts).
 */
export function continueHook(deployment: DeploymentRecord, hookId: string, action: 'CONTINUE' | 'ROLLBACK' = 'CONTINUE'): void {
  const run = deployment.blueGreen?.hook;
  const waiting = run?.status === 'AWAITING_ACTION' && hookIdOf(deployment, deployment.blueGreen!.stage, run.index) === hookId;
  if (deployment.rolloutState !== 'IN_PROGRESS' || !waiting) {
    throw clientError(`The service deployment has no lifecycle hook ${hookId} waiting for an answer.`, 'hookId');
  }
  run.action = action;
}
