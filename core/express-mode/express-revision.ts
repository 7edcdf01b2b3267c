import { EcsError, invalidParameter } from '../kernel/errors.js';
import type { SimContext } from '../kernel/context.js';
import type { RegisterTaskDefinitionRequest, TaskDefinition } from '../ecs/model/types.js';
import { resolveTaskDefinition } from '../ecs/model/resolve.js';
import { validateTaskDefinition } from '../ecs/task-definitions/task-definition.js';
import { registerTaskDefinition } from '../ecs/task-definitions/task-definitions-api.js';
import { PRIMARY_CONTAINER_NAME } from './express-defaults.js';
import { expressTaskDefinition } from './express-task-definition.js';
import type { ExpressConfiguration } from './express-state.js';

/**
 * The task definition a configuration runs: the caller's own (taskDefinitionArn), which must run on Fargate
 * in awsvpc mode with a container named Main that maps a port, or the one Express Mode registers for the
 * primary container. Checked without changing anything; `deploy` then registers it if it is new.
 */
export interface Revision {
  existing?: TaskDefinition;
  toRegister?: RegisterTaskDefinitionRequest;
  /** The port of Main the load balancer sends traffic to. */
  containerPort: number;
  /** The task size, from the caller's task definition when it brought one. */
  cpu: string;
  memory: string;
}

export function checkRevision(ctx: SimContext, serviceName: string, configuration: ExpressConfiguration): Revision {
  if (configuration.primaryContainer) {
    const request = expressTaskDefinition(serviceName, ctx.region, configuration, configuration.primaryContainer);
    asExpressFields(() => validateTaskDefinition(request));
    return { toRegister: request, containerPort: configuration.primaryContainer.containerPort, cpu: configuration.cpu, memory: configuration.memory };
  }
  const existing = resolveTaskDefinition(ctx, configuration.taskDefinitionArn, 'taskDefinitionArn');
  if (existing.status !== 'ACTIVE') throw invalidParameter(`TaskDefinition is inactive: ${existing.family}:${existing.revision}`, 'taskDefinitionArn');
  if (!existing.compatibilities.includes('FARGATE')) throw invalidParameter('Task definition does not support launch_type FARGATE.', 'taskDefinitionArn');
  const main = existing.containerDefinitions.find((c) => c.name === PRIMARY_CONTAINER_NAME);
  const containerPort = main?.portMappings?.find((m) => m.containerPort !== undefined)?.containerPort;
  if (containerPort === undefined) {
    throw invalidParameter(`The task definition needs a container named ${PRIMARY_CONTAINER_NAME} with a port mapping: Express Mode sends the load balancer's traffic to it.`, 'taskDefinitionArn');
  }
  return { existing, containerPort, cpu: existing.cpu!, memory: existing.memory! };
}

/** The ARN of the revision's task definition, registering the one Express Mode describes. */
export function deployRevision(ctx: SimContext, revision: Revision): string {
  return revision.existing?.taskDefinitionArn ?? registerTaskDefinition(ctx, revision.toRegister!).taskDefinition.taskDefinitionArn;
}

/** RegisterTaskDefinition's refusals, named by the Express request's members (primaryContainer for the container). */
function asExpressFields(check: () => unknown): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof EcsError) || !error.field) throw error;
    throw new EcsError(error.name, error.message, error.field.replace(/^containerDefinitions\[0\]/, 'primaryContainer'));
  }
}
