import { describe, expect, it } from 'vitest';
import { evaluate, MANAGED_POLICIES } from '../../core/iam/policy-evaluation.js';

describe('IAM policy evaluation', () => {
  const allowBucket = { Statement: [{ Effect: 'Allow' as const, Action: 's3:PutObject', Resource: 'arn:aws:s3:::reports/*' }] };

  it('allows what a statement allows, with wildcards, and nothing else', () => {
    expect(evaluate([allowBucket], 's3:PutObject', 'arn:aws:s3:::reports/2026/jan.csv')).toBe('allowed');
    expect(evaluate([allowBucket], 'S3:putobject', 'arn:aws:s3:::reports/x')).toBe('allowed');
    expect(evaluate([allowBucket], 's3:PutObject', 'arn:aws:s3:::other/x')).toBe('implicitly denied');
    expect(evaluate([allowBucket], 's3:DeleteObject', 'arn:aws:s3:::reports/x')).toBe('implicitly denied');
  });

  it('lets an explicit Deny win over any Allow', () => {
    const deny = { Statement: [{ Effect: 'Deny' as const, Action: 's3:*', Resource: 'arn:aws:s3:::reports/secret/*' }] };
    expect(evaluate([allowBucket, deny], 's3:PutObject', 'arn:aws:s3:::reports/secret/a')).toBe('explicitly denied');
    expect(evaluate([allowBucket, deny], 's3:PutObject', 'arn:aws:s3:::reports/open/a')).toBe('allowed');
  });

  it('knows what the task execution role managed policy grants', () => {
    const policy = MANAGED_POLICIES['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'];
    expect(evaluate([policy], 'ecr:BatchGetImage', 'arn:aws:ecr:us-east-1:123456789012:repository/web')).toBe('allowed');
    expect(evaluate([policy], 'secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db')).toBe('implicitly denied');
  });
});
