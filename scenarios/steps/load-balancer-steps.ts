import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { describeService, familyOf } from './service-inspection.js';

export async function targetGroupArn(world: ScenarioWorld, name: string): Promise<string> {
  const { TargetGroups } = await world.sim.call('elbv2', 'describeTargetGroups', { Names: [name] });
  return TargetGroups[0].TargetGroupArn;
}

async function targetStates(world: ScenarioWorld, name: string): Promise<string[]> {
  const { TargetHealthDescriptions } = await world.sim.call('elbv2', 'describeTargetHealth', { TargetGroupArn: await targetGroupArn(world, name) });
  return TargetHealthDescriptions.map((d) => d.TargetHealth.State);
}

defineSteps('Load balancers', {
  'an Application Load Balancer {string} forwarding port 80 to a target group {string} of {word} targets': async (
    world,
    lbName: string,
    tgName: string,
    targetType: string,
  ) => {
    const { LoadBalancers } = await world.sim.call('elbv2', 'createLoadBalancer', { Name: lbName, Type: 'application' });
    const { TargetGroups } = await world.sim.call('elbv2', 'createTargetGroup', { Name: tgName, Protocol: 'HTTP', Port: 80, TargetType: targetType as 'ip' | 'instance' });
    await world.sim.call('elbv2', 'createListener', { LoadBalancerArn: LoadBalancers[0].LoadBalancerArn, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: TargetGroups[0].TargetGroupArn }] });
  },
  'the deregistration delay of {string} is {int} seconds': async (world, tgName: string, seconds: number) => {
    await world.sim.call('elbv2', 'modifyTargetGroupAttributes', { TargetGroupArn: await targetGroupArn(world, tgName), Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: String(seconds) }] });
  },
  'slow start on {string} lasts {int} seconds': async (world, tgName: string, seconds: number) => {
    await world.sim.call('elbv2', 'modifyTargetGroupAttributes', { TargetGroupArn: await targetGroupArn(world, tgName), Attributes: [{ Key: 'slow_start.duration_seconds', Value: String(seconds) }] });
  },
  'one task of {string} serves at most {int} requests per second': async (world, image: string, rps: number) => {
    await world.sim.control('registerImage', image, { capacityRps: rps });
  },
  'a service {string} running {int} tasks of {string} behind the target group {string}': async (world, name: string, count: number, family: string, tgName: string) => {
    await world.sim.call('ecs', 'createService', {
      cluster: world.cluster,
      serviceName: name,
      taskDefinition: family,
      desiredCount: count,
      loadBalancers: [{ targetGroupArn: await targetGroupArn(world, tgName), containerName: family, containerPort: 80 }],
    });
    const steady = await world.sim.control('runUntilSteady', { cluster: world.cluster, service: name, maxSeconds: 3600 });
    const latest = steady ? undefined : (await describeService(world, name)).events[0]?.message;
    expect(steady, () => `"${name}" did not reach a steady state: ${latest ?? 'no event'}`);
  },
  'the target group {string} has {int} healthy targets': async (world, tgName: string, count: number) => {
    const states = await targetStates(world, tgName);
    expect(states.filter((s) => s === 'healthy').length === count, () => `Targets: ${states.join(', ') || 'none'}.`);
  },
  'I deploy revision {int} of {string} behind the target group {string}': async (world, revision: number, name: string, tgName: string) => {
    const family = familyOf(await describeService(world, name));
    await world.markUpdate();
    await world.sim.call('ecs', 'updateService', {
      cluster: world.cluster,
      service: name,
      taskDefinition: `${family}:${revision}`,
      loadBalancers: [{ targetGroupArn: await targetGroupArn(world, tgName), containerName: family, containerPort: 80 }],
    });
  },
  'the service {string} sends its tasks to the target group {string}': async (world, name: string, tgName: string) => {
    const arns = (await describeService(world, name)).loadBalancers?.map((lb) => lb.targetGroupArn) ?? [];
    const expected = await targetGroupArn(world, tgName);
    expect(arns.length === 1 && arns[0] === expected, () => `DescribeServices lists the target groups ${arns.join(', ') || 'none'}.`);
  },
  'I stop one task of {string} by hand': async (world, name: string) => {
    await world.markUpdate();
    const [arn] = (await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, serviceName: name })).taskArns;
    await world.sim.call('ecs', 'stopTask', { cluster: world.cluster, task: arn });
    world.stoppedTask = arn;
  },
  'the stopped task is still {word} after {int} seconds': async (world, status: string, seconds: number) => {
    await world.sim.control('advance', seconds);
    const [task] = (await world.sim.call('ecs', 'describeTasks', { cluster: world.cluster, tasks: [world.stoppedTask!] })).tasks;
    expect(task.lastStatus === status, () => `After ${seconds} s the task is ${task.lastStatus}.`);
  },
});
