import { describe, expect, it } from 'vitest';
import { createSimulator, EcsError, type EcsSimulator } from '../../core/index.js';

function clusterWithWeb(seed = 1): EcsSimulator {
  const sim = createSimulator({ seed });
  sim.createCluster({ clusterName: 'demo' });
  sim.control.addInstances({ cluster: 'demo', instanceType: 'm5.large', count: 2, availabilityZones: ['us-east-1a', 'us-east-1b'] });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', cpu: 512, memory: 1024 }] });
  return sim;
}

function errorOf(action: () => unknown): EcsError {
  try {
    action();
  } catch (error) {
    return error as EcsError;
  }
  throw new Error('expected the call to fail');
}

describe('clusters', () => {
  it('answers an unknown cluster with ClusterNotFoundException', () => {
    const sim = createSimulator();
    const error = errorOf(() => sim.listServices({ cluster: 'nope' }));
    expect(error).toBeInstanceOf(EcsError);
    expect(error.name).toBe('ClusterNotFoundException');
  });

  it('reports registered and remaining CPU and memory of a container instance', () => {
    const sim = clusterWithWeb();
    const [arn] = sim.listContainerInstances({ cluster: 'demo' }).containerInstanceArns;
    const [instance] = sim.describeContainerInstances({ cluster: 'demo', containerInstances: [arn] }).containerInstances;
    const value = (list: typeof instance.registeredResources, name: string) => list.find((r) => r.name === name)!.integerValue;
    expect(value(instance.registeredResources, 'CPU')).toBe(2048);
    expect(value(instance.remainingResources, 'MEMORY')).toBe(value(instance.registeredResources, 'MEMORY'));
    expect(instance.remainingResources.find((r) => r.name === 'PORTS')!.stringSetValue).toEqual(['22', '2375', '2376', '51678', '51679']);
    expect(instance.attributes).toContainEqual({ name: 'ecs.availability-zone', value: 'us-east-1a' });
  });
});

describe('task definitions', () => {
  it('numbers revisions from 1 and never reuses a number after deregistration', () => {
    const sim = clusterWithWeb();
    sim.deregisterTaskDefinition({ taskDefinition: 'web:1' });
    const { taskDefinition } = sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:2', memory: 256 }] });
    expect(taskDefinition.revision).toBe(2);
    expect(taskDefinition.taskDefinitionArn).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/web:2');
  });

  it('names the container and the rule when an EC2 container has no memory', () => {
    const sim = createSimulator();
    const error = errorOf(() => sim.registerTaskDefinition({ family: 'api', containerDefinitions: [{ name: 'app', image: 'api:1' }] }));
    expect(error.name).toBe('ClientException');
    expect(error.message).toBe("Invalid setting for container 'app'. At least one of 'memory' or 'memoryReservation' must be specified.");
    expect(error.field).toBe('containerDefinitions[0].memory');
  });

  it('rejects a Fargate size that is not in the table and accepts one that is', () => {
    const sim = createSimulator();
    const fargate = (cpu: string, memory: string, networkMode: 'awsvpc' | 'bridge' = 'awsvpc') => () =>
      sim.registerTaskDefinition({ family: 'f', requiresCompatibilities: ['FARGATE'], networkMode, cpu, memory, containerDefinitions: [{ name: 'a', image: 'a:1' }] });
    expect(errorOf(fargate('256', '4096'))).toMatchObject({ name: 'ClientException', message: 'No Fargate configuration exists for given values.' });
    expect(errorOf(fargate('256', '512', 'bridge'))).toMatchObject({ name: 'ClientException', message: 'Fargate only supports network mode ‘awsvpc’.' });
    expect(fargate('256', '512')().taskDefinition.revision).toBe(1);
  });

  it('suggests the closest field for a misspelt one', () => {
    const sim = createSimulator();
    const error = errorOf(() => sim.registerTaskDefinition({ family: 'f', containerDefinitions: [{ name: 'a', image: 'a:1', memmory: 128 } as never] }));
    expect(error.name).toBe('InvalidParameterException');
    expect(error.message).toContain('did you mean memory?');
  });
});

