import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';
import { afterTargetCheck, routableTargets } from '../../core/elb/target-health.js';
import { DEFAULT_TARGET_HEALTH_CHECK, type TargetRecord } from '../../core/elb/elb-state.js';
import { routeSecond } from '../../core/workload/request-outcomes.js';
import { requestsPerSecondAt } from '../../core/workload/traffic-pattern.js';

const target = (state: TargetRecord['state'], passes = 0, failures = 0) => ({ state, passes, failures });

describe('target health (ALB defaults)', () => {
  it('makes a new target healthy after one passing check', () => {
    expect(afterTargetCheck(target('initial'), true, DEFAULT_TARGET_HEALTH_CHECK).state).toBe('healthy');
  });

  it('makes a healthy target unhealthy after 2 failures in a row, with the 503 description', () => {
    const once = afterTargetCheck(target('healthy'), false, DEFAULT_TARGET_HEALTH_CHECK);
    expect(once.state).toBe('healthy');
    const twice = afterTargetCheck({ ...target('healthy'), ...once }, false, DEFAULT_TARGET_HEALTH_CHECK);
    expect(twice).toMatchObject({ state: 'unhealthy', reasonCode: 'Target.ResponseCodeMismatch', description: 'Health checks failed with these codes: [503]' });
  });

  it('brings an unhealthy target back only after 5 passes in a row', () => {
    let t = { ...target('unhealthy'), reasonCode: undefined as string | undefined };
    for (let i = 1; i <= 4; i++) {
      t = { ...t, ...afterTargetCheck(t, true, DEFAULT_TARGET_HEALTH_CHECK) };
      expect(t.state).toBe('unhealthy');
    }
    expect(afterTargetCheck(t, true, DEFAULT_TARGET_HEALTH_CHECK).state).toBe('healthy');
  });

  it('routes only to healthy targets, and fails open to all when none is healthy', () => {
    const t = (key: string, state: TargetRecord['state']) => ({ key, state }) as TargetRecord;
    expect(routableTargets([t('a', 'healthy'), t('b', 'unhealthy'), t('c', 'draining')]).map((x) => x.key)).toEqual(['a']);
    expect(routableTargets([t('a', 'unhealthy'), t('b', 'unhealthy'), t('c', 'draining')]).map((x) => x.key)).toEqual(['a', 'b']);
  });
});

describe('request outcomes', () => {
  const live = { accepts: true, capacityRps: 100, latencyMs: 20 };
  const dead = { accepts: false, capacityRps: 100, latencyMs: 20 };

  it('fails the share sent to a dead endpoint unless the client retries', () => {
    expect(routeSecond(300, [live, live, dead], 0).outcome.errors).toBe(100);
    expect(routeSecond(300, [live, live, dead], 2).outcome.errors).toBe(100);
    expect(routeSecond(150, [live, live, dead], 2).outcome.errors).toBe(0);
  });

  it('times out what exceeds capacity and slows down as utilisation grows', () => {
    expect(routeSecond(250, [live, live], 0).outcome.errors).toBe(50);
    expect(routeSecond(100, [live, live], 0).outcome.p50Ms).toBe(40);
    expect(routeSecond(20, [live, live], 0).outcome.p50Ms).toBeLessThan(30);
  });

  it('follows the documented traffic patterns', () => {
    expect(requestsPerSecondAt(100, { type: 'ramp', toRequestsPerSecond: 300, overSeconds: 100 }, 50)).toBe(200);
    expect(requestsPerSecondAt(100, { type: 'spike', toRequestsPerSecond: 900, atSecond: 10, forSeconds: 5 }, 12)).toBe(900);
    expect(requestsPerSecondAt(100, { type: 'daily', peakRequestsPerSecond: 500 }, 16 * 3600)).toBeCloseTo(500);
    expect(requestsPerSecondAt(100, { type: 'daily', peakRequestsPerSecond: 500 }, 4 * 3600)).toBeCloseTo(100);
  });
});

describe('Elastic Load Balancing and Cloud Map input', () => {
  it('answer bad input with their own exception names, naming the field', () => {
    const sim = createSimulator();
    const error = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as Error & { field?: string };
      }
      throw new Error('expected a failure');
    };
    expect(error(() => sim.elbv2.createTargetGroup({ Name: '-bad-' }))).toMatchObject({ name: 'ValidationError', field: 'Name' });
    expect(error(() => sim.elbv2.describeTargetHealth({ TargetGroupArn: 'arn:nope' })).name).toBe('TargetGroupNotFoundException');
    sim.elbv2.createTargetGroup({ Name: 'tg' });
    expect(error(() => sim.elbv2.createTargetGroup({ Name: 'tg' })).name).toBe('DuplicateTargetGroupNameException');
    expect(error(() => sim.serviceDiscovery.createService({ Name: 'x', NamespaceId: 'ns-none' })).name).toBe('NamespaceNotFound');
  });

  it('refuses a service whose target group has no load balancer, or the wrong target type for awsvpc', () => {
    const sim = createSimulator();
    sim.createCluster({ clusterName: 'c' });
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', memory: 128, portMappings: [{ containerPort: 80 }] }] });
    const tg = sim.elbv2.createTargetGroup({ Name: 'lonely' }).TargetGroups[0].TargetGroupArn;
    expect(() => sim.createService({ cluster: 'c', serviceName: 's', taskDefinition: 'web', desiredCount: 1, loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 80 }] })).toThrow(
      `The target group with targetGroupArn ${tg} does not have an associated load balancer.`,
    );
    const lb = sim.elbv2.createLoadBalancer({ Name: 'alb' }).LoadBalancers[0].LoadBalancerArn;
    sim.elbv2.createListener({ LoadBalancerArn: lb, Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] });
    expect(() => sim.createService({ cluster: 'c', serviceName: 's', taskDefinition: 'web', desiredCount: 1, loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 8080 }] })).toThrow(
      'The container web did not have a container port 8080 defined.',
    );
  });
});
