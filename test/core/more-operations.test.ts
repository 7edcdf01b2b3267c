import { describe, expect, it } from 'vitest';
import { createSimulator, type EcsSimulator } from '../../core/index.js';

/** The operations beyond the learner's core loop, each with the behaviour ECS has. */

function demo(): EcsSimulator {
  const sim = createSimulator({ seed: 8 });
  sim.createCluster({ clusterName: 'demo' });
  sim.control.addInstances({ cluster: 'demo', instanceType: 'm5.large', count: 2 });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', cpu: 256, memory: 256 }] });
  return sim;
}

const errorOf = (action: () => unknown): { name: string; message: string } => {
  try {
    action();
  } catch (error) {
    return error as { name: string; message: string };
  }
  throw new Error('expected the call to fail');
};

describe('attributes', () => {
  it('puts, lists and deletes custom attributes, and memberOf(attribute:...) placement follows them', () => {
    const sim = demo();
    const [first, second] = sim.listContainerInstances({ cluster: 'demo' }).containerInstanceArns;
    expect(sim.putAttributes({ cluster: 'demo', attributes: [{ name: 'stack', value: 'production', targetId: second }] }).attributes).toEqual([
      { name: 'stack', value: 'production', targetType: 'container-instance', targetId: second },
    ]);
    expect(sim.listAttributes({ cluster: 'demo', targetType: 'container-instance', attributeName: 'stack', attributeValue: 'production' }).attributes).toEqual([
      { name: 'stack', value: 'production', targetType: 'container-instance', targetId: second },
    ]);
    const { tasks } = sim.runTask({ cluster: 'demo', taskDefinition: 'web', count: 3, placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack == production' }] });
    expect(tasks.map((t) => t.containerInstanceArn)).toEqual([second, second, second]);
    sim.deleteAttributes({ cluster: 'demo', attributes: [{ name: 'stack', targetId: second }] });
    expect(sim.runTask({ cluster: 'demo', taskDefinition: 'web', placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack == production' }] }).failures[0].reason).toBe('ATTRIBUTE');
    expect(errorOf(() => sim.putAttributes({ cluster: 'demo', attributes: [{ name: 'ecs.instance-type', value: 'x', targetId: first }] })).name).toBe('InvalidParameterException');
    expect(errorOf(() => sim.putAttributes({ cluster: 'demo', attributes: [{ name: 'a', value: 'x', targetId: 'nope' }] })).name).toBe('TargetNotFoundException');
  });
});

describe('clusters, capacity providers and account settings', () => {
  it('UpdateCluster turns Container Insights on and keeps its configuration', () => {
    const sim = demo();
    const configuration = { executeCommandConfiguration: { logging: 'DEFAULT' } };
    const { cluster } = sim.updateCluster({ cluster: 'demo', settings: [{ name: 'containerInsights', value: 'enabled' }], configuration } as never);
    expect(cluster).toMatchObject({ settings: [{ name: 'containerInsights', value: 'enabled' }], configuration });
  });

  it('updates a capacity provider, and deletes one only once no cluster uses it', () => {
    const sim = demo();
    const { autoScalingGroupArn } = sim.control.createAutoScalingGroup({ cluster: 'demo', name: 'asg', instanceType: 'm5.large', minSize: 0, maxSize: 4 });
    sim.createCapacityProvider({ name: 'cp', autoScalingGroupProvider: { autoScalingGroupArn } });
    const updated = sim.updateCapacityProvider({ name: 'cp', autoScalingGroupProvider: { managedScaling: { targetCapacity: 90 } } });
    expect(updated.capacityProvider).toMatchObject({ updateStatus: 'UPDATE_COMPLETE', autoScalingGroupProvider: { managedScaling: { status: 'ENABLED', targetCapacity: 90 } } });
    sim.putClusterCapacityProviders({ cluster: 'demo', capacityProviders: ['cp'], defaultCapacityProviderStrategy: [] });
    expect(sim.deleteCapacityProvider({ capacityProvider: 'cp' }).capacityProvider).toMatchObject({
      updateStatus: 'DELETE_FAILED',
      updateStatusReason: 'The capacity provider cannot be deleted because it is associated with cluster: demo. Remove the capacity provider from the cluster and try again.',
    });
    sim.putClusterCapacityProviders({ cluster: 'demo', capacityProviders: [], defaultCapacityProviderStrategy: [] });
    expect(sim.deleteCapacityProvider({ capacityProvider: 'cp' }).capacityProvider.updateStatus).toBe('DELETE_IN_PROGRESS');
    expect(sim.describeCapacityProviders({ capacityProviders: ['cp'] }).failures).toEqual([{ arn: 'cp', reason: 'MISSING' }]);
  });

  it('account settings: a principal’s own, the account default, deletion, and the effective list', () => {
    const sim = demo();
    const user = 'arn:aws:iam::123456789012:user/MyUser';
    expect(sim.putAccountSettingDefault({ name: 'serviceLongArnFormat', value: 'enabled' }).setting).toEqual({ name: 'serviceLongArnFormat', value: 'enabled', principalArn: 'arn:aws:iam::123456789012:root', type: 'user' });
    sim.putAccountSetting({ name: 'containerInsights', value: 'enabled', principalArn: user });
    expect(sim.listAccountSettings({ principalArn: user }).settings.map((s) => s.name)).toEqual(['containerInsights']);
    expect(sim.listAccountSettings({ principalArn: user, effectiveSettings: true }).settings).toHaveLength(5);
    expect(sim.deleteAccountSetting({ name: 'containerInsights', principalArn: user }).setting).toMatchObject({ value: 'enabled', principalArn: user });
    expect(sim.listAccountSettings({ principalArn: user }).settings).toEqual([]);
  });
});

describe('services', () => {
  it('ListServicesByNamespace: the Service Connect services of a namespace, in every cluster', () => {
    const sim = demo();
    const namespace = sim.serviceDiscovery.createHttpNamespace({ Name: 'mesh' });
    sim.createService({ cluster: 'demo', serviceName: 'api', taskDefinition: 'web', desiredCount: 1, serviceConnectConfiguration: { enabled: true, namespace: 'mesh' } });
    sim.createService({ cluster: 'demo', serviceName: 'other', taskDefinition: 'web', desiredCount: 1 });
    expect(sim.listServicesByNamespace({ namespace: 'mesh' }).serviceArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:service/demo/api']);
    expect(namespace).toBeDefined();
    expect(errorOf(() => sim.listServicesByNamespace({ namespace: 'nope' })).name).toBe('NamespaceNotFoundException');
  });

  it('StopServiceDeployment rolls an update back to the deployment that completed before it', () => {
    const sim = demo();
    sim.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2 });
    sim.control.runUntilSteady({ cluster: 'demo', service: 'web' });
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:2', cpu: 256, memory: 256 }] });
    sim.updateService({ cluster: 'demo', service: 'web', taskDefinition: 'web:2' });
    const [update] = sim.listServiceDeployments({ cluster: 'demo', service: 'web' }).serviceDeployments;
    sim.stopServiceDeployment({ serviceDeploymentArn: update.serviceDeploymentArn });
    expect(sim.control.runUntilSteady({ cluster: 'demo', service: 'web' })).toBe(true);
    expect(sim.listServiceDeployments({ cluster: 'demo', service: 'web' }).serviceDeployments[0].status).toBe('ROLLBACK_SUCCESSFUL');
    expect(sim.describeServices({ cluster: 'demo', services: ['web'] }).services[0].taskDefinition).toMatch(/web:1$/);
    expect(errorOf(() => sim.stopServiceDeployment({ serviceDeploymentArn: update.serviceDeploymentArn })).name).toBe('ClientException');
  });
});

describe('ExecuteCommand', () => {
  function execReady(allowSsm: boolean, enable: boolean) {
    const sim = demo();
    sim.iam.createRole({ RoleName: 'app' });
    if (allowSsm) {
      const Action = ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'];
      sim.iam.putRolePolicy({ RoleName: 'app', PolicyName: 'exec', PolicyDocument: { Statement: [{ Effect: 'Allow', Action, Resource: '*' }] } });
    }
    sim.registerTaskDefinition({ family: 'app', taskRoleArn: 'arn:aws:iam::123456789012:role/app', containerDefinitions: [{ name: 'app', image: 'app:1', memory: 256 }] });
    const [task] = sim.runTask({ cluster: 'demo', taskDefinition: 'app', enableExecuteCommand: enable } as never).tasks;
    sim.control.advance(60);
    return { sim, task: task.taskArn };
  }
  const exec = (sim: EcsSimulator, task: string) => sim.executeCommand({ cluster: 'demo', task, command: '/bin/sh', interactive: true });

  it('opens a session in a running task started with enableExecuteCommand whose role allows ssmmessages', () => {
    const { sim, task } = execReady(true, true);
    const answer = exec(sim, task);
    expect(answer).toMatchObject({ taskArn: task, containerName: 'app', interactive: true, clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/demo' });
    expect(answer.session.sessionId).toMatch(/^ecs-execute-command-[0-9a-f]{17}$/);
    expect(answer.session.streamUrl).toMatch(/^wss:\/\/ssmmessages\.us-east-1\.amazonaws\.com\/v1\/data-channel\//);
  });

  it('refuses without enableExecuteCommand, and cannot reach a task whose role lacks ssmmessages', () => {
    const off = execReady(true, false);
    expect(errorOf(() => exec(off.sim, off.task))).toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining('execute command was not enabled when the task was run') });
    const noRole = execReady(false, true);
    expect(errorOf(() => exec(noRole.sim, noRole.task))).toEqual(expect.objectContaining({ name: 'TargetNotConnectedException', message: 'The execute command failed due to an internal error. Try again later.' }));
    expect(errorOf(() => noRole.sim.executeCommand({ cluster: 'demo', task: noRole.task, command: 'ls', interactive: false })).message).toBe('Interactive is the only mode supported currently.');
  });
});

describe('what only the agent calls', () => {
  it('registers an instance, acknowledges state reports, points to the poll endpoint, and has no agent update', () => {
    const sim = demo();
    const { containerInstance } = sim.registerContainerInstance({
      cluster: 'demo',
      totalResources: [
        { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
        { name: 'MEMORY', type: 'INTEGER', integerValue: 4096 },
      ],
    } as never);
    expect(containerInstance.registeredResources.find((r) => r.name === 'MEMORY')?.integerValue).toBe(4096);
    expect(sim.listContainerInstances({ cluster: 'demo' }).containerInstanceArns).toHaveLength(3);
    expect(sim.submitTaskStateChange({ cluster: 'demo' })).toEqual({ acknowledgment: 'ACCEPT' });
    expect(sim.discoverPollEndpoint({ cluster: 'demo' }).endpoint).toBe('https://ecs-a-1.us-east-1.amazonaws.com/');
    expect(errorOf(() => sim.updateContainerAgent({ cluster: 'demo', containerInstance: containerInstance.containerInstanceArn })).name).toBe('NoUpdateAvailableException');
  });
});

describe('gateways, kept and described', () => {
  it('answers in ECS shapes', () => {
    const sim = demo();
    const gateway = sim.createGateway({ name: 'edge', infrastructureRoleArn: 'arn:aws:iam::123456789012:role/infra', configuration: { hostSharedAlb: {} } } as never);
    expect(sim.associateGatewayWithCluster({ gateway: 'edge', cluster: 'demo' })).toMatchObject({ gatewayArn: gateway.gatewayArn, status: 'ACTIVE' });
    expect(sim.listGateways({}).gateways.map((g) => g.name)).toEqual(['edge']);
  });
});
