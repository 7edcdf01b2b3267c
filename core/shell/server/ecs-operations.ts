import { ECS_API_MODEL } from '../../ecs/api-model/ecs-api-model.js';

/**
 * Every operation of the ECS API (AmazonEC2ContainerServiceV20141113), as AWS's model lists them. Only these
 * names can reach the simulator: the facade also has private helpers, which JavaScript would let a crafted
 * X-Amz-Target call.
 */
export const ECS_OPERATIONS: ReadonlySet<string> = new Set(Object.keys(ECS_API_MODEL.operations));

export const TARGET_PREFIX = ECS_API_MODEL.metadata.targetPrefix;

/** `DescribeServices` -> `describeServices`: the facades name their methods after the actions. */
export function facadeMethodName(operation: string): string {
  return operation.charAt(0).toLowerCase() + operation.slice(1);
}
