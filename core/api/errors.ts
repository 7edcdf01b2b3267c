/** Exception names of the services the simulator models, as their APIs return them in `__type`. */
export type ElbExceptionName =
  | 'ValidationError'
  | 'TargetGroupNotFoundException'
  | 'LoadBalancerNotFoundException'
  | 'DuplicateTargetGroupNameException'
  | 'DuplicateLoadBalancerNameException'
  | 'DuplicateListenerException'
  | 'ListenerNotFoundException';

export type AutoScalingExceptionName = 'ValidationException' | 'ObjectNotFoundException';

export type IamExceptionName = 'NoSuchEntity' | 'EntityAlreadyExists' | 'MalformedPolicyDocument' | 'ResourceExistsException';

export type EventBridgeExceptionName = 'ResourceNotFoundException';

export type CloudMapExceptionName = 'NamespaceNotFound' | 'ServiceNotFound' | 'NamespaceAlreadyExists' | 'ServiceAlreadyExists' | 'InvalidInput';

export type EcsExceptionName =
  | ElbExceptionName
  | IamExceptionName
  | EventBridgeExceptionName
  | AutoScalingExceptionName
  | CloudMapExceptionName
  | 'ClientException'
  | 'InvalidParameterException'
  | 'ServerException'
  | 'ClusterNotFoundException'
  | 'ServiceNotFoundException'
  | 'ServiceNotActiveException'
  | 'ResourceInUseException'
  | 'LimitExceededException'
  | 'AccessDeniedException'
  | 'UnsupportedFeatureException'
  | 'ResourceNotFoundException';

/** An error the simulated ECS API answers with. `name` is the ECS exception name. */
export class EcsError extends Error {
  readonly name: EcsExceptionName;
  /** The request field the error is about, when there is one (for editors that point at the input). */
  readonly field?: string;

  constructor(name: EcsExceptionName, message: string, field?: string) {
    super(message);
    this.name = name;
    this.field = field;
  }

  toJSON(): { __type: EcsExceptionName; message: string } {
    return { __type: this.name, message: this.message };
  }
}

export const clientError = (message: string, field?: string) => new EcsError('ClientException', message, field);
export const invalidParameter = (message: string, field?: string) =>
  new EcsError('InvalidParameterException', message, field);
