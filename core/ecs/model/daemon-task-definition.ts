import type { ContainerDefinition, Tag, TaskDefinition } from './types.js';

/** A revision of a daemon task definition (RegisterDaemonTaskDefinition): what the request said, kept as ECS keeps it. */
export interface DaemonTaskDefinitionRecord {
  arn: string;
  family: string;
  revision: number;
  status: 'ACTIVE' | 'DELETE_IN_PROGRESS' | 'DELETED';
  /** A daemon container may leave out its name; it has no port mappings. */
  containerDefinitions: Array<Omit<ContainerDefinition, 'name' | 'portMappings'> & { name?: string }>;
  taskRoleArn?: string;
  executionRoleArn?: string;
  cpu?: string;
  memory?: string;
  volumes: Array<{ name: string; host?: { sourcePath?: string } }>;
  pidMode?: string;
  ipcMode?: string;
  tags: Tag[];
  registeredAt: number;
  deleteRequestedAt?: number;
}

/**
 * A daemon task definition as the task lifecycle runs it. It has no network mode nor port mappings: the
 * simulator runs daemon tasks in host mode, so they hold no network interface, only CPU and memory; a
 * container without a name is named after the family.
 */
export function daemonTaskDefinitionOf(record: DaemonTaskDefinitionRecord, accountId: string): TaskDefinition {
  return {
    taskDefinitionArn: record.arn,
    family: record.family,
    revision: record.revision,
    containerDefinitions: record.containerDefinitions.map((c) => ({ ...c, name: c.name ?? record.family, essential: c.essential ?? true })),
    ...(record.taskRoleArn ? { taskRoleArn: record.taskRoleArn } : {}),
    ...(record.executionRoleArn ? { executionRoleArn: record.executionRoleArn } : {}),
    networkMode: 'host',
    status: record.status === 'ACTIVE' ? 'ACTIVE' : 'INACTIVE',
    compatibilities: ['MANAGED_INSTANCES'],
    requiresAttributes: [],
    placementConstraints: [],
    volumes: record.volumes.map((v) => ({ ...v })),
    ...(record.cpu !== undefined ? { cpu: record.cpu } : {}),
    ...(record.memory !== undefined ? { memory: record.memory } : {}),
    registeredAt: record.registeredAt,
    registeredBy: `arn:aws:iam::${accountId}:user/learner`,
  };
}
