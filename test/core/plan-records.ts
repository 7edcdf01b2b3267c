import type { DeploymentRecord } from '../../core/ecs/model/state.js';
import type { TaskSetRecord } from '../../core/ecs/model/task-set-state.js';
import type { PassInput, PlannedInstance, PlannedService, PlannedTask } from '../../core/ecs/services/pass-input.js';

/** Records as a decider reads them, written out small: a service "web", its tasks and instances. */
export const definition = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${revision}`;

export const deployment = (id: string, revision: number, extra: Partial<DeploymentRecord> = {}): DeploymentRecord => ({
  id,
  status: 'PRIMARY',
  taskDefinitionArn: definition(revision),
  createdAt: 0,
  updatedAt: 0,
  rolloutState: 'IN_PROGRESS',
  rolloutStateReason: '',
  failedTasks: 0,
  ...extra,
});

export const taskSet = (id: string, revision: number, scalePercent: number, extra: Partial<TaskSetRecord> = {}): TaskSetRecord => ({
  id,
  arn: `arn:aws:ecs:us-east-1:123456789012:task-set/c/web/${id}`,
  taskDefinitionArn: definition(revision),
  status: 'ACTIVE',
  scalePercent,
  loadBalancers: [],
  stabilityStatus: 'STABILIZING',
  launchType: 'EC2',
  createdAt: 0,
  updatedAt: 0,
  ...extra,
});

export const service = (extra: Partial<PlannedService> = {}): PlannedService => ({
  name: 'web',
  desiredCount: 2,
  launchType: 'EC2',
  deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 },
  healthCheckGracePeriodSeconds: 0,
  capacityProviderStrategy: [],
  deployments: [deployment('new', 2)],
  taskSets: [],
  nextLaunchAllowedAt: 0,
  ...extra,
});

/** A healthy RUNNING task of `deploymentId` on instance `on`, started at time 0. */
export const task = (id: string, deploymentId: string, on: string, extra: Partial<PlannedTask> = {}): PlannedTask => ({
  arn: `arn:aws:ecs:us-east-1:123456789012:task/c/${id}`,
  id,
  deploymentId,
  desiredStatus: 'RUNNING',
  lastStatus: 'RUNNING',
  healthyAt: 0,
  healthStatus: 'HEALTHY',
  createdAt: 0,
  startedAt: 0,
  instanceArn: instanceArn(on),
  availabilityZone: 'us-east-1a',
  ...extra,
});

export const instanceArn = (id: string) => `arn:aws:ecs:us-east-1:123456789012:container-instance/c/${id}`;

export const instance = (id: string, extra: Partial<PlannedInstance> = {}): PlannedInstance => ({
  arn: instanceArn(id),
  id,
  status: 'ACTIVE',
  agentConnected: true,
  ...extra,
});

/** The whole input, frozen all the way down: a decider that changed a record would throw. */
export function passInput(input: { service: PlannedService; tasks?: PlannedTask[]; instances?: PlannedInstance[]; now?: number }): PassInput {
  return deepFreeze({
    service: input.service,
    tasks: input.tasks ?? [],
    instances: new Map((input.instances ?? [instance('a'), instance('b')]).map((i) => [i.arn, i])),
    now: input.now ?? 600_000,
  });
}

function deepFreeze<T>(value: T): T {
  if (value instanceof Map) for (const v of value.values()) deepFreeze(v);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}
