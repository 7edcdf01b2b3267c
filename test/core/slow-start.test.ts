import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';
import { slowStartWeights } from '../../core/elb/slow-start.js';
import { routeSecond } from '../../core/workload/request-outcomes.js';

describe('ALB slow start', () => {
  it('ramps a newly healthy target linearly from 0 to its full share', () => {
    const ramp = { slowStart: { from: 0, until: 120_000 } };
    expect(slowStartWeights([{}, ramp], 0)).toEqual([1, 0]);
    expect(slowStartWeights([{}, ramp], 30_000)).toEqual([1, 0.25]);
    expect(slowStartWeights([{}, ramp], 120_000)).toEqual([1, 1]);
  });

  it('shares equally when every target has only just turned healthy', () => {
    const ramp = { slowStart: { from: 5_000, until: 65_000 } };
    expect(slowStartWeights([ramp, ramp], 5_000)).toEqual([1, 1]);
  });

  it('splits requests by weight, and a weaker share means more for the others', () => {
    const endpoint = { accepts: true, capacityRps: 100, latencyMs: 20 };
    expect(routeSecond(125, [endpoint, { ...endpoint, weight: 0.25 }], 0).served).toEqual([100, 25]);
    expect(routeSecond(150, [endpoint, { ...endpoint, weight: 0.25 }], 0).outcome.errors).toBe(20);
    expect(routeSecond(150, [endpoint, endpoint], 0).outcome.errors).toBe(0);
  });

  it('is a target group attribute of 0 or 30-900 seconds, for HTTP and HTTPS target groups only', () => {
    const sim = createSimulator();
    const http = sim.elbv2.createTargetGroup({ Name: 'web', Protocol: 'HTTP', Port: 80 }).TargetGroups[0].TargetGroupArn;
    const tcp = sim.elbv2.createTargetGroup({ Name: 'tcp', Protocol: 'TCP', Port: 80 }).TargetGroups[0].TargetGroupArn;
    const set = (arn: string, attributes: Array<{ Key: string; Value: string }>) => sim.elbv2.modifyTargetGroupAttributes({ TargetGroupArn: arn, Attributes: attributes });
    expect(set(http, [{ Key: 'slow_start.duration_seconds', Value: '60' }]).Attributes).toContainEqual({ Key: 'slow_start.duration_seconds', Value: '60' });
    expect(() => set(http, [{ Key: 'slow_start.duration_seconds', Value: '20' }])).toThrow('slow_start.duration_seconds must be 0 (off) or an integer from 30 to 900.');
    expect(() => set(tcp, [{ Key: 'slow_start.duration_seconds', Value: '60' }])).toThrow('Slow start is not supported for target groups with the TCP protocol.');
    // One bad attribute: neither is applied.
    expect(() => set(http, [{ Key: 'deregistration_delay.timeout_seconds', Value: '10' }, { Key: 'slow_start.duration_seconds', Value: '1000' }])).toThrow();
    expect(set(http, []).Attributes).toEqual([
      { Key: 'deregistration_delay.timeout_seconds', Value: '300' },
      { Key: 'slow_start.duration_seconds', Value: '60' },
    ]);
  });
});
