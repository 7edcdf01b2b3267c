import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';

/**
 * Found by the chaos properties (test/properties, "services around ECS under chaos"): a CodeDeploy
 * deployment outlived its service, polling for ever under the service's ARN, so a service created again
 * under the same name was refused every blue/green deployment. A deployment now stops when its service is
 * deleted.
 */
function blueGreenService() {
  const sim = createSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'demo' });
  sim.control.addInstances({ cluster: 'demo', instanceType: 'm5.large', count: 2 });
  const { LoadBalancers } = sim.elbv2.createLoadBalancer({ Name: 'web', Type: 'application' });
  const [blue, green] = ['blue', 'green'].map((name) => sim.elbv2.createTargetGroup({ Name: name, Protocol: 'HTTP', Port: 80, TargetType: 'instance' }).TargetGroups[0].TargetGroupArn);
  sim.elbv2.createListener({ LoadBalancerArn: LoadBalancers[0].LoadBalancerArn, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: blue }] });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', cpu: 128, memory: 128, portMappings: [{ containerPort: 80, hostPort: 0 }] }] });
  const create = () =>
    sim.createService({
      cluster: 'demo',
      serviceName: 'web',
      taskDefinition: 'web',
      desiredCount: 1,
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [{ targetGroupArn: blue, containerName: 'web', containerPort: 80 }],
    });
  const deploy = () => sim.codeDeploy.createDeployment({ cluster: 'demo', service: 'web', taskDefinition: 'web:1', greenTargetGroupArn: green });
  return { sim, create, deploy };
}

describe('a blue/green service deleted during a deployment', () => {
  it('can be created again and deployed blue/green', () => {
    const { sim, create, deploy } = blueGreenService();
    create();
    sim.control.runUntilSteady({ cluster: 'demo', service: 'web' });
    deploy();
    sim.deleteService({ cluster: 'demo', service: 'web', force: true });
    sim.control.advance(600);
    create();
    expect(sim.control.runUntilSteady({ cluster: 'demo', service: 'web' })).toBe(true);
    expect(deploy().deploymentId).toMatch(/^d-/);
  });
});
