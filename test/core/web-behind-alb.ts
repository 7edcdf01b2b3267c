import { createSimulator } from '../../core/index.js';

/**
 * Two steady tasks of web:1 (256 CPU units, 512 MiB) behind the ALB "web-alb", on m5.xlarge instances, in
 * the default cluster: what the metric tests look at.
 */
export function webBehindAlb(options: { seed: number; instances: number; image: object }) {
  const sim = createSimulator({ seed: options.seed });
  sim.createCluster({ clusterName: 'default' });
  sim.control.addInstances({ instanceType: 'm5.xlarge', count: options.instances });
  sim.control.registerImage('web:1', { capacityRps: 1000, ...options.image });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', cpu: 256, memory: 512, portMappings: [{ containerPort: 80 }] }] });
  const lb = sim.elbv2.createLoadBalancer({ Name: 'web-alb', Type: 'application' }).LoadBalancers[0].LoadBalancerArn;
  const tg = sim.elbv2.createTargetGroup({ Name: 'web-tg', Protocol: 'HTTP', Port: 80, TargetType: 'instance' }).TargetGroups[0].TargetGroupArn;
  sim.elbv2.createListener({ LoadBalancerArn: lb, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] });
  sim.createService({ serviceName: 'web', taskDefinition: 'web', desiredCount: 2, loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 80 }] });
  sim.control.runUntilSteady({ service: 'web' });
  return { sim, lb, tg };
}
