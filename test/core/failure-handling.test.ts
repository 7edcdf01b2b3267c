import { describe, expect, it } from 'vitest';
import { circuitBreakerThreshold } from '../../core/ecs/services/circuit-breaker.js';
import { startThrottleDelaySeconds } from '../../core/ecs/services/start-throttle.js';
import { afterHealthCheck, taskHealth } from '../../core/ecs/tasks/task-health.js';
import { createSimulator } from '../../core/index.js';
import type { ContainerRecord } from '../../core/ecs/model/state.js';

describe('circuit breaker threshold', () => {
  it('is half the desired count rounded up, between 3 and 200 (reference behaviour 3)', () => {
    expect(circuitBreakerThreshold(1)).toBe(3);
    expect(circuitBreakerThreshold(4)).toBe(3);
    expect(circuitBreakerThreshold(10)).toBe(5);
    expect(circuitBreakerThreshold(25)).toBe(13);
    expect(circuitBreakerThreshold(400)).toBe(200);
    expect(circuitBreakerThreshold(800)).toBe(200);
  });
});

describe('start-failure throttling', () => {
  it('waits longer after each failure in a row, never more than 15 minutes, and never gives up', () => {
    const delays = Array.from({ length: 20 }, (_, i) => startThrottleDelaySeconds(i + 1));
    expect(delays.slice(0, 2)).toEqual([0, 0]);
    expect(delays.slice(2, 6)).toEqual([15, 30, 60, 120]);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]);
    expect(Math.max(...delays)).toBe(900);
    expect(startThrottleDelaySeconds(10_000)).toBe(900);
  });

  it('keeps retrying an image that cannot be pulled, with growing gaps, and says so once (reference behaviour 8)', () => {
    const sim = createSimulator();
    sim.createCluster({ clusterName: 'c' });
    sim.control.addInstances({ cluster: 'c', instanceType: 'm5.large', count: 1 });
    sim.control.registerImage('bad:1', { pullError: 'not found' });
    sim.registerTaskDefinition({ family: 'bad', containerDefinitions: [{ name: 'bad', image: 'bad:1', memory: 128 }] });
    sim.createService({ cluster: 'c', serviceName: 'bad', taskDefinition: 'bad', desiredCount: 1 });
    sim.control.advance(3 * 3600);
    const starts = sim.control.events().filter((e) => e.kind === 'service-event' && e.message.includes('has started 1 tasks')).map((e) => e.time / 1000);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]);
    expect(starts.length).toBeGreaterThan(10);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThanOrEqual(gaps[i - 1]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(900 + 10);
    expect(gaps[gaps.length - 1]).toBeGreaterThan(800);
    const impaired = sim.control.events().filter((e) => e.kind === 'service-event' && e.message === 'service (bad) is unable to consistently start tasks successfully.');
    expect(impaired).toHaveLength(1);
    const [task] = sim.describeTasks({ cluster: 'c', tasks: sim.listTasks({ cluster: 'c', desiredStatus: 'STOPPED' }).taskArns.slice(0, 1) }).tasks;
    expect(task).toMatchObject({ stopCode: 'TaskFailedToStart', stoppedReason: 'CannotPullContainerError: not found' });
  });
});

describe('container and task health', () => {
  const container = (essential: boolean, healthStatus: ContainerRecord['healthStatus'], checked = true) =>
    ({ essential, healthStatus, healthCheckFailures: 0, definition: { name: 'x', image: 'x', ...(checked ? { healthCheck: { command: ['CMD', 'true'] } } : {}) } }) as unknown as ContainerRecord;

  it('is decided by essential containers only', () => {
    expect(taskHealth([container(true, 'HEALTHY'), container(false, 'UNHEALTHY')])).toBe('HEALTHY');
    expect(taskHealth([container(true, 'HEALTHY'), container(true, 'UNHEALTHY')])).toBe('UNHEALTHY');
    expect(taskHealth([container(true, 'HEALTHY'), container(true, 'UNKNOWN')])).toBe('UNKNOWN');
    expect(taskHealth([container(true, 'UNKNOWN', false)])).toBe('UNKNOWN');
  });

  it('turns UNHEALTHY after `retries` failures in a row, ignores failures in the start period, and recovers on a pass', () => {
    let state = { healthStatus: 'HEALTHY' as const, healthCheckFailures: 0 } as Pick<ContainerRecord, 'healthStatus' | 'healthCheckFailures'>;
    state = afterHealthCheck(state, false, true, 3);
    expect(state.healthCheckFailures).toBe(0);
    state = afterHealthCheck(state, false, false, 3);
    state = afterHealthCheck(state, false, false, 3);
    expect(state.healthStatus).toBe('HEALTHY');
    state = afterHealthCheck(state, false, false, 3);
    expect(state).toEqual({ healthStatus: 'UNHEALTHY', healthCheckFailures: 3 });
    expect(afterHealthCheck(state, true, false, 3)).toEqual({ healthStatus: 'HEALTHY', healthCheckFailures: 0 });
  });
});