describe('services', () => {
  it('answers an unknown service with ServiceNotFoundException', () => {
    const sim = clusterWithWeb();
    expect(errorOf(() => sim.updateService({ cluster: 'demo', service: 'ghost', desiredCount: 1 })).name).toBe('ServiceNotFoundException');
  });

  it('leaves the service exactly as it was when an update is rejected', () => {
    const sim = clusterWithWeb();
    sim.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2 });
    const before = JSON.stringify(sim.describeServices({ cluster: 'demo', services: ['web'] }));
    const error = errorOf(() =>
      sim.updateService({ cluster: 'demo', service: 'web', desiredCount: 5, deploymentConfiguration: { minimumHealthyPercent: 150 } }),
    );
    expect(error.name).toBe('InvalidParameterException');
    expect(error.message).toContain('deploymentConfiguration.minimumHealthyPercent');
    expect(JSON.stringify(sim.describeServices({ cluster: 'demo', services: ['web'] }))).toBe(before);
  });

  it('counts a task without health checks as healthy 40 seconds after RUNNING, then reports steady state', () => {
    const sim = clusterWithWeb();
    sim.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    sim.control.runUntil(() => sim.describeServices({ cluster: 'demo', services: ['web'] }).services[0].runningCount === 1, 60);
    const runningAt = sim.control.now;
    expect(sim.control.runUntilSteady({ cluster: 'demo', service: 'web' })).toBe(true);
    expect(sim.control.now - runningAt).toBe(40);
    const [service] = sim.describeServices({ cluster: 'demo', services: ['web'] }).services;
    expect(service.events[0].message).toBe('(service web) has reached a steady state.');
    expect(service.deployments).toHaveLength(1);
    expect(service.deployments[0]).toMatchObject({ status: 'PRIMARY', rolloutState: 'COMPLETED', runningCount: 1, desiredCount: 1 });
    expect(service.deployments[0].id).toMatch(/^ecs-svc\/\d{19}$/);
  });

  it('drops the replaced deployment once its tasks are gone and gives tasks the service group and deployment as startedBy', () => {
    const sim = clusterWithWeb();
    sim.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2 });
    sim.control.runUntilSteady({ cluster: 'demo', service: 'web' });
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:2', cpu: 512, memory: 1024 }] });
    sim.updateService({ cluster: 'demo', service: 'web', taskDefinition: 'web:2' });
    expect(sim.control.runUntilSteady({ cluster: 'demo', service: 'web' })).toBe(true);
    const [service] = sim.describeServices({ cluster: 'demo', services: ['web'] }).services;
    expect(service.deployments.map((d) => d.status)).toEqual(['PRIMARY']);
    const { tasks } = sim.describeTasks({ cluster: 'demo', tasks: sim.listTasks({ cluster: 'demo', serviceName: 'web' }).taskArns });
    expect(tasks).toHaveLength(2);
    for (const task of tasks) {
      expect(task.group).toBe('service:web');
      expect(task.startedBy).toBe(service.deployments[0].id);
      expect(task.taskDefinitionArn.endsWith(':2')).toBe(true);
    }
  });

  it('places service tasks across Availability Zones', () => {
    const sim = clusterWithWeb();
    sim.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 4 });
    sim.control.advance(1);
    const { tasks } = sim.describeTasks({ cluster: 'demo', tasks: sim.listTasks({ cluster: 'demo', serviceName: 'web' }).taskArns });
    const perZone = new Map<string, number>();
    for (const t of tasks) perZone.set(t.availabilityZone!, (perZone.get(t.availabilityZone!) ?? 0) + 1);
    expect([...perZone.values()]).toEqual([2, 2]);
  });
});

