import { describe, expect, it } from 'vitest';
import { createSimulator, type EcsSimulator } from '../../core/index.js';

/** The ten behaviours at the end of ecs-behaviour.md, each with the numbers it gives. */

function serviceEvents(sim: EcsSimulator, service: string): string[] {
  return sim.control.events().flatMap((e) => (e.kind === 'service-event' && e.service === service ? [e.message] : []));
}

function tasksOf(sim: EcsSimulator, cluster: string, serviceName?: string, desiredStatus: 'RUNNING' | 'STOPPED' = 'RUNNING') {
  const { taskArns } = sim.listTasks({ cluster, serviceName, desiredStatus });
  return taskArns.length ? sim.describeTasks({ cluster, tasks: taskArns }).tasks : [];
}

function remaining(sim: EcsSimulator, cluster: string, arn: string, name: 'CPU' | 'MEMORY' | 'PORTS') {
  const [instance] = sim.describeContainerInstances({ cluster, containerInstances: [arn] }).containerInstances;
  const resource = instance.remainingResources.find((r) => r.name === name)!;
  return name === 'PORTS' ? resource.stringSetValue : resource.integerValue;
}

describe('reference behaviour 5: static host port conflict versus dynamic ports', () => {
  const setup = (hostPort: number) => {
    const sim = createSimulator();
    sim.createCluster({ clusterName: 'c' });
    const [arn] = sim.control.addInstances({ cluster: 'c', instanceType: 'm5.large', count: 1 }).containerInstanceArns;
    sim.registerTaskDefinition({ family: 'web', networkMode: 'bridge', containerDefinitions: [{ name: 'web', image: 'nginx:1', memory: 256, portMappings: [{ containerPort: 80, hostPort }] }] });
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 2 });
    sim.control.advance(60);
    return { sim, arn };
  };

  it('runs one task on hostPort 80, adds "80" to PORTS, and fails the second with the port event', () => {
    const { sim, arn } = setup(80);
    expect(tasksOf(sim, 'c', 'web')).toHaveLength(1);
    expect(remaining(sim, 'c', arn, 'PORTS')).toEqual(['22', '80', '2375', '2376', '51678', '51679']);
    expect(serviceEvents(sim, 'web').some((m) => /The closest matching \(container-instance [0-9a-f]{32}\) is already using a port required by your task\./.test(m))).toBe(true);
    const { failures } = sim.runTask({ cluster: 'c', taskDefinition: 'web' });
    expect(failures[0].reason).toBe('RESOURCE:PORTS');
  });

  it('with hostPort 0 runs both on the instance with distinct ephemeral host ports and leaves PORTS alone', () => {
    const { sim, arn } = setup(0);
    const tasks = tasksOf(sim, 'c', 'web');
    expect(tasks).toHaveLength(2);
    const ports = tasks.map((t) => t.containers[0].networkBindings[0].hostPort);
    expect(new Set(ports).size).toBe(2);
    for (const port of ports) expect(port).toBeGreaterThanOrEqual(49153);
    expect(remaining(sim, 'c', arn, 'PORTS')).toEqual(['22', '2375', '2376', '51678', '51679']);
  });
});

describe('reference behaviour 6: memory accounting and binpack', () => {
  it('binpacks onto the instance with the least remaining memory that fits, then the other, then fails with RESOURCE:MEMORY', () => {
    const sim = createSimulator();
    sim.createCluster({ clusterName: 'c' });
    // t3.micro registers 943 MiB, t3.medium 3922 MiB: a 1000 / 3000 picture in spirit, with real types.
    const [small] = sim.control.addInstances({ cluster: 'c', instanceType: 't3.micro', count: 1 }).containerInstanceArns;
    const [large] = sim.control.addInstances({ cluster: 'c', instanceType: 't3.medium', count: 1 }).containerInstanceArns;
    sim.registerTaskDefinition({ family: 'app', containerDefinitions: [{ name: 'app', image: 'app:1', memoryReservation: 800 }] });
    const place = () => sim.runTask({ cluster: 'c', taskDefinition: 'app', placementStrategy: [{ type: 'binpack', field: 'memory' }] });
    expect(place().tasks[0].containerInstanceArn).toBe(small);
    expect(remaining(sim, 'c', small, 'MEMORY')).toBe(943 - 800);
    expect(place().tasks[0].containerInstanceArn).toBe(large);
    sim.registerTaskDefinition({ family: 'huge', containerDefinitions: [{ name: 'huge', image: 'huge:1', memoryReservation: 4000 }] });
    expect(sim.runTask({ cluster: 'c', taskDefinition: 'huge' }).failures[0].reason).toBe('RESOURCE:MEMORY');
    sim.createService({ cluster: 'c', serviceName: 'huge', taskDefinition: 'huge', desiredCount: 1 });
    sim.control.advance(1);
    expect(serviceEvents(sim, 'huge')[0]).toMatch(/has insufficient memory available\. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide\.$/);
  });
});