describe('memory leaks and alarms', () => {
  const cluster = () => {
    const sim = createSimulator();
    sim.createCluster({ clusterName: 'c' });
    sim.control.addInstances({ cluster: 'c', instanceType: 'm5.large', count: 2 });
    return sim;
  };

  it('kills a leaking container with OutOfMemoryError and exit 137 once it passes its hard limit', () => {
    const sim = cluster();
    sim.control.registerImage('leaky:1', { baseMemoryMiB: 100, memoryGrowthMiBPerMinute: 50 });
    sim.registerTaskDefinition({ family: 'leaky', containerDefinitions: [{ name: 'leaky', image: 'leaky:1', memory: 300 }] });
    const arn = sim.runTask({ cluster: 'c', taskDefinition: 'leaky' }).tasks[0].taskArn;
    sim.control.advance(8 + 4 * 60 + 10);
    const [task] = sim.describeTasks({ cluster: 'c', tasks: [arn] }).tasks;
    expect(task).toMatchObject({ stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited' });
    expect(task.containers[0]).toMatchObject({ exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' });
    // (300 - 100) MiB at 50 MiB a minute: killed 4 minutes after it started.
    expect(task.executionStoppedAt! - task.startedAt!).toBeGreaterThanOrEqual(240);
  });

  it('fails a deployment whose alarm goes into ALARM during it, and rolls back when asked', () => {
    const sim = cluster();
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', memory: 256 }] });
    const alarms = { alarmNames: ['web-5xx'], enable: true, rollback: true };
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 2, deploymentConfiguration: { alarms } });
    sim.control.runUntilSteady({ cluster: 'c', service: 'web' });
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:2', memory: 256 }] });
    sim.updateService({ cluster: 'c', service: 'web', taskDefinition: 'web:2' });
    sim.control.advance(20);
    sim.control.setAlarmState({ alarmName: 'web-5xx', state: 'ALARM' });
    sim.control.advance(1);
    const [service] = sim.describeServices({ cluster: 'c', services: ['web'] }).services;
    expect(service.deployments.find((d) => d.rolloutState === 'FAILED')!.rolloutStateReason).toBe('ECS deployment failed: alarm web-5xx in ALARM state.');
    expect(service.events.some((e) => /^\(service web\) rolling back to deployment ecs-svc\/\d{19}\.$/.test(e.message))).toBe(true);
    expect(sim.control.runUntilSteady({ cluster: 'c', service: 'web' })).toBe(true);
    const { tasks } = sim.describeTasks({ cluster: 'c', tasks: sim.listTasks({ cluster: 'c', serviceName: 'web' }).taskArns });
    expect(tasks.every((t) => t.taskDefinitionArn.endsWith(':1'))).toBe(true);
    // The rollback is not failed by the alarm that caused it: exactly one deployment failed.
    const after = sim.describeServices({ cluster: 'c', services: ['web'] }).services[0];
    expect(after.deployments[0].rolloutState).toBe('COMPLETED');
    expect(after.events.filter((e) => e.message.includes('deployment failed: alarm detected'))).toHaveLength(1);
  });

  it('takes any alarm name CloudWatch takes, such as the ones target tracking creates', () => {
    const sim = cluster();
    const name = 'TargetTracking-service/c/web-AlarmHigh-7f1c2b3a';
    sim.control.setAlarmState({ alarmName: name, state: 'ALARM' });
    expect(() => sim.control.setAlarmState({ alarmName: 'x'.repeat(256), state: 'OK' })).toThrow('alarmName must be 1 to 255 characters.');
  });

  it('ignores an alarm that was already in ALARM when the deployment started', () => {
    const sim = cluster();
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', memory: 256 }] });
    sim.control.setAlarmState({ alarmName: 'noisy', state: 'ALARM' });
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 2, deploymentConfiguration: { alarms: { alarmNames: ['noisy'], enable: true, rollback: true } } });
    sim.control.advance(1);
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:2', memory: 256 }] });
    sim.updateService({ cluster: 'c', service: 'web', taskDefinition: 'web:2' });
    expect(sim.control.runUntilSteady({ cluster: 'c', service: 'web' })).toBe(true);
    expect(sim.describeServices({ cluster: 'c', services: ['web'] }).services[0].deployments[0].rolloutState).toBe('COMPLETED');
  });
});
