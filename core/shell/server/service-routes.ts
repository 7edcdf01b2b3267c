import type { EcsSimulator } from '../../index.js';
import { applicationAutoScalingApi } from './application-auto-scaling-operations.js';
import { ProtocolError, jsonContentType } from './aws-json-protocol.js';
import { cloudMapApi } from './cloud-map-operations.js';
import { cloudWatchApi } from './cloudwatch-operations.js';
import { ECS_OPERATIONS, TARGET_PREFIX } from './ecs-operations.js';
import { elbv2Api } from './elbv2-operations.js';
import { eventBridgeApi } from './eventbridge-operations.js';
import { iamApi } from './iam-operations.js';
import { invokeAction } from './invoke-action.js';
import { logsApi } from './logs-operations.js';
import { parameterStoreApi, secretsManagerApi } from './secrets-operations.js';
import { invokeServedApi, type QueryServedApi } from './served-api.js';
import { sqsJsonApi, sqsQueryApi } from './sqs-operations.js';

/** Which service and operation a request is for: ECS and its neighbours, all on one port. */
export interface Route {
  /** For the server's log: the ECS action as it is, others as their IAM action (events:PutRule). */
  name: string;
  run: (simulator: EcsSimulator, input: Record<string, unknown>, role?: string) => unknown;
  /** For an AWS JSON service other than ECS: the Content-Type of its answers, errors included (else JSON 1.1). */
  contentType?: string;
}

const JSON_APIS = new Map([cloudMapApi, applicationAutoScalingApi, eventBridgeApi, cloudWatchApi, logsApi, secretsManagerApi, parameterStoreApi, sqsJsonApi].map((api) => [api.targetPrefix, api]));
const QUERY_APIS: readonly QueryServedApi[] = [elbv2Api, cloudWatchApi, iamApi, sqsQueryApi];

/** The services next to ECS that the endpoint answers for, by title: the serve banner names them. */
export const NEIGHBOUR_SERVICES: readonly string[] = [...new Set([...QUERY_APIS, ...JSON_APIS.values()].map((api) => api.title))];

// A caller whose key names a role gets ECS's answer for that role: allowed, or AccessDeniedException.
const ecsRoute = (operation: string): Route => ({
  name: operation,
  run: (simulator, input, role) => invokeAction(role ? (simulator.asRole(role) as EcsSimulator) : simulator, operation, input),
});

/** The route of each ECS operation by its X-Amz-Target, made once: nearly every request takes one. */
const ECS_ROUTES = new Map([...ECS_OPERATIONS].map((operation) => [`${TARGET_PREFIX}.${operation}`, ecsRoute(operation)]));

/** AWS JSON (1.1; 1.0 for SQS and CloudWatch): the X-Amz-Target prefix names the service (`AWSEvents.PutRule`). */
export function jsonRoute(target: string | undefined): Route {
  if (!target) throw new ProtocolError('UnknownOperationException', 'Missing X-Amz-Target header: AWS JSON requests name their action there.');
  const ecs = ECS_ROUTES.get(target);
  if (ecs) return ecs;
  const [prefix, operation, ...rest] = target.split('.');
  if (operation && rest.length === 0) {
    // Not an ECS operation: invokeAction answers UnknownOperationException.
    if (prefix === TARGET_PREFIX) return ecsRoute(operation);
    const api = JSON_APIS.get(prefix);
    if (api) {
      const contentType = jsonContentType(api.jsonVersion ?? '1.1');
      return { name: `${api.actionPrefix}:${operation}`, contentType, run: (simulator, input) => invokeServedApi(api, simulator, operation, input, 'UnknownOperationException') };
    }
  }
  const known = [TARGET_PREFIX, ...JSON_APIS.keys()].map((p) => `${p}.<Action>`).join(', ');
  throw new ProtocolError('UnknownOperationException', `Unknown target ${target}: ecs-lab serves ${known}.`);
}

/**
 * AWS Query: the service is the one in the SigV4 credential scope (`.../elasticloadbalancing/aws4_request`);
 * an unsigned request (curl) is recognised by its Version.
 */
export function queryApi(signingName: string | undefined, version: string | null): QueryServedApi {
  const api = QUERY_APIS.find((a) => a.signingName === signingName) ?? QUERY_APIS.find((a) => signingName === undefined && a.apiVersion === version);
  if (api) return api;
  const served = QUERY_APIS.map((a) => `${a.title} (${a.signingName}, Version ${a.apiVersion})`).join(', ');
  throw new ProtocolError('InvalidAction', `ecs-lab serves the AWS Query protocol for ${served} only.`);
}

export function queryRoute(api: QueryServedApi, action: string | null): Route {
  if (!action) throw new ProtocolError('MissingAction', 'The request has no Action parameter.');
  return { name: `${api.actionPrefix}:${action}`, run: (simulator, input) => invokeServedApi(api, simulator, action, input, 'InvalidAction') };
}
