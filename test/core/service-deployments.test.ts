import { describe, expect, it } from 'vitest';
import { createSimulator, type EcsSimulator } from '../../core/index.js';

/** A service of 2 tasks of web:1, settled, and web:2 registered with `image`. */
function settledWeb(image = 'web:2', deploymentConfiguration?: object): EcsSimulator {
  const sim = createSimulator({ seed: 3 });
  sim.createCluster({ clusterName: 'demo' });
  sim.control.addInstances({ cluster: 'demo', instanceType: 'm5.large', count: 2 });
  const register = (img: string) => sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: img, cpu: 256, memory: 512 }] });
  register('web:1');
  sim.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2, ...(deploymentConfiguration ? { deploymentConfiguration } : {}) });
  sim.control.runUntilSteady({ cluster: 'demo', service: 'web' });
  register(image);
  return sim;
}

const history = (sim: EcsSimulator) => sim.listServiceDeployments({ cluster: 'demo', service: 'web' }).serviceDeployments;
const detail = (sim: EcsSimulator, arn: string) => sim.describeServiceDeployments({ serviceDeploymentArns: [arn] }).serviceDeployments[0];

describe('service deployments: the history DescribeServices no longer shows', () => {
  it('keeps a replaced deployment: both SUCCESSFUL, newest first, from the old revision to the new', () => {
    const sim = settledWeb();
    sim.updateService({ cluster: 'demo', service: 'web', taskDefinition: 'web:2' });
    sim.control.runUntilSteady({ cluster: 'demo', service: 'web' });
    expect(sim.describeServices({ cluster: 'demo', services: ['web'] }).services[0].deployments).toHaveLength(1);
    const [update, create] = history(sim);
    expect([update.status, create.status]).toEqual(['SUCCESSFUL', 'SUCCESSFUL']);
    expect(update.serviceDeploymentArn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:service-deployment\/demo\/web\/[0-9A-Za-z]+$/);
    expect(update.targetServiceRevisionArn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:service-revision\/demo\/web\/\d{19}$/);
    expect(update.finishedAt).toBeGreaterThan(update.startedAt);

    const described = detail(sim, update.serviceDeploymentArn);
    expect(described.sourceServiceRevisions.map((r) => r.arn)).toEqual([create.targetServiceRevisionArn]);
    expect(described.targetServiceRevision).toMatchObject({ requestedTaskCount: 2, runningTaskCount: 2, pendingTaskCount: 0 });
    expect(described.deploymentConfiguration).toEqual({ minimumHealthyPercent: 100, maximumPercent: 200 });
    expect(described.deploymentCircuitBreaker).toEqual({ status: 'DISABLED', failureCount: 0, threshold: 3 });
    expect(detail(sim, create.serviceDeploymentArn).sourceServiceRevisions).toEqual([]);

    const { serviceRevisions } = sim.describeServiceRevisions({ serviceRevisionArns: [update.targetServiceRevisionArn] });
    expect(serviceRevisions[0]).toMatchObject({ taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2', launchType: 'EC2', containerImages: [{ containerName: 'web', image: 'web:2' }] });
  });

  it('records a circuit breaker rollback on the failed deployment: ROLLBACK_SUCCESSFUL, with the revision it went back to', () => {
    const sim = settledWeb('web:broken', { deploymentCircuitBreaker: { enable: true, rollback: true } });
    sim.control.registerImage('web:broken', { pullError: 'CannotPullContainerError: not found' });
    sim.updateService({ cluster: 'demo', service: 'web', taskDefinition: 'web:2' });
    expect(sim.control.runUntil(() => history(sim)[0].status === 'ROLLBACK_SUCCESSFUL', 1800)).toBe(true);
    const [failed, create] = history(sim);
    expect(history(sim)).toHaveLength(2);
    const described = detail(sim, failed.serviceDeploymentArn);
    expect(described).toMatchObject({ status: 'ROLLBACK_SUCCESSFUL', statusReason: 'ECS deployment circuit breaker: tasks failed to start.' });
    expect(described.rollback).toMatchObject({ reason: 'ECS deployment circuit breaker: tasks failed to start.', serviceRevisionArn: create.targetServiceRevisionArn });
    expect(described.deploymentCircuitBreaker).toMatchObject({ status: 'TRIGGERED', threshold: 3 });
    expect(described.deploymentCircuitBreaker.failureCount).toBeGreaterThanOrEqual(3);
    expect(sim.listServiceDeployments({ cluster: 'demo', service: 'web', status: ['SUCCESSFUL'] }).serviceDeployments).toEqual([create]);
  });

  it('stops a deployment that a newer one replaces before it completed', () => {
    const sim = settledWeb();
    sim.updateService({ cluster: 'demo', service: 'web', taskDefinition: 'web:2' });
    sim.updateService({ cluster: 'demo', service: 'web', taskDefinition: 'web:1' });
    sim.control.runUntilSteady({ cluster: 'demo', service: 'web' });
    expect(history(sim).map((d) => d.status)).toEqual(['SUCCESSFUL', 'STOPPED', 'SUCCESSFUL']);
  });

  it('answers MISSING for an ARN it does not know, and forgets a deleted service', () => {
    const sim = settledWeb();
    const [create] = history(sim);
    const unknown = create.serviceDeploymentArn.replace(/[^/]+$/, 'nope');
    expect(sim.describeServiceDeployments({ serviceDeploymentArns: [unknown] })).toEqual({ serviceDeployments: [], failures: [{ arn: unknown, reason: 'MISSING' }] });
    sim.deleteService({ cluster: 'demo', service: 'web', force: true });
    sim.control.advance(600);
    expect(sim.describeServiceDeployments({ serviceDeploymentArns: [create.serviceDeploymentArn] }).failures).toHaveLength(1);
  });
});