describe('tasks', () => {
  it('runs a standalone task through PROVISIONING, PENDING and ACTIVATING to RUNNING with epoch-second timestamps', () => {
    const sim = clusterWithWeb();
    const { tasks } = sim.runTask({ cluster: 'demo', taskDefinition: 'web' });
    const arn = tasks[0].taskArn;
    expect(tasks[0].lastStatus).toBe('PROVISIONING');
    const seen = new Set<string>();
    sim.control.runUntil(() => {
      seen.add(sim.describeTasks({ cluster: 'demo', tasks: [arn] }).tasks[0].lastStatus);
      return seen.has('RUNNING');
    }, 60);
    expect([...seen]).toEqual(['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING']);
    const [task] = sim.describeTasks({ cluster: 'demo', tasks: [arn] }).tasks;
    expect(task.startedAt! - task.createdAt).toBeGreaterThan(0);
    expect(task.createdAt).toBeGreaterThan(1.7e9);
  });

  it('stops a task asked by the user with UserInitiated and keeps describing it once STOPPED', () => {
    const sim = clusterWithWeb();
    const arn = sim.runTask({ cluster: 'demo', taskDefinition: 'web' }).tasks[0].taskArn;
    sim.control.advance(30);
    sim.stopTask({ cluster: 'demo', task: arn });
    sim.control.advance(60);
    const [task] = sim.describeTasks({ cluster: 'demo', tasks: [arn] }).tasks;
    expect(task).toMatchObject({ lastStatus: 'STOPPED', desiredStatus: 'STOPPED', stopCode: 'UserInitiated', stoppedReason: 'Task stopped by user' });
    expect(sim.listTasks({ cluster: 'demo', desiredStatus: 'STOPPED' }).taskArns).toEqual([arn]);
  });

  it('reports RESOURCE:MEMORY as a RunTask failure when no instance has the memory', () => {
    const sim = clusterWithWeb();
    sim.registerTaskDefinition({ family: 'big', containerDefinitions: [{ name: 'big', image: 'big:1', memory: 20000 }] });
    const { tasks, failures } = sim.runTask({ cluster: 'demo', taskDefinition: 'big' });
    expect(tasks).toEqual([]);
    expect(failures[0].reason).toBe('RESOURCE:MEMORY');
    expect(failures[0].arn).toMatch(/:container-instance\/demo\//);
  });
});

describe('capacity providers', () => {
  const fargateCluster = () => {
    const sim = createSimulator();
    sim.createCluster({ clusterName: 'f', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] });
    sim.registerTaskDefinition({ family: 'app', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image: 'app:1' }] });
    return sim;
  };
  const network = { awsvpcConfiguration: { subnets: ['subnet-1'] } };

  it('rejects a launch type together with a capacity provider strategy', () => {
    const sim = fargateCluster();
    const error = errorOf(() =>
      sim.createService({ cluster: 'f', serviceName: 's', taskDefinition: 'app', desiredCount: 1, launchType: 'FARGATE', capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }], networkConfiguration: network }),
    );
    expect(error).toMatchObject({ name: 'InvalidParameterException', message: 'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.' });
  });

  it('rejects a provider the cluster does not have, naming the item', () => {
    const sim = createSimulator();
    sim.createCluster({ clusterName: 'plain' });
    sim.registerTaskDefinition({ family: 'app', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image: 'app:1' }] });
    const error = errorOf(() => sim.runTask({ cluster: 'plain', taskDefinition: 'app', capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }], networkConfiguration: network }));
    expect(error.name).toBe('InvalidParameterException');
    expect(error.field).toBe('capacityProviderStrategy[0].capacityProvider');
  });

  it('asks for a network configuration for awsvpc tasks', () => {
    const sim = fargateCluster();
    const error = errorOf(() => sim.runTask({ cluster: 'f', taskDefinition: 'app', launchType: 'FARGATE' }));
    expect(error).toMatchObject({ name: 'InvalidParameterException', message: "Network Configuration must be provided when networkMode 'awsvpc' is specified." });
  });

  it('refuses FARGATE for a task definition that does not fit Fargate', () => {
    const sim = fargateCluster();
    sim.registerTaskDefinition({ family: 'ec2only', containerDefinitions: [{ name: 'a', image: 'a:1', memory: 128 }] });
    const error = errorOf(() => sim.runTask({ cluster: 'f', taskDefinition: 'ec2only', launchType: 'FARGATE' }));
    expect(error).toMatchObject({ name: 'InvalidParameterException', message: 'Task definition does not support launch_type FARGATE.' });
  });

  it('runs a Fargate task with its provider name and no container instance', () => {
    const sim = fargateCluster();
    const { tasks } = sim.runTask({ cluster: 'f', taskDefinition: 'app', capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }], networkConfiguration: network });
    expect(tasks[0]).toMatchObject({ launchType: 'FARGATE', capacityProviderName: 'FARGATE_SPOT', availabilityZone: 'us-east-1a', platformVersion: '1.4.0' });
    expect(tasks[0].containerInstanceArn).toBeUndefined();
  });

  it('uses the cluster default strategy when a call names neither', () => {
    const sim = fargateCluster();
    sim.putClusterCapacityProviders({ cluster: 'f', capacityProviders: ['FARGATE', 'FARGATE_SPOT'], defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] });
    const { tasks } = sim.runTask({ cluster: 'f', taskDefinition: 'app', networkConfiguration: network });
    expect(tasks[0].capacityProviderName).toBe('FARGATE_SPOT');
  });
});

describe('awsvpc tasks on EC2', () => {
  const awsvpcCluster = (trunking: boolean) => {
    const sim = createSimulator();
    if (trunking) sim.putAccountSetting({ name: 'awsvpcTrunking', value: 'enabled' });
    sim.createCluster({ clusterName: 'c' });
    sim.control.addInstances({ cluster: 'c', instanceType: 'c5.large', count: 1 });
    sim.registerTaskDefinition({ family: 'tiny', networkMode: 'awsvpc', containerDefinitions: [{ name: 'tiny', image: 'tiny:1', memory: 64 }] });
    return sim;
  };
  const network = { awsvpcConfiguration: { subnets: ['subnet-1'] } };

  it('fit two on a c5.large (3 ENIs, one of them the instance own), then fail with RESOURCE:ENI', () => {
    const sim = awsvpcCluster(false);
    const { tasks, failures } = sim.runTask({ cluster: 'c', taskDefinition: 'tiny', count: 3, networkConfiguration: network });
    expect(tasks).toHaveLength(2);
    expect(failures).toEqual([expect.objectContaining({ reason: 'RESOURCE:ENI' })]);
  });

  it('fit ten on a c5.large launched after the account turned ENI trunking on', () => {
    const sim = awsvpcCluster(true);
    const first = sim.runTask({ cluster: 'c', taskDefinition: 'tiny', count: 10, networkConfiguration: network });
    expect(first.tasks).toHaveLength(10);
    expect(sim.runTask({ cluster: 'c', taskDefinition: 'tiny', networkConfiguration: network }).failures[0].reason).toBe('RESOURCE:ENI');
    expect(sim.listAccountSettings({ name: 'awsvpcTrunking' }).settings[0].value).toBe('enabled');
  });
});
