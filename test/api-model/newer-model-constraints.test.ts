import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';
import type { EcsOperationName } from '../../core/ecs/api-model/ecs-api-model.js';
import { methodName } from '../../core/sim/ecs-operations.js';
import { rejection } from '../core/rejection.js';
import { minimalRequest } from './model-samples.js';

/**
 * The members of the operations and shapes newer than AWS's Smithy model at hand are checked as the newer
 * models say: enum values from the SDK's own types, ranges and lengths from botocore's model.
 */
const call = (operation: EcsOperationName, extra: Record<string, unknown>) => () => {
  const sim = createSimulator();
  (sim[methodName(operation)] as (request: unknown) => unknown)({ ...minimalRequest(operation), ...extra });
};

const monitoring = (metric: Record<string, unknown>) => ({ monitoring: { metricConfigurations: [{ metricNames: ['CPUUtilization'], resolutionSeconds: 60, ...metric }] } });

describe('a member of an operation newer than the Smithy model', () => {
  it.each([
    ['ContinueServiceDeployment', { action: 'PAUSE' }, 'action', 'action must be one of ROLLBACK, CONTINUE (got "PAUSE").'],
    ['CreateGateway', { propagateTags: 'ALL' }, 'propagateTags', 'propagateTags must be one of GATEWAY, NONE (got "ALL").'],
    ['ListGateways', { status: ['GONE'] }, 'status[0]', 'status[0] must be one of ACTIVE, DELETED, UPDATE_COMPLETE, UPDATE_FAILED, UPDATE_IN_PROGRESS (got "GONE").'],
    ['UpdateGateway', { configuration: { hostSharedAlb: { httpDesync: 'lax' } } }, 'configuration.hostSharedAlb.httpDesync', 'configuration.hostSharedAlb.httpDesync must be one of defensive, monitor, strictest (got "lax").'],
  ] as const)('%s with %j is refused, naming the member and its values', (operation, extra, field, message) => {
    expect(rejection(call(operation, extra))).toEqual({ name: 'InvalidParameterException', field, message });
  });

  it('with a value of its enum gets past the model checks to the engine', () => {
    expect(rejection(call('ContinueServiceDeployment', { action: 'CONTINUE' })).message).not.toMatch(/must be one of/);
  });
});

describe('a member added to an existing operation after the Smithy model', () => {
  it('is checked against the ranges and lengths of the newer model', () => {
    expect(rejection(call('UpdateService', monitoring({ resolutionSeconds: 10 })))).toMatchObject({
      field: 'monitoring.metricConfigurations[0].resolutionSeconds',
      message: 'monitoring.metricConfigurations[0].resolutionSeconds must be at least 20 (got 10).',
    });
    const sixNames = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(rejection(call('UpdateService', monitoring({ metricNames: sixNames }))).message).toBe('monitoring.metricConfigurations[0].metricNames can have at most 5 items (got 6).');
    const hook = { targetType: 'PAUSE', lifecycleStages: ['PRE_SCALE_UP'], timeoutConfiguration: { timeoutInMinutes: 20161 } };
    expect(rejection(call('UpdateService', { deploymentConfiguration: { lifecycleHooks: [hook] } }))).toMatchObject({
      field: 'deploymentConfiguration.lifecycleHooks[0].timeoutConfiguration.timeoutInMinutes',
      message: 'deploymentConfiguration.lifecycleHooks[0].timeoutConfiguration.timeoutInMinutes must be at most 20160 (got 20161).',
    });
  });

  it('takes the enum values the SDK added to an existing enum: a hook before production traffic moves is accepted', () => {
    const hook = { targetType: 'PAUSE', lifecycleStages: ['PRE_PRODUCTION_TRAFFIC_SHIFT'] };
    // The Smithy model at hand lacked the stage and refused it; past the model, the engine finds no cluster.
    expect(rejection(call('UpdateService', { deploymentConfiguration: { lifecycleHooks: [hook] } })).name).toBe('ClusterNotFoundException');
  });
});
