import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';

/** web: 4 tasks of an image answering `errorPercent` % of its requests with a 5xx, behind web-alb; clients at 100 requests a second. */
function webWithErrors(errorPercent: number) {
  const sim = createSimulator({ seed: 3 });
  sim.createCluster({ clusterName: 'default' });
  sim.control.addInstances({ instanceType: 'm5.large', count: 2 });
  sim.control.registerImage('web:1', { errorPercent });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', cpu: 256, memory: 512, portMappings: [{ containerPort: 80, hostPort: 0 }] }] });
  const lb = sim.elbv2.createLoadBalancer({ Name: 'web-alb', Type: 'application' }).LoadBalancers[0].LoadBalancerArn;
  const tg = sim.elbv2.createTargetGroup({ Name: 'web', Protocol: 'HTTP', Port: 80, TargetType: 'instance' }).TargetGroups[0].TargetGroupArn;
  sim.elbv2.createListener({ LoadBalancerArn: lb, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] });
  sim.createService({ serviceName: 'web', taskDefinition: 'web', desiredCount: 4, loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 80 }] });
  sim.control.runUntilSteady({ service: 'web' });
  const alarm = (name: string, threshold: number, dimensions: Array<{ Name: string; Value: string }>) =>
    sim.cloudWatch.putMetricAlarm({
      AlarmName: name,
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'HTTPCode_Target_5XX_Count',
      Dimensions: dimensions,
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: threshold,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    } as never);
  const lbDimension = { Name: 'LoadBalancer', Value: lb.slice(lb.indexOf(':loadbalancer/') + ':loadbalancer/'.length) };
  const tgDimension = { Name: 'TargetGroup', Value: tg.slice(tg.indexOf(':targetgroup/') + 1) };
  return { sim, alarm, lbDimension, tgDimension };
}

const stateOf = (sim: ReturnType<typeof createSimulator>, name: string) => sim.cloudWatch.describeAlarms({ AlarmNames: [name] }).MetricAlarms[0].StateValue;

describe('an application that answers some requests with a 5xx', () => {
  it('fails that share of its clients\' requests, counting fractions of a request a second as they add up', () => {
    const { sim } = webWithErrors(0.5);
    sim.control.startTraffic({ name: 'clients', loadBalancer: 'web-alb', requestsPerSecond: 100 });
    sim.control.advance(600);
    const seconds = sim.control.trafficHistory('clients');
    const errors = seconds.reduce((sum, s) => sum + s.errors, 0);
    const requests = seconds.reduce((sum, s) => sum + s.requests, 0);
    // 0.5 % of 100 requests a second: one failed request every 2 seconds.
    expect(errors).toBe(Math.floor(requests * 0.005));
  });

  it('shows in HTTPCode_Target_5XX_Count of the load balancer, and of the load balancer and target group, which alarms watch', () => {
    const { sim, alarm, lbDimension, tgDimension } = webWithErrors(20);
    // 20 % of 100 requests a second is 1,200 answers a minute with a 5xx.
    alarm('lb-5xx', 1000, [lbDimension]);
    alarm('tg-5xx', 1000, [lbDimension, tgDimension]);
    alarm('lb-5xx-high', 1500, [lbDimension]);
    sim.control.startTraffic({ name: 'clients', loadBalancer: 'web-alb', requestsPerSecond: 100 });
    sim.control.advance(180);
    expect([stateOf(sim, 'lb-5xx'), stateOf(sim, 'tg-5xx'), stateOf(sim, 'lb-5xx-high')]).toEqual(['ALARM', 'ALARM', 'OK']);
  });

  it('reports no datapoint in a minute without a 5xx, as the load balancer does, so an alarm on it has no data', () => {
    const { sim, alarm, lbDimension } = webWithErrors(0);
    alarm('lb-5xx', 1, [lbDimension]);
    sim.control.startTraffic({ name: 'clients', loadBalancer: 'web-alb', requestsPerSecond: 100 });
    sim.control.advance(180);
    expect(stateOf(sim, 'lb-5xx')).toBe('INSUFFICIENT_DATA');
  });

  it('needs the LoadBalancer dimension, as CloudWatch publishes the metric', () => {
    const { alarm, tgDimension } = webWithErrors(20);
    expect(() => alarm('tg-only', 1, [tgDimension])).toThrow('AWS/ApplicationELB HTTPCode_Target_5XX_Count needs the dimension LoadBalancer.');
  });
});
