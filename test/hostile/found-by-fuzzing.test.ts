import { describe, expect, it } from 'vitest';
import { createSimulator, EcsError, type EcsSimulator } from '../../core/index.js';

/** A small simulator for the reproductions: one instance, one task definition that always fits. */
function simulator(): EcsSimulator {
  const sim = createSimulator({ seed: 1 });
  sim.createCluster({});
  sim.control.addInstances({ instanceType: 'm5.large' });
  sim.registerTaskDefinition({ family: 'job', containerDefinitions: [{ name: 'job', image: 'job:1', memory: 64 }] });
  return sim;
}

/** The contract each reproduction breaks: bad input is refused with a client-side EcsError. */
function expectClientRefusal(action: () => unknown): void {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(EcsError);
  expect((thrown as EcsError).name).not.toBe('ServerException');
}

const reproductions: Record<string, (sim: EcsSimulator) => void> = {
  'list-items-used-before-type-check': (sim) => expectClientRefusal(() => sim.describeClusters({ clusters: [undefined as unknown as string] })),
  'create-service-tags-unchecked': (sim) => expectClientRefusal(() => sim.createService({ serviceName: 's', taskDefinition: 'job', desiredCount: 1, tags: 'x' as never })),
  'instance-type-looked-up-on-a-plain-object': (sim) => expectClientRefusal(() => sim.control.addInstances({ instanceType: 'constructor' })),
  'add-instances-zone-items-unchecked': (sim) => expectClientRefusal(() => sim.control.addInstances({ instanceType: 'm5.large', availabilityZones: [undefined as unknown as string] })),
  'image-behaviour-unchecked': (sim) => expectClientRefusal(() => sim.control.registerImage('job:1', { pullSeconds: -5 })),
  'advance-to-without-an-upper-bound': (sim) => expectClientRefusal(() => sim.control.advanceTo(Number.MAX_SAFE_INTEGER)),
  'control-arguments-unchecked': (sim) => expectClientRefusal(() => sim.control.runUntil(42 as unknown as () => boolean, 60)),
  // eslint-disable-next-line no-sparse-arrays
  'sparse-array-items-skip-validation': (sim) => expectClientRefusal(() => sim.createService({ serviceName: 's', taskDefinition: 'job', desiredCount: 1, placementConstraints: [, { type: 'distinctInstance' }] as never })),
};

/** Bad input the fuzzers once got past the engine: each is now refused with an ECS exception, and must stay so. */
describe('bad input the fuzzers found', () => {
  it.each(Object.entries(reproductions))('%s is refused with a client error', (_id, reproduce) => {
    reproduce(simulator());
  });
});

/** A simulator with an instance, an ALB forwarding to one target group, and web:1 serving port 8080 (host port `hostPort`). */
function loadBalanced(hostPort: number) {
  const sim = simulator();
  const { LoadBalancers } = sim.elbv2.createLoadBalancer({ Name: 'lb', Type: 'application' });
  const { TargetGroups } = sim.elbv2.createTargetGroup({ Name: 'tg', Protocol: 'HTTP', Port: 80, TargetType: 'instance' });
  sim.elbv2.createListener({ LoadBalancerArn: LoadBalancers[0].LoadBalancerArn, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: TargetGroups[0].TargetGroupArn }] });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', memory: 64, portMappings: [{ containerPort: 8080, hostPort }] }] });
  return { sim, loadBalancers: [{ targetGroupArn: TargetGroups[0].TargetGroupArn, containerName: 'web', containerPort: 8080 }] };
}

/** Found by the chaos property: a load-balanced service must not move to a revision that lacks the port its targets use. */
describe('a load-balanced service updated to a revision without its container port', () => {
  it('is refused, and keeps the revision its targets are served by', () => {
    const { sim, loadBalancers } = loadBalanced(8080);
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:2', memory: 64 }] });
    sim.createService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 1, loadBalancers });
    expect(() => sim.updateService({ service: 'web', taskDefinition: 'web:2' })).toThrow(
      expect.objectContaining({ name: 'InvalidParameterException', message: 'The container web did not have a container port 8080 defined.' }),
    );
    expect(sim.describeServices({ services: ['web'] }).services[0].taskDefinition).toMatch(/task-definition\/web:1$/);
  });
});

/** Found by the chaos property: a refused UpdateService must not have changed the service on its way. */
describe('UpdateService forcing a new deployment of a blue/green service', () => {
  it('is refused and leaves the desired count as it was', () => {
    const { sim, loadBalancers } = loadBalanced(0);
    sim.createService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 0, deploymentController: { type: 'CODE_DEPLOY' }, loadBalancers });
    expectClientRefusal(() => sim.updateService({ service: 'web', desiredCount: 1, forceNewDeployment: true }));
    sim.control.advance(60);
    const service = sim.describeServices({ services: ['web'] }).services[0];
    expect([service.desiredCount, service.runningCount]).toEqual([0, 0]);
  });
});
