import type { SimContext } from '../../kernel/context.js';
import { assumedRole } from './launch-permissions.js';
import { policiesOf } from '../../iam/iam-api.js';
import { evaluate, type PolicyDocument } from '../../iam/policy-evaluation.js';
import type { ContainerRecord, TaskRecord } from '../model/state.js';
import type { LogGroupRecord } from '../../cloudwatch/observability-state.js';
import { addLogGroup } from '../../cloudwatch/logs-api.js';

/**
 * The awslogs log driver: where a container's lines go, and the agent's checks when the container is
 * created (the log group must exist or be creatable, the log stream creatable). Other drivers ship
 * nowhere the simulator shows.
 */
export interface AwslogsTarget {
  group: string;
  region: string;
  stream: string;
  createGroup: boolean;
}

/** The documented awslogs naming: prefix/container-name/task-id; without a prefix, the container's runtime id. */
export function logStreamName(prefix: string | undefined, container: ContainerRecord, taskId: string): string {
  return prefix ? `${prefix}/${container.name}/${taskId}` : container.arn.slice(container.arn.lastIndexOf('/') + 1);
}

export function awslogsTarget(task: TaskRecord, container: ContainerRecord): AwslogsTarget | undefined {
  const config = container.definition.logConfiguration;
  if (config?.logDriver !== 'awslogs') return undefined;
  const options = config.options ?? {};
  return {
    group: options['awslogs-group'] ?? '',
    region: options['awslogs-region'] ?? '',
    stream: logStreamName(options['awslogs-stream-prefix'], container, task.id),
    createGroup: options['awslogs-create-group'] === 'true',
  };
}

/** The container instance role (ecsInstanceRole) may create streams and put events, not create groups. */
const INSTANCE_ROLE_LOGGING: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' }],
};

/** Who ships the logs: the execution role when the task has one, else (EC2) the container instance role. */
function shipper(ctx: SimContext, task: TaskRecord): { who: string; policies: PolicyDocument[] } {
  const roleArn = task.taskDefinition.executionRoleArn;
  if (roleArn) return { who: assumedRole(ctx, roleArn, task), policies: policiesOf(ctx, roleArn) };
  const instance = task.instanceArn ? ctx.state.clusters.get(task.clusterName)?.instances.get(task.instanceArn) : undefined;
  return { who: `arn:aws:sts::${ctx.accountId}:assumed-role/ecsInstanceRole/${instance?.ec2InstanceId ?? task.id}`, policies: [INSTANCE_ROLE_LOGGING] };
}

const streamArn = (ctx: SimContext, target: AwslogsTarget, stream: string) =>
  `arn:aws:logs:${target.region}:${ctx.accountId}:log-group:${target.group}:log-stream:${stream}`;

function denied(ctx: SimContext, task: TaskRecord, action: string, resource: string): string | undefined {
  const { who, policies } = shipper(ctx, task);
  if (evaluate(policies, action, resource) === 'allowed') return undefined;
  return `AccessDeniedException: User: ${who} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
}

const LOGGER_ARGS = 'ResourceInitializationError: failed to validate logger args:';

/** What the agent finds wrong with one container's awslogs settings, as ECS words it; undefined when it can log. */
function loggerFailure(ctx: SimContext, task: TaskRecord, target: AwslogsTarget): string | undefined {
  const missing = !target.group ? 'awslogs-group' : !target.region ? 'awslogs-region' : undefined;
  if (missing) return `${LOGGER_ARGS} unable to get awslogs driver arguments: ${missing} is required`;
  const retried = `${LOGGER_ARGS} create stream has been retried 1 times:`;
  if (!groupOf(ctx, target)) {
    if (!target.createGroup) return `${retried} failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1`;
    const refusal = denied(ctx, task, 'logs:CreateLogGroup', streamArn(ctx, target, ''));
    if (refusal) return `${retried} failed to create Cloudwatch log group: ${refusal} : exit status 1`;
  }
  const refusal = denied(ctx, task, 'logs:CreateLogStream', streamArn(ctx, target, target.stream));
  return refusal ? `${retried} failed to create Cloudwatch log stream: ${refusal} : exit status 1` : undefined;
}

/**
 * A group in another region is invisible here: the simulator holds the logs of its own region only, so
 * a container told to log elsewhere finds no group (or creates one the logs API here does not list).
 */
function groupOf(ctx: SimContext, target: AwslogsTarget): LogGroupRecord | undefined {
  return target.region === ctx.region ? ctx.state.observability.logGroups.get(target.group) : undefined;
}

/**
 * When the containers are created: the driver checks every awslogs container, then creates the groups
 * it may and the streams. Returns the stoppedReason of a task that cannot start, or undefined.
 */
export function openLogStreams(ctx: SimContext, task: TaskRecord): string | undefined {
  const targets = task.containers.map((c) => awslogsTarget(task, c)).filter((t): t is AwslogsTarget => t !== undefined);
  for (const target of targets) {
    const failure = loggerFailure(ctx, task, target);
    if (failure) return failure;
  }
  for (const target of targets) {
    if (target.region !== ctx.region) continue;
    const group = groupOf(ctx, target) ?? addLogGroup(ctx, target.group);
    if (!group.streams.has(target.stream)) group.streams.set(target.stream, { name: target.stream, createdAt: ctx.clock.now, events: [] });
  }
  return undefined;
}

/** A line the container printed, now; dropped where the driver cannot put it (PutLogEvents refused, group deleted). */
export function writeLogLine(ctx: SimContext, task: TaskRecord, container: ContainerRecord, message: string): void {
  const target = awslogsTarget(task, container);
  const stream = target ? groupOf(ctx, target)?.streams.get(target.stream) : undefined;
  if (!target || !stream) return;
  if (denied(ctx, task, 'logs:PutLogEvents', streamArn(ctx, target, target.stream))) return;
  stream.events.push({ time: ctx.clock.now, message });
}
