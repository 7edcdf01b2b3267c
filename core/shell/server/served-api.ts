import { EcsError, type EcsSimulator } from '../../index.js';
import { ProtocolError, faultOf, statusOfException, type JsonVersion } from './aws-json-protocol.js';
import { facadeMethodName } from './ecs-operations.js';
import { PASCAL_PAGE_FIELDS, pageAnswer, type PageFields } from './paginate.js';

export type ServedOperation = (simulator: EcsSimulator, input: Record<string, unknown>) => unknown;

/**
 * A service next to ECS that the endpoint answers for (Cloud Map, Application Auto Scaling, EventBridge,
 * ELBv2, CloudWatch): the operations it maps onto the engine's facades, and how that service spells errors.
 */
export interface ServedApi {
  /** As AWS names the service, for messages: "AWS Cloud Map". */
  title: string;
  /** The IAM action prefix (`events` in events:PutRule), which names the call in the server's log. */
  actionPrefix: string;
  operations: Readonly<Record<string, ServedOperation>>;
  /**
   * Engine exception names this service spells otherwise: the engine's shared validators throw ECS's
   * InvalidParameterException, and ELBv2 answers the code TargetGroupNotFound for TargetGroupNotFoundException.
   */
  errorCodes: Readonly<Record<string, string>>;
}

/** A service spoken in AWS JSON, found by the prefix of its X-Amz-Target. */
export interface JsonServedApi extends ServedApi {
  targetPrefix: string;
  /** The AWS JSON version of the service's model, which its answers' Content-Type names; 1.1 unless set. */
  jsonVersion?: JsonVersion;
  /**
   * Set for a service that moved from AWS Query to JSON and still names its errors the Query way
   * (awsQueryCompatible, as SQS): every engine error it answers also carries `x-amzn-query-error:
   * <Query code>;Sender` (`;Receiver` for a 5xx), the code the SDKs and the CLI then report. Holds the engine
   * exceptions whose Query code is not their own name.
   */
  queryErrorCodes?: Readonly<Record<string, string>>;
}

/** A service spoken in the AWS Query protocol (form-encoded requests, XML answers). */
export interface QueryServedApi extends ServedApi {
  /** The service in the SigV4 credential scope: `elasticloadbalancing`, `monitoring`. */
  signingName: string;
  apiVersion: string;
  xmlNamespace: string;
  /** Query requests carry every value as text: the members that are numbers or booleans in the model. */
  numberMembers: ReadonlySet<string>;
  booleanMembers: ReadonlySet<string>;
  /** How the result's members are written, for a service whose XML is not the generic Query layout (SQS's flattened lists). */
  resultXml?: (result: unknown) => string;
}

/** Runs one operation of `api` on the simulator; an engine error leaves with the service's own name (and Query code). */
export function invokeServedApi(
  api: ServedApi & Pick<JsonServedApi, 'queryErrorCodes'>,
  simulator: EcsSimulator,
  operation: string,
  input: Record<string, unknown>,
  unknownOperation: string,
): unknown {
  // hasOwn: a crafted name such as "constructor" must not reach Object.prototype.
  const run = Object.hasOwn(api.operations, operation) ? api.operations[operation] : undefined;
  if (!run) {
    throw new ProtocolError(unknownOperation, `ecs-lab does not serve the ${api.title} operation ${operation}; it serves ${Object.keys(api.operations).join(', ')}.`);
  }
  try {
    return run(simulator, input);
  } catch (error) {
    if (!(error instanceof EcsError)) throw error;
    const code = api.errorCodes[error.name];
    const queryCodes = api.queryErrorCodes;
    if (!code && !queryCodes) throw error;
    const status = statusOfException(error.name);
    const queryError = queryCodes && `${queryCodes[error.name] ?? error.name};${faultOf(status)}`;
    throw new ProtocolError(code ?? error.name, error.message, status, queryError);
  }
}

type Facade = Record<string, (request: never) => unknown>;

/**
 * Operations whose request goes as it came to the facade method of the same name (CreateLogGroup ->
 * createLogGroup): the engine validates it. The names are checked against the facade's methods.
 */
export function facadeOperations<F extends Facade>(facade: (simulator: EcsSimulator) => F, operations: ReadonlyArray<Capitalize<keyof F & string>>): Record<string, ServedOperation> {
  return Object.fromEntries(operations.map((operation): [string, ServedOperation] => [operation, (simulator, input) => facade(simulator)[facadeMethodName(operation)](input as never)]));
}

/**
 * A list operation whose engine answer is the whole list, paged here with the service's paging fields
 * (MaxResults and NextToken unless given), which are taken out of the request the engine sees.
 */
export const pagedList =
  (
    member: string,
    maxPage: number,
    method: (simulator: EcsSimulator) => (request: never) => unknown,
    fields: PageFields = PASCAL_PAGE_FIELDS,
    answerToken: string = fields.nextToken,
  ): ServedOperation =>
  (simulator, { [fields.maxResults]: maxResults, [fields.nextToken]: nextToken, ...rest }) =>
    pageAnswer(method(simulator)(rest as never) as Record<string, unknown>, member, { maxResults, nextToken }, maxPage, fields, answerToken);
