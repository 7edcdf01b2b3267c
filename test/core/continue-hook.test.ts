import { describe, expect, it } from 'vitest';
import { continueHook } from '../../core/ecs/services/continue-hook.js';
import { initialProgress } from '../../core/ecs/services/blue-green-deployment.js';
import type { DeploymentRecord } from '../../core/ecs/model/state.js';
import { rejection } from './rejection.js';

const paused = (): DeploymentRecord => ({
  id: 'ecs-svc/1234567890123456789',
  status: 'PRIMARY',
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2',
  createdAt: 0,
  updatedAt: 0,
  rolloutState: 'IN_PROGRESS',
  rolloutStateReason: '',
  failedTasks: 0,
  blueGreen: { ...initialProgress(0), stage: 'POST_TEST_TRAFFIC_SHIFT', worked: true, hook: { index: 0, status: 'AWAITING_ACTION', startedAt: 0 } },
});

describe('ContinueServiceDeployment on a PAUSE hook', () => {
  it('keeps the answer for the next pass, CONTINUE by default', () => {
    const deployment = paused();
    continueHook(deployment, '1234567890123456789-POST_TEST_TRAFFIC_SHIFT-0');
    expect(deployment.blueGreen!.hook!.action).toBe('CONTINUE');
    const rolledBack = paused();
    continueHook(rolledBack, '1234567890123456789-POST_TEST_TRAFFIC_SHIFT-0', 'ROLLBACK');
    expect(rolledBack.blueGreen!.hook!.action).toBe('ROLLBACK');
  });

  it('refuses a hook that is not waiting, or a deployment no longer in progress, with ClientException', () => {
    expect(rejection(() => continueHook(paused(), '1234567890123456789-PRE_SCALE_UP-0'))).toMatchObject({ name: 'ClientException', field: 'hookId' });
    const failed = { ...paused(), rolloutState: 'FAILED' as const };
    expect(rejection(() => continueHook(failed, '1234567890123456789-POST_TEST_TRAFFIC_SHIFT-0')).message).toMatch(/no lifecycle hook .* waiting/);
  });
});
