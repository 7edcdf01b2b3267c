/**
 * IAM policy evaluation in small (IAM user guide, policy evaluation logic): an explicit Deny wins, then an
 * Allow, else the implicit deny. Actions and resources match with * and ? wildcards, actions
 * case-insensitively. Pure.
 */
export interface PolicyStatement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
  /** Operator -> condition key -> value(s), e.g. {"ArnEquals": {"ecs:cluster": "arn:aws:ecs:...:cluster/dev"}}. */
  Condition?: Record<string, Record<string, string | string[]>>;
}

/** The condition operators the simulator evaluates (string and ARN comparisons). */
export const CONDITION_OPERATORS = ['StringEquals', 'StringNotEquals', 'StringLike', 'StringNotLike', 'ArnEquals', 'ArnNotEquals', 'ArnLike', 'ArnNotLike'] as const;

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

/**
 * Every condition must hold. A key the request does not carry fails a positive operator and satisfies a
 * negated one, as in IAM; keys compare case-insensitively, values exactly (Like: with wildcards).
 */
function conditionsHold(statement: PolicyStatement, context: Readonly<Record<string, string>>): boolean {
  return Object.entries(statement.Condition ?? {}).every(([operator, keys]) =>
    Object.entries(keys).every(([key, expected]) => {
      const actual = Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
      const negated = operator.includes('Not');
      if (actual === undefined) return negated;
      const like = operator.endsWith('Like');
      const hit = list(expected).some((e) => (like ? wildcard(e).test(actual) : e === actual));
      return negated ? !hit : hit;
    }),
  );
}

function matches(statement: PolicyStatement, action: string, resource: string, context: Readonly<Record<string, string>>): boolean {
  return (
    list(statement.Action).some((a) => wildcard(a, 'i').test(action)) &&
    list(statement.Resource).some((r) => wildcard(r).test(resource)) &&
    conditionsHold(statement, context)
  );
}

export function evaluate(policies: readonly PolicyDocument[], action: string, resource: string, context: Readonly<Record<string, string>> = {}): Decision {
  const statements = policies.flatMap((p) => p.Statement);
  if (statements.some((s) => s.Effect === 'Deny' && matches(s, action, resource, context))) return 'explicitly denied';
  return statements.some((s) => s.Effect === 'Allow' && matches(s, action, resource, context)) ? 'allowed' : 'implicitly denied';
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
