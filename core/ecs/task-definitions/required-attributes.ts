import type { RegisterTaskDefinitionRequest } from '../model/types.js';

/**
 * The container instance attributes a task definition needs, as ECS lists them in `requiresAttributes`: one
 * per feature that only some agents have (task ENIs, health checks, the awslogs driver, task roles, pulling
 * from ECR and reading secrets with the execution role, container ordering, EFS).
 */
export function requiredAttributes(td: RegisterTaskDefinitionRequest): Array<{ name: string }> {
  const containers = td.containerDefinitions;
  const awslogs = containers.some((c) => c.logConfiguration?.logDriver === 'awslogs');
  const secrets = containers.flatMap((c) => c.secrets ?? []).map((s) => s.valueFrom);
  const needed = [
    td.networkMode === 'awsvpc' && 'ecs.capability.task-eni',
    containers.some((c) => c.healthCheck) && 'ecs.capability.container-health-check',
    containers.some((c) => c.healthCheck) && 'com.amazonaws.ecs.capability.docker-remote-api.1.24',
    awslogs && 'com.amazonaws.ecs.capability.logging-driver.awslogs',
    awslogs && 'com.amazonaws.ecs.capability.docker-remote-api.1.19',
    td.taskRoleArn && 'com.amazonaws.ecs.capability.task-iam-role',
    td.executionRoleArn && containers.some((c) => /\.dkr\.ecr\./.test(c.image)) && 'ecs.capability.execution-role-ecr-pull',
    td.executionRoleArn && awslogs && 'ecs.capability.execution-role-awslogs',
    secrets.some((arn) => arn.includes(':secretsmanager:')) && 'ecs.capability.secrets.asm.environment-variables',
    secrets.some((arn) => !arn.includes(':secretsmanager:')) && 'ecs.capability.secrets.ssm.environment-variables',
    containers.some((c) => (c.dependsOn ?? []).length > 0) && 'ecs.capability.container-ordering',
    (td.volumes ?? []).some((v) => v.efsVolumeConfiguration) && 'ecs.capability.efs',
  ];
  return [...new Set(needed.filter((name): name is string => typeof name === 'string'))].map((name) => ({ name }));
}
