import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ECS_API_MODEL, type EcsOperationName } from '../../core/ecs/api-model/ecs-api-model.js';
import { minimalRequest } from '../api-model/model-samples.js';
import { rawCall, startTestServer, type TestServer } from './test-server.js';

/**
 * Every operation of the pinned @aws-sdk/client-ecs, called over the wire with its required members: ECS's
 * answer, or one of the errors the model lists for it (a made-up ARN is not found), never "unknown operation"
 * nor an engine failure.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const OPERATIONS = Object.keys(ECS_API_MODEL.operations) as EcsOperationName[];
const ALWAYS_POSSIBLE = ['ClientException', 'InvalidParameterException', 'AccessDeniedException'];

describe('every ECS operation answers over the wire', () => {
  it.each(OPERATIONS)('%s', async (operation) => {
    const { status, body } = await rawCall(t.server, `AmazonEC2ContainerServiceV20141113.${operation}`, JSON.stringify(minimalRequest(operation)));
    if (status === 200) return;
    expect(status, `${body.__type}: ${body.message}`).toBe(400);
    // An operation AWS's Smithy model does not have yet lists no errors: any of ECS's exceptions may answer.
    const { errors } = ECS_API_MODEL.operations[operation];
    expect([...(errors.length > 0 ? errors : ECS_API_MODEL.exceptions), ...ALWAYS_POSSIBLE], `${body.__type}: ${body.message}`).toContain(body.__type);
  });
});
