/**
 * IAM policy evaluation in small (IAM user guide, policy evaluation logic): an explicit Deny wins, then an
 * Allow, else the implicit deny. Actions and resources match with * and ? wildcards, actions
 * case-insensitively. Pure.
 */
export interface PolicyStatement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
}

export interface PolicyDocument {
  Version?: string;
  Statement: PolicyStatement[];
}

export type Decision = 'allowed' | 'explicitly denied' | 'implicitly denied';

function wildcard(pattern: string, flags = ''): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, flags);
}

const list = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

function matches(statement: PolicyStatement, action: string, resource: string): boolean {
  return list(statement.Action).some((a) => wildcard(a, 'i').test(action)) && list(statement.Resource).some((r) => wildcard(r).test(resource));
}

export function evaluate(policies: readonly PolicyDocument[], action: string, resource: string): Decision {
  const statements = policies.flatMap((p) => p.Statement);
  if (statements.some((s) => s.Effect === 'Deny' && matches(s, action, resource))) return 'explicitly denied';
  return statements.some((s) => s.Effect === 'Allow' && matches(s, action, resource)) ? 'allowed' : 'implicitly denied';
}

/** AWS managed policies the simulator knows by ARN. */
export const MANAGED_POLICIES: Readonly<Record<string, PolicyDocument>> = {
  'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy': {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage', 'logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: '*',
      },
    ],
  },
  'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess': {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' }],
  },
};
