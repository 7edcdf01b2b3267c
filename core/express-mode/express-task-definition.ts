import type { RegisterTaskDefinitionRequest } from '../ecs/model/types.js';
import { PRIMARY_CONTAINER_NAME } from './express-defaults.js';
import type { ExpressContainer, ExpressConfiguration } from './express-state.js';

/**
 * The task definition Express Mode registers for a primary container: family named after the service, one
 * essential container "Main" with its port, awslogs to the service's log group, awsvpc on Fargate (developer
 * guide, "Task definition defaults"). Pure.
 */
export function expressTaskDefinition(
  serviceName: string,
  region: string,
  configuration: Pick<ExpressConfiguration, 'cpu' | 'memory' | 'executionRoleArn' | 'taskRoleArn'>,
  container: ExpressContainer,
): RegisterTaskDefinitionRequest {
  const { cpu, memory, executionRoleArn, taskRoleArn } = configuration;
  return {
    family: serviceName,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu,
    memory,
    ...(executionRoleArn !== undefined ? { executionRoleArn } : {}),
    ...(taskRoleArn !== undefined ? { taskRoleArn } : {}),
    containerDefinitions: [
      {
        name: PRIMARY_CONTAINER_NAME,
        image: container.image,
        essential: true,
        portMappings: [{ containerPort: container.containerPort, protocol: 'tcp' }],
        ...(container.command ? { command: [...container.command] } : {}),
        ...(container.environment ? { environment: container.environment.map((e) => ({ ...e })) } : {}),
        ...(container.secrets ? { secrets: container.secrets.map((s) => ({ ...s })) } : {}),
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': container.awsLogsConfiguration.logGroup,
            'awslogs-region': region,
            'awslogs-stream-prefix': container.awsLogsConfiguration.logStreamPrefix,
          },
        },
      },
    ],
  };
}
