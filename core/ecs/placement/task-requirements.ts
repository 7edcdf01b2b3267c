import type { TaskDefinition } from '../model/types.js';

/** What one task needs from a container instance. */
export interface TaskRequirements {
  cpu: number;
  memory: number;
  /** Static host ports as "port/protocol"; dynamic (hostPort 0 in bridge mode) ports need none. */
  staticPorts: string[];
  /** awsvpc tasks on EC2 take one network interface of the instance. */
  enis: number;
}

/**
 * Task-level cpu/memory win when set; otherwise the containers' sum, charging memoryReservation where set,
 * else memory (Developer Guide, memory management).
 */
export function requirementsOf(taskDefinition: TaskDefinition): TaskRequirements {
  const containers = taskDefinition.containerDefinitions;
  const cpu =
    taskDefinition.cpu !== undefined ? Number(taskDefinition.cpu) : containers.reduce((sum, c) => sum + (c.cpu ?? 0), 0);
  const memory =
    taskDefinition.memory !== undefined
      ? Number(taskDefinition.memory)
      : containers.reduce((sum, c) => sum + (c.memoryReservation ?? c.memory ?? 0), 0);
  const staticPorts: string[] = [];
  if (taskDefinition.networkMode === 'bridge' || taskDefinition.networkMode === 'host') {
    for (const c of containers) {
      for (const m of c.portMappings ?? []) {
        const port = taskDefinition.networkMode === 'host' ? (m.hostPort ?? m.containerPort) : m.hostPort;
        if (port) staticPorts.push(`${port}/${m.protocol ?? 'tcp'}`);
      }
    }
  }
  return { cpu, memory, staticPorts, enis: taskDefinition.networkMode === 'awsvpc' ? 1 : 0 };
}
