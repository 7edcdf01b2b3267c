import { describe, expect, it } from 'vitest';
import { ECS_API_MODEL, type EcsOperationName } from '../../core/ecs/api-model/ecs-api-model.js';
import { EcsError } from '../../core/index.js';
import { validateShape } from '../../core/kernel/validate-shape.js';
import { ECS_OPERATION_NAMES, methodName } from '../../core/sim/ecs-operations.js';
import { populatedSimulator } from '../hostile/populated-simulator.js';
import { fullRequest } from './model-samples.js';

const OPERATIONS = Object.keys(ECS_API_MODEL.operations) as EcsOperationName[];

/** Members the populated simulator has, so that a request gets past its first lookups. */
const KNOWN = { cluster: 'default', service: 'web', taskDefinition: 'web' };

describe('every member of every input shape of the ECS model', () => {
  it('is in the model as 88 operations, one per @aws-sdk/client-ecs command', () => {
    expect(OPERATIONS).toHaveLength(88);
  });

  it.each(OPERATIONS)('%s: a request with every member, nested, passes the model checks', (operation) => {
    expect(() => validateShape(ECS_API_MODEL, ECS_API_MODEL.operations[operation].input, fullRequest(operation), '')).not.toThrow();
  });

  it.each(ECS_OPERATION_NAMES)('%s: the engine refuses no member by its name', (operation) => {
    const request = { ...fullRequest(operation), ...Object.fromEntries(Object.entries(KNOWN).filter(([name]) => name in fullRequest(operation))) };
    const { sim } = populatedSimulator();
    try {
      (sim[methodName(operation)] as (request: unknown) => unknown)(request);
    } catch (error) {
      expect(error).toBeInstanceOf(EcsError);
      expect((error as EcsError).message).not.toMatch(/Unknown parameter/);
    }
  });

  it('refuses a member the model lacks, suggesting the closest', () => {
    const { sim } = populatedSimulator();
    expect(() => sim.createService({ serviceName: 'api', taskDefinition: 'web', desiredCount: 1, desiredCont: 2 } as never)).toThrow('Unknown parameter desiredCont; did you mean desiredCount?');
    expect(() => sim.registerTaskDefinition({ family: 'api', containerDefinitions: [{ name: 'api', image: 'api:1', memory: 128, linuxParameter: {} }] } as never)).toThrow(
      'Unknown parameter containerDefinitions[0].linuxParameter; did you mean linuxParameters?',
    );
  });
});
