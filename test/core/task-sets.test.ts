import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';

function externalService() {
  const sim = createSimulator();
  sim.createCluster({ clusterName: 'c' });
  sim.control.addInstances({ cluster: 'c', instanceType: 'm5.large', count: 2 });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', cpu: 256, memory: 256 }] });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:2', cpu: 256, memory: 256 }] });
  sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 4, deploymentController: { type: 'EXTERNAL' } });
  return sim;
}

const runningByRevision = (sim: ReturnType<typeof externalService>) => {
  const { tasks } = sim.describeTasks({ cluster: 'c', tasks: sim.listTasks({ cluster: 'c', serviceName: 'web' }).taskArns });
  return tasks.filter((t) => t.lastStatus === 'RUNNING').map((t) => t.taskDefinitionArn.split(':').pop()).sort().join(',');
};

describe('the EXTERNAL deployment controller', () => {
  it('runs what a CI system asks for: task sets scaled by percent, promoted and deleted through the API', () => {
    const sim = externalService();
    const blue = sim.createTaskSet({ cluster: 'c', service: 'web', taskDefinition: 'web:1', scale: { value: 100, unit: 'PERCENT' } }).taskSet;
    // ECS answers ACTIVE, even for the first task set, until UpdateServicePrimaryTaskSet makes it PRIMARY.
    expect(blue.status).toBe('ACTIVE');
    sim.updateServicePrimaryTaskSet({ cluster: 'c', service: 'web', primaryTaskSet: blue.id });
    sim.control.runUntilSteady({ cluster: 'c', service: 'web' });
    expect(runningByRevision(sim)).toBe('1,1,1,1');
    const green = sim.createTaskSet({ cluster: 'c', service: 'web', taskDefinition: 'web:2', scale: { value: 50, unit: 'PERCENT' }, externalId: 'build-42' }).taskSet;
    sim.control.runUntilSteady({ cluster: 'c', service: 'web' });
    expect(runningByRevision(sim)).toBe('1,1,1,1,2,2');
    sim.updateTaskSet({ cluster: 'c', service: 'web', taskSet: green.id, scale: { value: 100 } });
    sim.updateServicePrimaryTaskSet({ cluster: 'c', service: 'web', primaryTaskSet: green.id });
    sim.deleteTaskSet({ cluster: 'c', service: 'web', taskSet: blue.id });
    sim.control.runUntilSteady({ cluster: 'c', service: 'web' });
    sim.control.advance(60);
    expect(runningByRevision(sim)).toBe('2,2,2,2');
    const [only] = sim.describeTaskSets({ cluster: 'c', service: 'web' }).taskSets;
    expect(only).toMatchObject({ status: 'PRIMARY', externalId: 'build-42', computedDesiredCount: 4, stabilityStatus: 'STEADY_STATE' });
    expect(sim.control.events().some((e) => e.kind === 'service-event' && e.message === `(service web, taskSet ${green.id}) updated state to STEADY_STATE.`)).toBe(true);
  });

  it('refuses UpdateService with a new task definition, and deleting the PRIMARY set without force', () => {
    const sim = externalService();
    const set = sim.createTaskSet({ cluster: 'c', service: 'web', taskDefinition: 'web:1' }).taskSet;
    sim.updateServicePrimaryTaskSet({ cluster: 'c', service: 'web', primaryTaskSet: set.id });
    expect(() => sim.updateService({ cluster: 'c', service: 'web', taskDefinition: 'web:2' })).toThrow(/EXTERNAL deployment controller/);
    expect(() => sim.deleteTaskSet({ cluster: 'c', service: 'web', taskSet: set.id })).toThrow(/PRIMARY task set cannot be deleted/);
  });
});

