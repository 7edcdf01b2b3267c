import type { Deployment, PhaseCounts, Service, Task } from '../../core/index.js';
import type { ScenarioWorld } from '../world/scenario-world.js';
import { StepFailure } from './step-registry.js';

/** Read-only questions steps ask about a service, answered through the public API. */

export async function describeService(world: ScenarioWorld, name: string): Promise<Service> {
  const { services } = await world.sim.call('ecs', 'describeServices', { cluster: world.cluster, services: [name] });
  if (services.length === 0) throw new StepFailure(`There is no service "${name}" in cluster "${world.cluster}".`);
  return services[0];
}

export function primaryDeployment(service: Service): Deployment {
  return service.deployments.find((d) => d.status === 'PRIMARY')!;
}

const FAILED_STATUSES = new Set(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED']);

/**
 * The newest service deployment of the service that failed (ListServiceDeployments, then its detail): a
 * failed deployment leaves DescribeServices once its tasks are gone, its service deployment stays.
 */
export async function failedServiceDeployment(world: ScenarioWorld, name: string) {
  const { serviceDeployments } = await world.sim.call('ecs', 'listServiceDeployments', { cluster: world.cluster, service: name });
  const failed = serviceDeployments.find((d) => FAILED_STATUSES.has(d.status) || (d.status === 'STOPPED' && d.statusReason !== undefined));
  return failed && (await world.sim.call('ecs', 'describeServiceDeployments', { serviceDeploymentArns: [failed.serviceDeploymentArn] })).serviceDeployments[0];
}

export const revisionOf = (taskDefinitionArn: string) => Number(taskDefinitionArn.slice(taskDefinitionArn.lastIndexOf(':') + 1));

/** The family a service runs, from its task definition ARN. */
export const familyOf = (service: Service) => service.taskDefinition!.split('/').pop()!.split(':')[0];

/** Running tasks of a service per task-definition revision, from DescribeTasks. */
export async function runningByRevision(world: ScenarioWorld, name: string): Promise<Map<number, number>> {
  const { taskArns } = await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, serviceName: name });
  const counts = new Map<number, number>();
  if (taskArns.length === 0) return counts;
  for (let i = 0; i < taskArns.length; i += 100) {
    const { tasks } = await world.sim.call('ecs', 'describeTasks', { cluster: world.cluster, tasks: taskArns.slice(i, i + 100) });
    for (const task of tasks) {
      if (task.lastStatus !== 'RUNNING') continue;
      const revision = revisionOf(task.taskDefinitionArn);
      counts.set(revision, (counts.get(revision) ?? 0) + 1);
    }
  }
  return counts;
}

/** Sums a census point over every task definition of the service. */
export function totals(byTaskDefinition: Record<string, PhaseCounts>): PhaseCounts {
  const sum: PhaseCounts = { pending: 0, running: 0, healthy: 0, stopping: 0 };
  for (const c of Object.values(byTaskDefinition)) {
    sum.pending += c.pending;
    sum.running += c.running;
    sum.healthy += c.healthy;
    sum.stopping += c.stopping;
  }
  return sum;
}

export function describeCounts(byTaskDefinition: Record<string, PhaseCounts>): string {
  return Object.entries(byTaskDefinition)
    .filter(([, c]) => c.pending + c.running + c.stopping > 0)
    .map(([arn, c]) => `revision ${revisionOf(arn)}: ${c.running} running (${c.healthy} healthy), ${c.pending} pending, ${c.stopping} stopping`)
    .join('; ');
}

/** The service's tasks that ECS still wants running, described. */
export async function serviceTasks(world: ScenarioWorld, name: string): Promise<Task[]> {
  const { taskArns } = await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, serviceName: name });
  return taskArns.length ? (await world.sim.call('ecs', 'describeTasks', { cluster: world.cluster, tasks: taskArns })).tasks : [];
}
