import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';

describe('the traffic clients control', () => {
  it('lists each client started and not yet stopped, with its route, and forgets a stopped one', () => {
    const sim = createSimulator({ seed: 1 });
    const lb = sim.elbv2.createLoadBalancer({ Name: 'web-alb', Type: 'application' }).LoadBalancers[0].LoadBalancerArn;
    expect(sim.control.trafficClients()).toEqual([]);

    sim.control.advance(5);
    // Started by the load balancer's ARN: listed by its name, as the load balancer is known.
    sim.control.startTraffic({ name: 'shoppers', loadBalancer: lb, requestsPerSecond: 50, pattern: { type: 'ramp', toRequestsPerSecond: 80, overSeconds: 60 } });
    sim.control.advance(10);
    sim.control.startTraffic({ name: 'mesh', serviceConnect: 'backend', requestsPerSecond: 20 });
    expect(sim.control.trafficClients()).toEqual([
      { name: 'shoppers', loadBalancer: 'web-alb', requestsPerSecond: 50, pattern: { type: 'ramp', toRequestsPerSecond: 80, overSeconds: 60 }, startedAt: 5000 },
      { name: 'mesh', serviceConnect: 'backend', requestsPerSecond: 20, pattern: { type: 'constant' }, startedAt: 15000 },
    ]);

    sim.control.stopTraffic({ name: 'shoppers' });
    expect(sim.control.trafficClients().map((c) => c.name)).toEqual(['mesh']);
  });

  it('only looks: reading it records nothing a restored simulator would replay', () => {
    const sim = createSimulator({ seed: 1 });
    sim.control.startTraffic({ name: 'mesh', serviceConnect: 'backend', requestsPerSecond: 20 });
    const journal = sim.control.snapshot().journal.length;
    sim.control.trafficClients()[0].pattern = { type: 'daily', peakRequestsPerSecond: 1 };
    expect(sim.control.snapshot().journal.length).toBe(journal);
    expect(sim.control.trafficClients()[0].pattern).toEqual({ type: 'constant' });
  });
});
