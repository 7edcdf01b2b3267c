/**
 * EC2 instance types a scenario can add. Memory is what the ECS-optimised Amazon Linux AMI registers
 * (less than the nominal GiB: the OS and agent keep some); ENIs is the instance's network interface limit.
 * Memory figures are a model in the spirit of the Developer Guide's example (m4.large 8 GiB -> 7985 MiB).
 * An awsvpc task takes one ENI and the primary ENI is the instance's own, so c5.large (3 ENIs) runs 2
 * awsvpc tasks, or 10 with ENI trunking (Developer Guide, container instance ENIs).
 */
export interface InstanceTypeSpec {
  vcpu: number;
  memoryMiB: number;
  enis: number;
  /** awsvpc tasks with ENI trunking turned on (0: the type does not support trunking). */
  trunkedTasks: number;
  architecture: 'x86_64' | 'arm64';
}

export const INSTANCE_TYPES: Readonly<Record<string, InstanceTypeSpec>> = {
  't3.micro': { vcpu: 2, memoryMiB: 943, enis: 2, trunkedTasks: 0, architecture: 'x86_64' },
  't3.small': { vcpu: 2, memoryMiB: 1939, enis: 3, trunkedTasks: 0, architecture: 'x86_64' },
  't3.medium': { vcpu: 2, memoryMiB: 3922, enis: 3, trunkedTasks: 0, architecture: 'x86_64' },
  't3.large': { vcpu: 2, memoryMiB: 7947, enis: 3, trunkedTasks: 0, architecture: 'x86_64' },
  'm4.large': { vcpu: 2, memoryMiB: 7985, enis: 2, trunkedTasks: 0, architecture: 'x86_64' },
  'm5.large': { vcpu: 2, memoryMiB: 7681, enis: 3, trunkedTasks: 10, architecture: 'x86_64' },
  'm5.xlarge': { vcpu: 4, memoryMiB: 15576, enis: 4, trunkedTasks: 20, architecture: 'x86_64' },
  'm5.2xlarge': { vcpu: 8, memoryMiB: 31401, enis: 4, trunkedTasks: 40, architecture: 'x86_64' },
  'm5.4xlarge': { vcpu: 16, memoryMiB: 63138, enis: 8, trunkedTasks: 60, architecture: 'x86_64' },
  'c5.large': { vcpu: 2, memoryMiB: 3759, enis: 3, trunkedTasks: 10, architecture: 'x86_64' },
  'c5.xlarge': { vcpu: 4, memoryMiB: 7624, enis: 4, trunkedTasks: 20, architecture: 'x86_64' },
  'c5.2xlarge': { vcpu: 8, memoryMiB: 15474, enis: 4, trunkedTasks: 40, architecture: 'x86_64' },
  'r5.large': { vcpu: 2, memoryMiB: 15578, enis: 3, trunkedTasks: 10, architecture: 'x86_64' },
  'r5.xlarge': { vcpu: 4, memoryMiB: 31376, enis: 4, trunkedTasks: 20, architecture: 'x86_64' },
  'm6g.large': { vcpu: 2, memoryMiB: 7681, enis: 3, trunkedTasks: 10, architecture: 'arm64' },
  'c6g.large': { vcpu: 2, memoryMiB: 3759, enis: 3, trunkedTasks: 10, architecture: 'arm64' },
};

/** Ports the agent reserves on every Linux container instance (SSH, Docker, agent introspection, task metadata). */
export const DEFAULT_RESERVED_PORTS = ['22', '2375', '2376', '51678', '51679'] as const;

/** The ECS agent version every simulated instance reports (versionInfo.agentVersion). */
export const AGENT_VERSION = '1.89.0';
