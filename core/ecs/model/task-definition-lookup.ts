import type { TaskDefinition } from './types.js';
import type { SimContext } from '../../kernel/context.js';

/** The registered task definition behind an ARN the engine itself stored (so it always exists). */
export function findTaskDefinition(ctx: SimContext, arn: string): TaskDefinition {
  const match = /task-definition\/([^:]+):(\d+)$/.exec(arn)!;
  return ctx.state.taskDefinitions.get(match[1])![Number(match[2]) - 1];
}
