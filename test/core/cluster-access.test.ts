import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';
import { ECS_ACTION_RESOURCES } from '../../core/iam/ecs-authorization.js';
import { ECS_OPERATION_NAMES, methodName } from '../../core/sim/ecs-operations.js';

function withDeveloper(statements: object[]) {
  const sim = createSimulator();
  sim.createCluster({ clusterName: 'dev' });
  sim.createCluster({ clusterName: 'prod' });
  for (const clusterName of ['dev', 'prod']) sim.control.addInstances({ cluster: clusterName, instanceType: 'm5.large', count: 1 });
  sim.registerTaskDefinition({ family: 'job', containerDefinitions: [{ name: 'job', image: 'job:1', memory: 128 }] });
  sim.iam.createRole({ RoleName: 'developer' });
  sim.iam.putRolePolicy({ RoleName: 'developer', PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: statements } });
  return sim;
}

const accessDenied = (fragment: string) => expect.objectContaining({ name: 'AccessDeniedException', message: expect.stringContaining(fragment) });

describe('cluster access control (calls made as an IAM role)', () => {
  it('lets RunTask through only in the cluster the ecs:cluster condition names', () => {
    const sim = withDeveloper([
      { Effect: 'Allow', Action: 'ecs:RunTask', Resource: '*', Condition: { ArnEquals: { 'ecs:cluster': 'arn:aws:ecs:us-east-1:123456789012:cluster/dev' } } },
    ]);
    const developer = sim.asRole('developer');
    expect(developer.runTask({ cluster: 'dev', taskDefinition: 'job' }).tasks).toHaveLength(1);
    expect(() => developer.runTask({ cluster: 'prod', taskDefinition: 'job' })).toThrow(
      accessDenied('is not authorized to perform: ecs:RunTask on resource: arn:aws:ecs:us-east-1:123456789012:task-definition/job:* because no identity-based policy allows the ecs:RunTask action'),
    );
    expect(sim.listTasks({ cluster: 'prod' }).taskArns).toEqual([]);
  });

  it('lets an explicit Deny win over an Allow, and says so', () => {
    const sim = withDeveloper([
      { Effect: 'Allow', Action: 'ecs:*', Resource: '*' },
      { Effect: 'Deny', Action: 'ecs:DeleteCluster', Resource: 'arn:aws:ecs:*:*:cluster/prod' },
    ]);
    const developer = sim.asRole('developer');
    expect(() => developer.deleteCluster({ cluster: 'prod' })).toThrow(accessDenied('with an explicit deny in an identity-based policy'));
    expect(sim.describeClusters({ clusters: ['prod'] }).clusters[0].status).toBe('ACTIVE');
    expect(developer.listClusters().clusterArns).toHaveLength(2);
  });

  it('checks each task of DescribeTasks against the task ARN in its cluster', () => {
    const sim = withDeveloper([{ Effect: 'Allow', Action: 'ecs:DescribeTasks', Resource: 'arn:aws:ecs:us-east-1:123456789012:task/dev/*' }]);
    const devTask = sim.runTask({ cluster: 'dev', taskDefinition: 'job' }).tasks[0].taskArn!;
    const prodTask = sim.runTask({ cluster: 'prod', taskDefinition: 'job' }).tasks[0].taskArn!;
    const developer = sim.asRole('developer');
    expect(developer.describeTasks({ cluster: 'dev', tasks: [devTask] }).tasks).toHaveLength(1);
    expect(() => developer.describeTasks({ cluster: 'prod', tasks: [prodTask] })).toThrow(accessDenied(`on resource: ${prodTask}`));
  });

  it('refuses a role that does not exist with IAM\'s NoSuchEntity', () => {
    expect(() => createSimulator().asRole('nobody')).toThrow(expect.objectContaining({ name: 'NoSuchEntity' }));
  });

  it('rejects an unsupported condition operator when the policy is written', () => {
    const sim = createSimulator();
    sim.iam.createRole({ RoleName: 'r' });
    expect(() =>
      sim.iam.putRolePolicy({ RoleName: 'r', PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { NumericLessThan: { 'aws:x': '1' } } }] } }),
    ).toThrow(expect.objectContaining({ name: 'MalformedPolicyDocument', message: expect.stringContaining('NumericLessThan') }));
  });

  it('knows the resource of every ECS action the simulator serves', () => {
    expect(ECS_OPERATION_NAMES.map(methodName).filter((a) => !(a in ECS_ACTION_RESOURCES))).toEqual([]);
  });
});
