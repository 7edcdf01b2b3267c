import { describe, expect, it } from 'vitest';
import { createSimulator, type EcsSimulator } from '../../core/index.js';

/** Answers ECS documents (API reference, the AWS CLI's captured examples), word for word. */

function demo(): EcsSimulator {
  const sim = createSimulator({ seed: 2 });
  sim.createCluster({ clusterName: 'demo', tags: [{ key: 'team', value: 'a' }] });
  sim.control.addInstances({ cluster: 'demo', instanceType: 'm5.large', count: 1 });
  return sim;
}

const errorOf = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    return error as { name: string; message: string };
  }
  throw new Error('expected the call to fail');
};

const web = { family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', memory: 256 }] };

describe('exact answers', () => {
  it('names a service it did not find by its short ARN', () => {
    const sim = demo();
    expect(sim.describeServices({ cluster: 'demo', services: ['nope'] }).failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:service/nope', reason: 'MISSING' }]);
  });

  it('ListTaskDefinitions familyPrefix is the whole family name', () => {
    const sim = demo();
    sim.registerTaskDefinition(web);
    sim.registerTaskDefinition({ ...web, family: 'webhook' });
    expect(sim.listTaskDefinitions({ familyPrefix: 'web' }).taskDefinitionArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:task-definition/web:1']);
    expect(sim.listTaskDefinitionFamilies({ familyPrefix: 'web' }).families).toEqual(['web', 'webhook']);
  });

  it('DescribeClusters gives tags only with include TAGS', () => {
    const sim = demo();
    expect(sim.describeClusters({ clusters: ['demo'] }).clusters[0]).not.toHaveProperty('tags');
    expect(sim.describeClusters({ clusters: ['demo'], include: ['TAGS'] }).clusters[0].tags).toEqual([{ key: 'team', value: 'a' }]);
  });

  it('task definitions keep their tags: TagResource, UntagResource, ListTagsForResource, include TAGS', () => {
    const sim = demo();
    const { taskDefinition } = sim.registerTaskDefinition({ ...web, tags: [{ key: 'app', value: 'web' }] });
    const resourceArn = taskDefinition.taskDefinitionArn;
    sim.tagResource({ resourceArn, tags: [{ key: 'stage', value: 'prod' }] });
    sim.untagResource({ resourceArn, tagKeys: ['app'] });
    expect(sim.listTagsForResource({ resourceArn }).tags).toEqual([{ key: 'stage', value: 'prod' }]);
    expect(sim.describeTaskDefinition({ taskDefinition: 'web:1', include: ['TAGS'] }).tags).toEqual([{ key: 'stage', value: 'prod' }]);
    expect(sim.describeTaskDefinition({ taskDefinition: 'web:1' })).not.toHaveProperty('tags');
  });

  it('refuses to tag by a short ARN', () => {
    const sim = demo();
    expect(errorOf(() => sim.tagResource({ resourceArn: 'arn:aws:ecs:us-east-1:123456789012:service/web', tags: [{ key: 'k', value: 'v' }] }))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Long arn format must be used for tagging operations',
    });
  });

  it('refuses pidMode host on Fargate in ECS’s words', () => {
    const sim = demo();
    const fargate = { family: 'f', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'f', image: 'f:1' }] } as const;
    expect(errorOf(() => sim.registerTaskDefinition({ ...fargate, pidMode: 'host' } as never))).toMatchObject({
      name: 'ClientException',
      message: "Tasks using the Fargate launch type do not support pidMode 'host'. The supported value for pidMode is 'task'.",
    });
  });

  it('says ECS’s words for an empty container name, an empty container-instance list and a DAEMON desiredCount', () => {
    const sim = demo();
    sim.registerTaskDefinition(web);
    expect(errorOf(() => sim.registerTaskDefinition({ family: 'x', containerDefinitions: [{ name: '', image: 'x:1', memory: 128 }] })).message).toBe('Container.name should not be null or empty.');
    expect(errorOf(() => sim.describeContainerInstances({ cluster: 'demo', containerInstances: [] })).message).toBe('Container instance cannot be empty.');
    expect(errorOf(() => sim.createService({ cluster: 'demo', serviceName: 'd', taskDefinition: 'web', schedulingStrategy: 'DAEMON', desiredCount: 1 })).message).toBe(
      'The daemon scheduling strategy does not support a desired count for services. Remove the desired count value and try again',
    );
  });

  it('describes a task definition with ECS’s empty lists, defaults, registeredAt, registeredBy and requiresAttributes', () => {
    const sim = demo();
    sim.registerTaskDefinition({ ...web, taskRoleArn: 'arn:aws:iam::123456789012:role/app' });
    const { taskDefinition } = sim.describeTaskDefinition({ taskDefinition: 'web' });
    expect(taskDefinition.containerDefinitions[0]).toMatchObject({ portMappings: [], essential: true, environment: [], mountPoints: [], volumesFrom: [] });
    expect(taskDefinition).toMatchObject({ volumes: [], placementConstraints: [], requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.task-iam-role' }], registeredBy: expect.stringMatching(/^arn:aws:iam::123456789012:/) });
    expect(taskDefinition.registeredAt).toBe(sim.control.nowEpochSeconds);
  });

  it('CreateTaskSet answers ACTIVE until UpdateServicePrimaryTaskSet', () => {
    const sim = demo();
    sim.registerTaskDefinition(web);
    sim.createService({ cluster: 'demo', serviceName: 'ext', desiredCount: 1, deploymentController: { type: 'EXTERNAL' }, taskDefinition: 'web' });
    const { taskSet } = sim.createTaskSet({ cluster: 'demo', service: 'ext', taskDefinition: 'web' });
    expect(taskSet.status).toBe('ACTIVE');
    sim.updateServicePrimaryTaskSet({ cluster: 'demo', service: 'ext', primaryTaskSet: taskSet.id });
    expect(sim.describeTaskSets({ cluster: 'demo', service: 'ext' }).taskSets[0].status).toBe('PRIMARY');
  });
});
