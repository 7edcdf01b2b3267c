import type { SimContext } from '../../kernel/context.js';
import type { TaskRecord } from '../model/state.js';
import { policiesOf } from '../../iam/iam-api.js';
import { evaluate } from '../../iam/policy-evaluation.js';

/**
 * What the agent does with the task execution role before the containers start, and the error ECS shows
 * when it cannot: pull private ECR images, fetch secrets. Returns the stoppedReason, or undefined.
 * On EC2 without an execution role the instance role pulls images (it has the ECR permissions).
 */
const ECR_IMAGE = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\/([^:@]+)/;

export function assumedRole(ctx: SimContext, roleArn: string, task: TaskRecord): string {
  return `arn:aws:sts::${ctx.accountId}:assumed-role/${roleArn.slice(roleArn.lastIndexOf('/') + 1)}/${task.id}`;
}

export function launchPermissionFailure(ctx: SimContext, task: TaskRecord): string | undefined {
  const roleArn = task.taskDefinition.executionRoleArn;
  const policies = policiesOf(ctx, roleArn);
  // Without an execution role the instance role pulls (it has the ECR permissions).
  for (const container of roleArn ? task.containers : []) {
    const ecr = ECR_IMAGE.exec(container.image);
    if (!ecr) continue;
    const repository = `arn:aws:ecr:${ecr[2]}:${ecr[1]}:repository/${ecr[3]}`;
    if (evaluate(policies, 'ecr:BatchGetImage', repository) !== 'allowed') {
      return `CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref ${container.image}: denied: User: ${assumedRole(ctx, roleArn!, task)} is not authorized to perform: ecr:BatchGetImage on resource: ${repository} because no identity-based policy allows the ecr:BatchGetImage action`;
    }
  }
  for (const container of task.containers) {
    for (const secret of container.definition.secrets ?? []) {
      const failure = secretFailure(ctx, task, roleArn ?? '', policies, secret.valueFrom);
      if (failure) return `ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: ${failure}`;
    }
  }
  return undefined;
}

function secretFailure(ctx: SimContext, task: TaskRecord, roleArn: string, policies: ReturnType<typeof policiesOf>, valueFrom: string): string | undefined {
  const who = assumedRole(ctx, roleArn, task);
  if (valueFrom.startsWith('arn:aws:secretsmanager:')) {
    const prefix = 'unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret';
    if (evaluate(policies, 'secretsmanager:GetSecretValue', valueFrom) !== 'allowed') {
      return `${prefix} ${valueFrom} from secrets manager: AccessDeniedException: User: ${who} is not authorized to perform: secretsmanager:GetSecretValue on resource: ${valueFrom} because no identity-based policy allows the secretsmanager:GetSecretValue action`;
    }
    const known = [...ctx.state.iam.secrets.keys()].some((arn) => arn === valueFrom || valueFrom.startsWith(`${arn}:`));
    return known ? undefined : `${prefix} ${valueFrom} from secrets manager: ResourceNotFoundException: Secrets Manager can't find the specified secret.`;
  }
  const name = valueFrom.startsWith('arn:aws:ssm:') ? valueFrom.slice(valueFrom.indexOf(':parameter') + ':parameter'.length) : valueFrom;
  const arn = `arn:aws:ssm:${ctx.region}:${ctx.accountId}:parameter/${name.replace(/^\//, '')}`;
  if (evaluate(policies, 'ssm:GetParameters', arn) !== 'allowed') {
    return `unable to retrieve secrets from ssm: service call has been retried 1 time(s): AccessDeniedException: User: ${who} is not authorized to perform: ssm:GetParameters on resource: ${arn} because no identity-based policy allows the ssm:GetParameters action`;
  }
  const known = ctx.state.iam.parameters.has(name) || ctx.state.iam.parameters.has(`/${name.replace(/^\//, '')}`);
  return known ? undefined : `unable to retrieve secrets from ssm: the parameter ${name} was not found: invalid parameters: ${name}`;
}

/** The application's own AWS calls with the task role: the first one refused, as the SDK would report it. */
export function taskRoleRefusal(ctx: SimContext, task: TaskRecord, calls: ReadonlyArray<{ action: string; resource: string }>): string | undefined {
  const roleArn = task.taskDefinition.taskRoleArn;
  const policies = policiesOf(ctx, roleArn);
  const refused = calls.find((c) => evaluate(policies, c.action, c.resource) !== 'allowed');
  if (!refused) return undefined;
  const who = roleArn ? assumedRole(ctx, roleArn, task) : `arn:aws:sts::${ctx.accountId}:assumed-role/(no task role)/${task.id}`;
  return `AccessDenied: User: ${who} is not authorized to perform: ${refused.action} on resource: ${refused.resource}`;
}
