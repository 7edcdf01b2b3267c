import type { PolicyDocument } from './policy-evaluation.js';

/** IAM roles, and the secrets stores tasks read from: what the execution role and task role decide on. */
export interface RoleRecord {
  name: string;
  arn: string;
  inlinePolicies: Map<string, PolicyDocument>;
  attachedPolicyArns: Set<string>;
}

export interface IamState {
  roles: Map<string, RoleRecord>;
  /** Secrets Manager secrets by ARN. */
  secrets: Map<string, { name: string; value: string }>;
  /** SSM parameters by name. */
  parameters: Map<string, { arn: string; value: string }>;
}

export const createIamState = (): IamState => ({ roles: new Map(), secrets: new Map(), parameters: new Map() });

declare module '../kernel/context.js' {
  interface SimState {
    iam: IamState;
  }
}