describe('an EXTERNAL service created without a task definition', () => {
  function bareExternalService() {
    const sim = createSimulator();
    sim.createCluster({ clusterName: 'c' });
    sim.control.addInstances({ cluster: 'c', instanceType: 'm5.large', count: 2 });
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', cpu: 256, memory: 256 }] });
    const created = sim.createService({ cluster: 'c', serviceName: 'web', desiredCount: 2, deploymentController: { type: 'EXTERNAL' } }).service;
    return { sim, created };
  }
  const described = (sim: ReturnType<typeof createSimulator>) => sim.describeServices({ cluster: 'c', services: ['web'] }).services[0];

  it('answers as the AWS CLI example shows: no taskDefinition, no deployments, an empty taskSets list', () => {
    const { sim, created } = bareExternalService();
    for (const service of [created, described(sim)]) {
      expect(service).not.toHaveProperty('taskDefinition');
      expect(service).toMatchObject({ status: 'ACTIVE', desiredCount: 2, launchType: 'EC2', deployments: [], taskSets: [], deploymentController: { type: 'EXTERNAL' } });
    }
  });

  it('lists its task sets, and shows the PRIMARY one\'s task definition once there is one', () => {
    const { sim } = bareExternalService();
    const set = sim.createTaskSet({ cluster: 'c', service: 'web', taskDefinition: 'web:1' }).taskSet;
    expect(described(sim).taskSets).toMatchObject([{ id: set.id, status: 'ACTIVE', taskDefinition: set.taskDefinition }]);
    expect(described(sim)).not.toHaveProperty('taskDefinition');
    sim.updateServicePrimaryTaskSet({ cluster: 'c', service: 'web', primaryTaskSet: set.id });
    sim.control.runUntilSteady({ cluster: 'c', service: 'web' });
    const service = described(sim);
    expect(service).toMatchObject({ taskDefinition: set.taskDefinition, runningCount: 2, deployments: [], taskSets: [{ status: 'PRIMARY', runningCount: 2 }] });
  });

  it('is the EXTERNAL controller\'s alone: an ECS service still needs its task definition, and load balancers need one too', () => {
    const sim = createSimulator();
    sim.createCluster({ clusterName: 'c' });
    expect(() => sim.createService({ cluster: 'c', serviceName: 'web', desiredCount: 1 })).toThrow(/taskDefinition should not be null or empty/);
    expect(() =>
      sim.createService({
        cluster: 'c',
        serviceName: 'web',
        desiredCount: 1,
        deploymentController: { type: 'EXTERNAL' },
        loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/tg/1', containerName: 'web', containerPort: 80 }],
      }),
    ).toThrow(/give the load balancers to CreateTaskSet/);
    expect(sim.listServices({ cluster: 'c' }).serviceArns).toEqual([]);
  });
});

/** A CODE_DEPLOY service of 2 tasks behind an ALB target group, on `instances` m5.large instances. */
function blueGreenBehindAlb(options: { instances: number; image?: { unhealthyAfterSeconds: number }; healthCheckGracePeriodSeconds?: number; maximumPercent?: number }) {
  const sim = createSimulator();
  sim.createCluster({ clusterName: 'c' });
  sim.control.addInstances({ cluster: 'c', instanceType: 'm5.large', count: options.instances });
  if (options.image) sim.control.registerImage('web:1', options.image);
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', cpu: 256, memory: 256, portMappings: [{ containerPort: 80, hostPort: 0 }] }] });
  const lb = sim.elbv2.createLoadBalancer({ Name: 'alb', Type: 'application' }).LoadBalancers[0].LoadBalancerArn;
  const tg = sim.elbv2.createTargetGroup({ Name: 'blue', Protocol: 'HTTP', Port: 80, TargetType: 'instance' }).TargetGroups[0].TargetGroupArn;
  sim.elbv2.createListener({ LoadBalancerArn: lb, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] });
  sim.createService({
    cluster: 'c',
    serviceName: 'web',
    taskDefinition: 'web',
    desiredCount: 2,
    deploymentController: { type: 'CODE_DEPLOY' },
    loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 80 }],
    ...(options.healthCheckGracePeriodSeconds !== undefined ? { healthCheckGracePeriodSeconds: options.healthCheckGracePeriodSeconds } : {}),
    ...(options.maximumPercent !== undefined ? { deploymentConfiguration: { maximumPercent: options.maximumPercent, minimumHealthyPercent: 0 } } : {}),
  });
  return { sim, tg };
}

const tasksOf = (sim: ReturnType<typeof createSimulator>, desiredStatus: 'RUNNING' | 'STOPPED') => {
  const arns = sim.listTasks({ cluster: 'c', serviceName: 'web', desiredStatus }).taskArns;
  return arns.length === 0 ? [] : sim.describeTasks({ cluster: 'c', tasks: arns }).tasks;
};
const eventMessages = (sim: ReturnType<typeof createSimulator>) => sim.describeServices({ cluster: 'c', services: ['web'] }).services[0].events.map((e) => e.message);

