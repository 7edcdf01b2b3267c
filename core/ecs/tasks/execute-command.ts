import { arns } from '../../kernel/arns.js';
import type { SimContext } from '../../kernel/context.js';
import { EcsError, invalidParameter } from '../../kernel/errors.js';
import { optionalBoolean, optionalString, requireObject, requireString } from '../../kernel/fields.js';
import { policiesOf } from '../../iam/iam-api.js';
import { evaluate } from '../../iam/policy-evaluation.js';
import { ownResourceId, resolveCluster } from '../model/resolve.js';
import type { ClusterRecord, TaskRecord } from '../model/state.js';

/**
 * ExecuteCommand (ECS Exec): a shell in a running container, through Systems Manager. ECS refuses it unless
 * the task was started with enableExecuteCommand (the task's own, or its service's) and is running; the
 * managed agent in the task reaches SSM with the task role, so a role that does not allow the four
 * ssmmessages actions leaves the target unreachable. Otherwise ECS answers the session a client such as the
 * AWS CLI hands to the session-manager-plugin; the simulator's session has no shell behind it.
 */

/** What the task role must allow (Developer Guide, ECS Exec: IAM permissions). */
export const EXEC_ACTIONS = ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'] as const;

/** ECS's own wordings for these refusals. */
export const execMessages = {
  notEnabled:
    'The execute command failed because execute command was not enabled when the task was run or the execute command agent isn’t running. Wait and try again or run a new task with execute command enabled and try again.',
  notConnected: 'The execute command failed due to an internal error. Try again later.',
  interactiveOnly: 'Interactive is the only mode supported currently.',
};

function execEnabled(cluster: ClusterRecord, task: TaskRecord): boolean {
  if (task.enableExecuteCommand !== undefined) return task.enableExecuteCommand;
  const service = task.serviceName ? cluster.services.get(task.serviceName) : undefined;
  return service?.enableExecuteCommand ?? false;
}

function roleAllowsExec(ctx: SimContext, task: TaskRecord): boolean {
  const roleArn = task.taskDefinition.taskRoleArn;
  if (!roleArn) return false;
  const policies = policiesOf(ctx, roleArn);
  return EXEC_ACTIONS.every((action) => evaluate(policies, action, '*') === 'allowed');
}

export function executeCommand(ctx: SimContext, input: { cluster?: string; task: string; container?: string; command: string; interactive: boolean }) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const taskRef = requireString(request.task, 'task');
  requireString(request.command, 'command');
  if (optionalBoolean(request.interactive, 'interactive') !== true) throw invalidParameter(execMessages.interactiveOnly, 'interactive');
  const task = cluster.tasks.get(arns.task(ctx, cluster.name, ownResourceId(ctx, taskRef, 'task')));
  if (!task) throw invalidParameter(`The specified task ${taskRef} was not found in the cluster.`, 'task');
  const containerName = optionalString(request.container, 'container');
  if (containerName === undefined && task.containers.length > 1) {
    throw invalidParameter('The task has more than one container: name the one to run the command in with container.', 'container');
  }
  const container = containerName === undefined ? task.containers[0] : task.containers.find((c) => c.name === containerName);
  if (!container) throw invalidParameter(`The task has no container named ${containerName}.`, 'container');
  if (!execEnabled(cluster, task) || task.lastStatus !== 'RUNNING' || container.lastStatus !== 'RUNNING') throw invalidParameter(execMessages.notEnabled, 'task');
  if (!roleAllowsExec(ctx, task)) throw new EcsError('TargetNotConnectedException', execMessages.notConnected, 'task');
  const sessionId = `ecs-execute-command-${ctx.random.hex(17)}`;
  return {
    clusterArn: cluster.arn,
    containerArn: container.arn,
    containerName: container.name,
    interactive: true,
    session: {
      sessionId,
      streamUrl: `wss://ssmmessages.${ctx.region}.amazonaws.com/v1/data-channel/${sessionId}?role=publish_subscribe&cell-number=${ctx.random.hex(16)}`,
      tokenValue: ctx.random.hex(64),
    },
    taskArn: task.arn,
  };
}
