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

/** An ALB whose port-80 listener forwards to "blue", except requests with the header x-test: green (to "green"); a second listener on 8080 forwards to "green". */
function albWithTestRule() {
  const sim = createSimulator({ seed: 1 });
  const lb = sim.elbv2.createLoadBalancer({ Name: 'web-alb', Type: 'application' }).LoadBalancers[0].LoadBalancerArn;
  const group = (Name: string) => sim.elbv2.createTargetGroup({ Name, Protocol: 'HTTP', Port: 80, TargetType: 'instance' }).TargetGroups[0].TargetGroupArn;
  const [blue, green] = [group('blue'), group('green')];
  const listener = sim.elbv2.createListener({ LoadBalancerArn: lb, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: blue }] }).Listeners[0].ListenerArn;
  sim.elbv2.createListener({ LoadBalancerArn: lb, Port: 8080, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: green }] });
  sim.elbv2.createRule({ ListenerArn: listener, Priority: 1, Conditions: [{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'x-test', Values: ['green'] } }], Actions: [{ Type: 'forward', TargetGroupArn: green }] });
  return sim;
}

describe('test traffic from the clients', () => {
  it('goes where the listener sends a request with the headers the client sends, or through the listener on the port it names', () => {
    const sim = albWithTestRule();
    sim.control.startTraffic({ name: 'clients', loadBalancer: 'web-alb', requestsPerSecond: 10 });
    sim.control.startTraffic({ name: 'testers', loadBalancer: 'web-alb', headers: { 'X-Test': 'green' }, requestsPerSecond: 4 });
    sim.control.startTraffic({ name: 'side-door', loadBalancer: 'web-alb', port: 8080, requestsPerSecond: 2 });
    sim.control.advance(3);
    const last = (name: string) => sim.control.trafficHistory(name).at(-1)!.targetGroups;
    expect(last('clients')).toEqual({ blue: 10 });
    expect(last('testers')).toEqual({ green: 4 });
    expect(last('side-door')).toEqual({ green: 2 });
    expect(sim.control.trafficClients().map(({ name, headers, port }) => ({ name, headers, port }))).toEqual([
      { name: 'clients', headers: undefined, port: undefined },
      { name: 'testers', headers: { 'x-test': 'green' }, port: undefined },
      { name: 'side-door', headers: undefined, port: 8080 },
    ]);
  });

  it('refuses a port with no listener, a header that is not one, and headers without a load balancer', () => {
    const sim = albWithTestRule();
    expect(() => sim.control.startTraffic({ name: 'a', loadBalancer: 'web-alb', port: 9090, requestsPerSecond: 1 })).toThrow('The load balancer web-alb has no listener on port 9090.');
    expect(() => sim.control.startTraffic({ name: 'a', loadBalancer: 'web-alb', headers: { 'bad header': 'x' }, requestsPerSecond: 1 })).toThrow(/is not an HTTP header name/);
    expect(() => sim.control.startTraffic({ name: 'a', loadBalancer: 'web-alb', headers: { 'x-test': 1 as never }, requestsPerSecond: 1 })).toThrow('headers.x-test must be a string.');
    expect(() => sim.control.startTraffic({ name: 'a', serviceConnect: 'backend', headers: { 'x-test': 'green' }, requestsPerSecond: 1 })).toThrow(/port and headers go with a load balancer/);
    expect(sim.control.trafficClients()).toEqual([]);
  });
});
