/** Exception names of the services the simulator models, as their APIs return them in `__type`. */
export type ElbExceptionName =
  | 'ValidationError'
  | 'TargetGroupNotFoundException'
  | 'LoadBalancerNotFoundException'
  | 'DuplicateTargetGroupNameException'
  | 'DuplicateLoadBalancerNameException'
  | 'DuplicateListenerException'
  | 'ListenerNotFoundException'
  | 'RuleNotFoundException'
  | 'PriorityInUseException'
  | 'OperationNotPermittedException';

export type AutoScalingExceptionName = 'ValidationException' | 'ObjectNotFoundException';

export type IamExceptionName = 'NoSuchEntity' | 'EntityAlreadyExists' | 'MalformedPolicyDocument' | 'ResourceExistsException';

export type EventBridgeExceptionName = 'ResourceNotFoundException';

/** CloudWatch Logs also answers InvalidParameterException and ResourceNotFoundException. */
export type LogsExceptionName = 'ResourceAlreadyExistsException';

export type CloudMapExceptionName = 'NamespaceNotFound' | 'ServiceNotFound' | 'NamespaceAlreadyExists' | 'ServiceAlreadyExists' | 'InvalidInput';

export type SqsExceptionName =
  | 'QueueDoesNotExist'
  | 'QueueNameExists'
  | 'InvalidAttributeName'
  | 'InvalidAttributeValue'
  | 'ReceiptHandleIsInvalid'
  | 'InvalidParameterValue';

/** EC2's answers to the VPC calls the simulator models (VPC endpoints). */
export type Ec2ExceptionName = 'InvalidServiceName' | 'InvalidParameter' | 'UnknownParameter';

export type EcsExceptionName =
  | ElbExceptionName
  | Ec2ExceptionName
  | SqsExceptionName
  | IamExceptionName
  | EventBridgeExceptionName
  | AutoScalingExceptionName
  | CloudMapExceptionName
  | LogsExceptionName
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
  | 'ResourceNotFoundException'
  | 'AttributeLimitExceededException'
  | 'TargetNotFoundException'
  | 'TargetNotConnectedException'
  | 'ServiceDeploymentNotFoundException'
  | 'NoUpdateAvailableException'
  | 'DaemonNotFoundException'
  | 'DaemonNotActiveException'
  | 'GatewayNotFoundException'
  | 'NamespaceNotFoundException';

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

/** Runs `check` and answers its InvalidParameterException as `name`: the field helpers speak ECS, other services differ. */
export function answeringAs<T>(name: EcsExceptionName, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof EcsError && error.name === 'InvalidParameterException') throw new EcsError(name, error.message, error.field);
    throw error;
  }
}
