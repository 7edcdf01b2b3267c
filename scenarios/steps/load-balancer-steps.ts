import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { describeService } from './service-inspection.js';

function targetGroupArn(world: ScenarioWorld, name: string): string {
  const { TargetGroups } = world.sim.elbv2.describeTargetGroups({ Names: [name] });
  return TargetGroups[0].TargetGroupArn;
}

function targetStates(world: ScenarioWorld, name: string): string[] {
  return world.sim.elbv2.describeTargetHealth({ TargetGroupArn: targetGroupArn(world, name) }).TargetHealthDescriptions.map((d) => d.TargetHealth.State);
}

defineSteps('Load balancers', {
  'an Application Load Balancer {string} forwarding port 80 to a target group {string} of {word} targets': (
    world,
    lbName: string,
    tgName: string,
    targetType: string,
  ) => {
    const { LoadBalancers } = world.sim.elbv2.createLoadBalancer({ Name: lbName, Type: 'application' });
    const { TargetGroups } = world.sim.elbv2.createTargetGroup({ Name: tgName, Protocol: 'HTTP', Port: 80, TargetType: targetType as 'ip' | 'instance' });
    world.sim.elbv2.createListener({ LoadBalancerArn: LoadBalancers[0].LoadBalancerArn, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: TargetGroups[0].TargetGroupArn }] });
  },
  'the deregistration delay of {string} is {int} seconds': (world, tgName: string, seconds: number) => {
    world.sim.elbv2.modifyTargetGroupAttributes({ TargetGroupArn: targetGroupArn(world, tgName), Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: String(seconds) }] });
  },
  'slow start on {string} lasts {int} seconds': (world, tgName: string, seconds: number) => {
    world.sim.elbv2.modifyTargetGroupAttributes({ TargetGroupArn: targetGroupArn(world, tgName), Attributes: [{ Key: 'slow_start.duration_seconds', Value: String(seconds) }] });
  },
  'one task of {string} serves at most {int} requests per second': (world, image: string, rps: number) => {
    world.sim.control.registerImage(image, { capacityRps: rps });
  },
  'a service {string} running {int} tasks of {string} behind the target group {string}': (world, name: string, count: number, family: string, tgName: string) => {
    world.sim.createService({
      cluster: world.cluster,
      serviceName: name,
      taskDefinition: family,
      desiredCount: count,
      loadBalancers: [{ targetGroupArn: targetGroupArn(world, tgName), containerName: family, containerPort: 80 }],
    });
    const steady = world.sim.control.runUntilSteady({ cluster: world.cluster, service: name, maxSeconds: 3600 });
    expect(steady, () => `"${name}" did not reach a steady state: ${describeService(world, name).events[0]?.message ?? 'no event'}`);
  },
  'the target group {string} has {int} healthy targets': (world, tgName: string, count: number) => {
    const states = targetStates(world, tgName);
    expect(states.filter((s) => s === 'healthy').length === count, () => `Targets: ${states.join(', ') || 'none'}.`);
  },
  'I stop one task of {string} by hand': (world, name: string) => {
    world.markUpdate();
    const [arn] = world.sim.listTasks({ cluster: world.cluster, serviceName: name }).taskArns;
    world.sim.stopTask({ cluster: world.cluster, task: arn });
    world.stoppedTask = arn;
  },
  'the stopped task is still {word} after {int} seconds': (world, status: string, seconds: number) => {
    world.sim.control.advance(seconds);
    const [task] = world.sim.describeTasks({ cluster: world.cluster, tasks: [world.stoppedTask!] }).tasks;
    expect(task.lastStatus === status, () => `After ${seconds} s the task is ${task.lastStatus}.`);
  },
});