describe('reference behaviour 7: essential container exit and health-check replacement', () => {
  const setup = () => {
    const sim = createSimulator();
    sim.createCluster({ clusterName: 'c' });
    sim.control.addInstances({ cluster: 'c', instanceType: 'm5.large', count: 2 });
    sim.registerTaskDefinition({
      family: 'app',
      containerDefinitions: [
        { name: 'app', image: 'app:1', memory: 256 },
        { name: 'sidecar', image: 'sidecar:1', memory: 64, essential: false },
      ],
    });
    return sim;
  };

  it('keeps the task RUNNING when the non-essential sidecar exits with code 1', () => {
    const sim = setup();
    sim.control.registerImage('sidecar:1', { crashAfterSeconds: 10, exitCode: 1 });
    sim.createService({ cluster: 'c', serviceName: 'app', taskDefinition: 'app', desiredCount: 1 });
    sim.control.advance(60);
    const [task] = tasksOf(sim, 'c', 'app');
    expect(task.lastStatus).toBe('RUNNING');
    expect(task.containers.find((c) => c.name === 'sidecar')).toMatchObject({ lastStatus: 'STOPPED', exitCode: 1 });
  });

  it('stops the task with EssentialContainerExited when app exits with 137, and the service starts a replacement', () => {
    const sim = setup();
    sim.control.registerImage('app:1', { crashAfterSeconds: 20, exitCode: 137 });
    sim.createService({ cluster: 'c', serviceName: 'app', taskDefinition: 'app', desiredCount: 1 });
    sim.control.advance(40);
    const [stopped] = tasksOf(sim, 'c', 'app', 'STOPPED');
    expect(stopped).toMatchObject({ stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited' });
    expect(stopped.containers.find((c) => c.name === 'app')!.exitCode).toBe(137);
    expect(serviceEvents(sim, 'app').filter((m) => /^\(service app\) has started 1 tasks: \(task [0-9a-f]{32}\)\.$/.test(m)).length).toBeGreaterThanOrEqual(2);
  });

  it('replaces a task whose health check fails 3 times in a row, unless it is inside the grace period', () => {
    const run = (grace: number) => {
      const sim = createSimulator();
      sim.createCluster({ clusterName: 'c' });
      sim.control.addInstances({ cluster: 'c', instanceType: 'm5.large', count: 1 });
      sim.registerTaskDefinition({
        family: 'api',
        containerDefinitions: [{ name: 'api', image: 'api:1', memory: 256, healthCheck: { command: ['CMD-SHELL', 'curl -f localhost'], interval: 30, retries: 3 } }],
      });
      sim.control.registerImage('api:1', { unhealthyAfterSeconds: 0 });
      sim.createService({ cluster: 'c', serviceName: 'api', taskDefinition: 'api', desiredCount: 1, healthCheckGracePeriodSeconds: grace });
      sim.control.advance(100);
      return sim;
    };
    const noGrace = run(0);
    const [stopped] = tasksOf(noGrace, 'c', 'api', 'STOPPED');
    expect(stopped).toMatchObject({ stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Task failed container health checks' });
    expect(serviceEvents(noGrace, 'api')).toContain(`(service api) (task ${stopped.taskArn.split('/').pop()}) failed container health checks.`);
    const withGrace = run(600);
    expect(tasksOf(withGrace, 'c', 'api', 'STOPPED')).toHaveLength(0);
    expect(tasksOf(withGrace, 'c', 'api')[0].healthStatus).toBe('UNHEALTHY');
  });
});

describe('reference behaviour 3: circuit breaker threshold and rollback', () => {
  it('fails the deployment after 3 failed tasks, rolls back, and tells EventBridge in order', () => {
    const sim = createSimulator();
    sim.createCluster({ clusterName: 'c' });
    sim.control.addInstances({ cluster: 'c', instanceType: 'm5.xlarge', count: 2 });
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', memory: 256 }] });
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 4, deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } });
    sim.control.runUntilSteady({ cluster: 'c', service: 'web' });
    const [oldDeployment] = sim.describeServices({ cluster: 'c', services: ['web'] }).services[0].deployments;
    sim.control.registerImage('web:bad', { pullError: 'manifest unknown' });
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:bad', memory: 256 }] });
    sim.updateService({ cluster: 'c', service: 'web', taskDefinition: 'web:2' });
    const [newDeployment] = sim.describeServices({ cluster: 'c', services: ['web'] }).services[0].deployments;
    sim.control.advance(600);
    // Rolled back, the failed deployment has left DescribeServices; its service deployment tells what happened.
    const [failedBrief] = sim.listServiceDeployments({ cluster: 'c', service: 'web' }).serviceDeployments;
    const failed = sim.describeServiceDeployments({ serviceDeploymentArns: [failedBrief.serviceDeploymentArn] }).serviceDeployments[0];
    expect(failed).toMatchObject({ status: 'ROLLBACK_SUCCESSFUL', statusReason: 'ECS deployment circuit breaker: tasks failed to start.' });
    expect(failed.deploymentCircuitBreaker.failureCount).toBeGreaterThanOrEqual(3);
    expect(serviceEvents(sim, 'web')).toContain(`(service web) (deployment ${newDeployment.id}) deployment failed: tasks failed to start.`);
    expect(serviceEvents(sim, 'web')).toContain(`(service web) rolling back to deployment ${oldDeployment.id}.`);
    const deploymentEvents = sim.control.events().flatMap((e) => (e.kind === 'eventbridge' && e.event['detail-type'] === 'ECS Deployment State Change' ? [e.event.detail] : []));
    const failedAt = deploymentEvents.findIndex((d) => d.eventName === 'SERVICE_DEPLOYMENT_FAILED');
    expect(deploymentEvents[failedAt + 1]).toMatchObject({ eventName: 'SERVICE_DEPLOYMENT_IN_PROGRESS', reason: `ECS deployment circuit breaker: rolling back to deploymentId ${oldDeployment.id}.` });
    const badAfterFailure = [...tasksOf(sim, 'c', 'web'), ...tasksOf(sim, 'c', 'web', 'STOPPED')].filter((t) => t.taskDefinitionArn.endsWith(':2') && t.createdAt > failed.rollback!.startedAt);
    expect(badAfterFailure).toHaveLength(0);
    expect(tasksOf(sim, 'c', 'web').map((t) => t.taskDefinitionArn.split(':').pop())).toEqual(['1', '1', '1', '1']);
  });
});

describe('reference behaviour 10: Fargate Spot interruption with a capacity-provider split', () => {
  it('splits 10 tasks 4 / 6, and a reclaimed Spot task is warned while RUNNING, stopped within 120 s, and replaced on Spot', () => {
    const sim = createSimulator();
    sim.createCluster({ clusterName: 'f', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] });
    sim.registerTaskDefinition({ family: 'w', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'w', image: 'w:1', stopTimeout: 120 }] });
    sim.control.registerImage('w:1', { stopSeconds: 200 });
    sim.createService({
      cluster: 'f', serviceName: 'w', taskDefinition: 'w', desiredCount: 10,
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE', base: 2, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 3 }],
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'] } },
    });
    sim.control.runUntilSteady({ cluster: 'f', service: 'w' });
    const count = (p: string) => tasksOf(sim, 'f', 'w').filter((t) => t.capacityProviderName === p).length;
    expect([count('FARGATE'), count('FARGATE_SPOT')]).toEqual([4, 6]);
    const seq = sim.control.events().length;
    const [arn] = sim.control.interruptFargateSpotTasks({ cluster: 'f', service: 'w', count: 1 }).taskArns;
    const [notice] = sim.control.eventsSince(seq).flatMap((e) => (e.kind === 'eventbridge' && e.event.detail.taskArn === arn ? [e.event.detail] : []));
    expect(notice).toMatchObject({ desiredStatus: 'STOPPED', lastStatus: 'RUNNING', stopCode: 'SpotInterruption', stoppedReason: 'Your Spot Task was interrupted.' });
    sim.control.advance(180);
    const [stopped] = sim.describeTasks({ cluster: 'f', tasks: [arn] }).tasks;
    expect(stopped.lastStatus).toBe('STOPPED');
    expect(stopped.stoppedAt! - stopped.stoppingAt!).toBeLessThanOrEqual(120 + 5);
    expect(stopped.containers[0].exitCode).toBe(137);
    expect([count('FARGATE'), count('FARGATE_SPOT')]).toEqual([4, 6]);
  });
});
