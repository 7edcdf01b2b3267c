import type { ContainerDefinition, RegisterTaskDefinitionRequest } from '../../core/index.js';

/** Subnets in two zones: enough for the Fargate scenarios that are not about spreading. */
export const TWO_SUBNETS = ['subnet-0a1b', 'subnet-1c2d'];
/** Subnets in three zones, so awsvpc tasks spread over three zones. */
export const THREE_SUBNETS = [...TWO_SUBNETS, 'subnet-2e3f'];

/**
 * A one-container Fargate task definition, as most scenarios need it: the family names the container;
 * `extra` adds roles, volumes and the like, `container` adds to the container.
 */
export function fargateTaskDefinition(
  family: string,
  image: string,
  size: { cpu: number; memory: number } = { cpu: 256, memory: 512 },
  extra: Partial<RegisterTaskDefinitionRequest> = {},
  container: Partial<ContainerDefinition> = {},
): RegisterTaskDefinitionRequest {
  return {
    family,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: String(size.cpu),
    memory: String(size.memory),
    ...extra,
    containerDefinitions: [{ name: family, image, ...container }],
  };
}
