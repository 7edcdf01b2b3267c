import type { TaskDefinition } from './types.js';
import type { SimContext } from '../../kernel/context.js';
import { daemonTaskDefinitionOf } from './daemon-task-definition.js';

/** The registered task definition behind an ARN the engine itself stored (so it always exists), a daemon's too. */
export function findTaskDefinition(ctx: SimContext, arn: string): TaskDefinition {
  if (arn.includes(':daemon-task-definition/')) return daemonTaskDefinitionOf(ctx.state.managedDaemons.taskDefinitions.get(arn)!, ctx.accountId);
  const match = /task-definition\/([^:]+):(\d+)$/.exec(arn)!;
  return ctx.state.taskDefinitions.get(match[1])![Number(match[2]) - 1];
}