describe('a task set replaces its failing tasks as a rolling service does', () => {
  it('stops a task whose load balancer target turns unhealthy, says why, and starts a replacement', () => {
    const { sim, tg } = blueGreenBehindAlb({ instances: 2, image: { unhealthyAfterSeconds: 120 } });
    sim.control.advance(60);
    const originals = tasksOf(sim, 'RUNNING').map((t) => t.taskArn);
    sim.control.registerImage('web:1', {}); // the replacements stay healthy
    sim.control.advance(300);
    expect(sim.control.runUntilSteady({ cluster: 'c', service: 'web' })).toBe(true);

    const stopped = tasksOf(sim, 'STOPPED');
    expect(stopped.map((t) => t.taskArn).sort()).toEqual([...originals].sort());
    for (const task of stopped) {
      expect(task).toMatchObject({ stopCode: 'ServiceSchedulerInitiated', stoppedReason: `Task failed ELB health checks in (target-group ${tg})` });
    }
    const unhealthyEvents = eventMessages(sim).filter((m) => m.includes(`is unhealthy in (target-group ${tg}) due to (reason Health checks failed`));
    expect(unhealthyEvents).toHaveLength(2);
    expect(unhealthyEvents[0]).toMatch(/^\(service web\) \(instance i-[0-9a-f]+\) \(port \d+\) is unhealthy/);
    const [set] = sim.describeTaskSets({ cluster: 'c', service: 'web' }).taskSets;
    expect(set).toMatchObject({ computedDesiredCount: 2, runningCount: 2, pendingCount: 0, stabilityStatus: 'STEADY_STATE' });
    expect(tasksOf(sim, 'RUNNING').every((t) => !originals.includes(t.taskArn))).toBe(true);
  });

  it('leaves an unhealthy target alone until the service health check grace period ends', () => {
    const { sim } = blueGreenBehindAlb({ instances: 2, image: { unhealthyAfterSeconds: 0 }, healthCheckGracePeriodSeconds: 600 });
    sim.control.advance(500);
    expect(tasksOf(sim, 'STOPPED')).toHaveLength(0);
    sim.control.advance(200);
    expect(tasksOf(sim, 'STOPPED').map((t) => t.stoppedReason)).toEqual([expect.stringMatching(/^Task failed ELB health checks/), expect.stringMatching(/^Task failed ELB health checks/)]);
  });

  it('stops a task whose essential container turns UNHEALTHY and keeps the computed count', () => {
    const sim = externalService();
    sim.control.registerImage('web:sick', { unhealthyAfterSeconds: 60 });
    sim.registerTaskDefinition({
      family: 'web',
      containerDefinitions: [{ name: 'web', image: 'web:sick', cpu: 256, memory: 256, healthCheck: { command: ['CMD-SHELL', 'curl -f localhost'], interval: 10, retries: 2 } }],
    });
    const set = sim.createTaskSet({ cluster: 'c', service: 'web', taskDefinition: 'web:3', scale: { value: 50, unit: 'PERCENT' } }).taskSet;
    sim.control.advance(30);
    const first = tasksOf(sim, 'RUNNING').map((t) => t.taskArn);
    sim.control.advance(120);

    const stopped = tasksOf(sim, 'STOPPED').filter((t) => first.includes(t.taskArn));
    expect(stopped).toHaveLength(2);
    for (const task of stopped) {
      expect(task).toMatchObject({ stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Task failed container health checks' });
      expect(eventMessages(sim)).toContain(`(service web) (task ${task.taskArn.split('/').pop()}) failed container health checks.`);
    }
    const [described] = sim.describeTaskSets({ cluster: 'c', service: 'web', taskSets: [set.id] }).taskSets;
    expect(described.computedDesiredCount).toBe(2);
    expect(described.runningCount + described.pendingCount).toBe(2);
  });
});

describe('a task set on a DRAINING container instance', () => {
  it('starts each replacement on another instance before it stops the old task, until the instance is empty', () => {
    const { sim } = blueGreenBehindAlb({ instances: 1 });
    expect(sim.control.runUntilSteady({ cluster: 'c', service: 'web' })).toBe(true);
    const olds = tasksOf(sim, 'RUNNING').map((t) => t.taskArn.split('/').pop());
    const [old] = sim.listContainerInstances({ cluster: 'c' }).containerInstanceArns;
    sim.control.addInstances({ cluster: 'c', instanceType: 'm5.large', count: 1 });
    sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [old], status: 'DRAINING' });
    const drained = sim.control.historyMark();
    expect(sim.control.runUntilSteady({ cluster: 'c', service: 'web' })).toBe(true);

    const [instance] = sim.describeContainerInstances({ cluster: 'c', containerInstances: [old] }).containerInstances;
    expect(instance).toMatchObject({ status: 'DRAINING', runningTasksCount: 0, pendingTasksCount: 0 });
    expect(tasksOf(sim, 'RUNNING').every((t) => t.containerInstanceArn !== old)).toBe(true);
    const [set] = sim.describeTaskSets({ cluster: 'c', service: 'web' }).taskSets;
    expect(set).toMatchObject({ computedDesiredCount: 2, runningCount: 2, stabilityStatus: 'STEADY_STATE' });
    const stopped = tasksOf(sim, 'STOPPED');
    expect(stopped.map((t) => t.stoppedReason)).toEqual([`Scaling activity initiated by (deployment ${set.id})`, `Scaling activity initiated by (deployment ${set.id})`]);
    // Replacement first: the set never had fewer than its 2 tasks healthy while the instance drained.
    const healthyCounts = sim.control.taskHistory('web', 'c', drained).map((p) => Object.values(p.byTaskDefinition).reduce((n, c) => n + c.healthy, 0));
    expect(Math.min(...healthyCounts)).toBe(2);
    const stopEvents = eventMessages(sim).filter((m) => m.startsWith('(service web) has stopped'));
    expect(olds.every((id) => stopEvents.some((m) => m.includes(`(task ${id})`)))).toBe(true);
  });

  it('stops the old task first when maximumPercent leaves the service no room for a replacement', () => {
    const { sim } = blueGreenBehindAlb({ instances: 1, maximumPercent: 100 });
    expect(sim.control.runUntilSteady({ cluster: 'c', service: 'web' })).toBe(true);
    const [old] = sim.listContainerInstances({ cluster: 'c' }).containerInstanceArns;
    sim.control.addInstances({ cluster: 'c', instanceType: 'm5.large', count: 1 });
    const before = eventMessages(sim).length;
    sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [old], status: 'DRAINING' });
    expect(sim.control.runUntilSteady({ cluster: 'c', service: 'web' })).toBe(true);

    const [instance] = sim.describeContainerInstances({ cluster: 'c', containerInstances: [old] }).containerInstances;
    expect(instance).toMatchObject({ runningTasksCount: 0, pendingTasksCount: 0 });
    expect(sim.describeTaskSets({ cluster: 'c', service: 'web' }).taskSets[0]).toMatchObject({ computedDesiredCount: 2, runningCount: 2, stabilityStatus: 'STEADY_STATE' });
    const since = eventMessages(sim).slice(0, -before || undefined).reverse();
    const firstStop = since.findIndex((m) => m.startsWith('(service web) has stopped'));
    const firstStart = since.findIndex((m) => m.startsWith('(service web) has started'));
    expect(firstStop).toBeGreaterThanOrEqual(0);
    expect(firstStop).toBeLessThan(firstStart);
  });
});

describe('a CodeDeploy deployment', () => {
  it('refuses a revision without the container port the load balancer sends traffic to, and creates no task set', () => {
    const { sim } = blueGreenBehindAlb({ instances: 2 });
    sim.control.advance(120);
    sim.elbv2.createTargetGroup({ Name: 'green', Protocol: 'HTTP', Port: 80, TargetType: 'instance' });
    const green = sim.elbv2.describeTargetGroups({ Names: ['green'] }).TargetGroups[0].TargetGroupArn;
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:2', cpu: 256, memory: 256 }] });
    expect(() => sim.codeDeploy.createDeployment({ cluster: 'c', service: 'web', taskDefinition: 'web:2', greenTargetGroupArn: green })).toThrow(
      expect.objectContaining({ name: 'InvalidParameterException', message: 'The container web did not have a container port 80 defined.' }),
    );
    expect(sim.describeServices({ cluster: 'c', services: ['web'] }).services[0].taskSets).toHaveLength(1);
  });
});
