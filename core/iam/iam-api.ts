import { EcsError } from '../kernel/errors.js';
import { epochSeconds, type SimContext } from '../kernel/context.js';
import { optionalString, rejectUnknownFields, requireObject } from '../kernel/fields.js';
import { CONDITION_OPERATORS, MANAGED_POLICIES, type PolicyDocument, type PolicyStatement } from './policy-evaluation.js';

/** IAM, Secrets Manager and SSM Parameter Store actions the simulator models, in their APIs' shapes. */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

function requireRole(ctx: SimContext, name: unknown) {
  const role = typeof name === 'string' ? ctx.state.iam.roles.get(name) : undefined;
  if (!role) throw new EcsError('NoSuchEntity', `The role with name ${String(name)} cannot be found.`, 'RoleName');
  return role;
}

function parsePolicy(input: unknown): PolicyDocument {
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch {
      throw new EcsError('MalformedPolicyDocument', 'PolicyDocument is not valid JSON.', 'PolicyDocument');
    }
  }
  const raw = requireObject(doc, 'PolicyDocument');
  const statements = Array.isArray(raw.Statement) ? raw.Statement : raw.Statement ? [raw.Statement] : [];
  if (statements.length === 0) throw new EcsError('MalformedPolicyDocument', 'Policy document should have at least one Statement.', 'PolicyDocument');
  return {
    Version: String(raw.Version ?? '2012-10-17'),
    Statement: statements.map((s, i) => {
      const st = requireObject(s, `PolicyDocument.Statement[${i}]`);
      const isStrings = (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
      if ((st.Effect !== 'Allow' && st.Effect !== 'Deny') || !isStrings(st.Action) || !isStrings(st.Resource)) {
        throw new EcsError('MalformedPolicyDocument', `Statement ${i} needs Effect (Allow or Deny), Action and Resource.`, `PolicyDocument.Statement[${i}]`);
      }
      const condition = st.Condition === undefined ? undefined : parseCondition(st.Condition, i);
      return { Effect: st.Effect, Action: st.Action as string | string[], Resource: st.Resource as string | string[], ...(condition ? { Condition: condition } : {}) };
    }),
  };
}

function parseCondition(input: unknown, i: number): PolicyStatement['Condition'] {
  const at = `PolicyDocument.Statement[${i}].Condition`;
  const condition = requireObject(input, at);
  for (const [operator, keys] of Object.entries(condition)) {
    if (!(CONDITION_OPERATORS as readonly string[]).includes(operator)) {
      throw new EcsError('MalformedPolicyDocument', `Condition operator ${operator} is not supported here; use one of ${CONDITION_OPERATORS.join(', ')}.`, `${at}.${operator}`);
    }
    for (const [key, value] of Object.entries(requireObject(keys, `${at}.${operator}`))) {
      if (typeof value !== 'string' && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
        throw new EcsError('MalformedPolicyDocument', `Condition ${operator} ${key} needs a string or a list of strings.`, `${at}.${operator}.${key}`);
      }
    }
  }
  return condition as PolicyStatement['Condition'];
}

export function createRole(ctx: SimContext, input: { RoleName: string; AssumeRolePolicyDocument?: unknown }) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['RoleName', 'AssumeRolePolicyDocument', 'Description', 'Path', 'Tags']);
  const name = optionalString(request.RoleName, 'RoleName');
  if (!name || !ROLE_NAME.test(name)) throw new EcsError('ValidationError', 'RoleName must be 1-64 letters, digits or +=,.@_-.', 'RoleName');
  if (ctx.state.iam.roles.has(name)) throw new EcsError('EntityAlreadyExists', `Role with name ${name} already exists.`, 'RoleName');
  const arn = `arn:aws:iam::${ctx.accountId}:role/${name}`;
  ctx.state.iam.roles.set(name, { name, arn, inlinePolicies: new Map(), attachedPolicyArns: new Set() });
  return { Role: { RoleName: name, Arn: arn, RoleId: `AROA${ctx.random.hex(16).toUpperCase()}`, CreateDate: epochSeconds(ctx, ctx.clock.now) } };
}

export function putRolePolicy(ctx: SimContext, input: { RoleName: string; PolicyName: string; PolicyDocument: unknown }) {
  const request = requireObject(input, 'request');
  const role = requireRole(ctx, request.RoleName);
  const policyName = optionalString(request.PolicyName, 'PolicyName');
  if (!policyName) throw new EcsError('ValidationError', 'PolicyName is required.', 'PolicyName');
  role.inlinePolicies.set(policyName, parsePolicy(request.PolicyDocument));
  return {};
}

export function attachRolePolicy(ctx: SimContext, input: { RoleName: string; PolicyArn: string }) {
  const request = requireObject(input, 'request');
  const role = requireRole(ctx, request.RoleName);
  const arn = optionalString(request.PolicyArn, 'PolicyArn') ?? '';
  if (!MANAGED_POLICIES[arn]) throw new EcsError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable (the simulator knows ${Object.keys(MANAGED_POLICIES).join(', ')}).`, 'PolicyArn');
  role.attachedPolicyArns.add(arn);
  return {};
}

export function createSecret(ctx: SimContext, input: { Name: string; SecretString: string }) {
  const request = requireObject(input, 'request');
  const name = optionalString(request.Name, 'Name');
  if (!name || !/^[\w/+=.@-]{1,512}$/.test(name)) throw new EcsError('InvalidParameterException', 'Name must be 1-512 characters: letters, digits and /_+=.@-.', 'Name');
  if ([...ctx.state.iam.secrets.values()].some((s) => s.name === name)) throw new EcsError('ResourceExistsException', `The operation failed because the secret ${name} already exists.`, 'Name');
  const arn = `arn:aws:secretsmanager:${ctx.region}:${ctx.accountId}:secret:${name}-${ctx.random.hex(6)}`;
  ctx.state.iam.secrets.set(arn, { name, value: String(request.SecretString ?? '') });
  return { ARN: arn, Name: name };
}

export function putParameter(ctx: SimContext, input: { Name: string; Value: string; Type?: string }) {
  const request = requireObject(input, 'request');
  const name = optionalString(request.Name, 'Name');
  if (!name) throw new EcsError('ValidationException', 'Name is required.', 'Name');
  const arn = `arn:aws:ssm:${ctx.region}:${ctx.accountId}:parameter/${name.replace(/^\//, '')}`;
  ctx.state.iam.parameters.set(name, { arn, value: String(request.Value ?? '') });
  return { Version: 1, Tier: 'Standard' };
}

/** A role's ARN by name, for calls made as that role. */
export function roleArn(ctx: SimContext, name: unknown): string {
  return requireRole(ctx, name).arn;
}

/** The policies a role carries, for evaluation; an unknown role carries none. */
export function policiesOf(ctx: SimContext, roleArn: string | undefined): PolicyDocument[] {
  const role = roleArn ? ctx.state.iam.roles.get(roleArn.slice(roleArn.lastIndexOf('/') + 1)) : undefined;
  if (!role) return [];
  return [...role.inlinePolicies.values(), ...[...role.attachedPolicyArns].map((arn) => MANAGED_POLICIES[arn])];
}
