import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';

/** One task of web behind web-tg; its image answers only once it has warmed up for 90 s. */
function webWarmingUp(healthCheckGracePeriodSeconds: number) {
  const sim = createSimulator({ seed: 5 });
  sim.createCluster({ clusterName: 'default' });
  sim.control.addInstances({ instanceType: 'm5.large', count: 1 });
  sim.control.registerImage('web:1', { warmUpSeconds: 90 });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', cpu: 256, memory: 512, portMappings: [{ containerPort: 8080, hostPort: 0 }] }] });
  const lb = sim.elbv2.createLoadBalancer({ Name: 'web-alb', Type: 'application' }).LoadBalancers[0].LoadBalancerArn;
  const tg = sim.elbv2.createTargetGroup({ Name: 'web', Protocol: 'HTTP', Port: 8080, TargetType: 'instance' }).TargetGroups[0].TargetGroupArn;
  sim.elbv2.createListener({ LoadBalancerArn: lb, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] });
  sim.createService({ serviceName: 'web', taskDefinition: 'web', desiredCount: 1, healthCheckGracePeriodSeconds, loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 8080 }] });
  const state = () => sim.elbv2.describeTargetHealth({ TargetGroupArn: tg }).TargetHealthDescriptions.map((t) => t.TargetHealth.State);
  return { sim, state };
}

describe('a target whose application warms up', () => {
  it('fails the load balancer\'s checks until it has warmed up, then needs five passes in a row, as it would with the ALB\'s defaults', () => {
    const { sim, state } = webWarmingUp(600);
    sim.control.runUntil(() => state().length > 0, 120);
    const registeredAt = sim.control.now;
    sim.control.advance(61);
    // Two failures 30 s apart: unhealthy at 60 s.
    expect(state()).toEqual(['unhealthy']);
    // Passing from 90 s: the fifth pass, at 210 s, makes it healthy again.
    sim.control.runUntil(() => state()[0] === 'healthy', 600);
    expect(sim.control.now - registeredAt).toBe(210);
  });

  it('is replaced when the grace period ends before it turns healthy, and kept when it lasts longer', () => {
    const short = webWarmingUp(120);
    short.sim.control.advance(900);
    const stopped = short.sim.listTasks({ serviceName: 'web', desiredStatus: 'STOPPED' }).taskArns;
    expect(short.sim.describeTasks({ tasks: stopped }).tasks[0].stoppedReason).toMatch(/^Task failed ELB health checks/);
    const long = webWarmingUp(300);
    long.sim.control.advance(900);
    expect(long.sim.listTasks({ serviceName: 'web', desiredStatus: 'STOPPED' }).taskArns).toEqual([]);
    expect(long.state()).toEqual(['healthy']);
  });
});
