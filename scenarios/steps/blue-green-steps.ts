import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { describeService } from './service-inspection.js';

const tgArn = (world: ScenarioWorld, name: string) => world.sim.elbv2.describeTargetGroups({ Names: [name] }).TargetGroups[0].TargetGroupArn;

defineSteps('Blue/green deployments', {
  'a second target group {string} of {word} targets': (world, name: string, targetType: string) => {
    world.sim.elbv2.createTargetGroup({ Name: name, Protocol: 'HTTP', Port: 80, TargetType: targetType as 'ip' | 'instance' });
  },
  'a blue\\/green service {string} running {int} tasks of {string} behind the target group {string}': (world, name: string, count: number, family: string, tg: string) => {
    world.sim.createService({
      cluster: world.cluster,
      serviceName: name,
      taskDefinition: family,
      desiredCount: count,
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [{ targetGroupArn: tgArn(world, tg), containerName: family, containerPort: 80 }],
    });
    expect(world.sim.control.runUntilSteady({ cluster: world.cluster, service: name, maxSeconds: 1800 }), () => `"${name}" did not settle.`);
  },
  'CodeDeploy deploys revision {int} of {string} to {string} with {word}': (world, revision: number, family: string, green: string, config: string) => {
    world.markUpdate();
    const { deploymentId } = world.sim.codeDeploy.createDeployment({
      cluster: world.cluster,
      service: family,
      taskDefinition: `${family}:${revision}`,
      deploymentConfigName: `CodeDeployDefault.${config}`,
      greenTargetGroupArn: tgArn(world, green),
    });
    world.blueGreenDeployment = deploymentId;
  },
  'the blue\\/green deployment succeeds within {int} minutes': (world, minutes: number) => {
    const done = world.sim.control.runUntil(() => world.sim.codeDeploy.getDeployment({ deploymentId: world.blueGreenDeployment! }).status === 'Succeeded', minutes * 60);
    const deployment = world.sim.codeDeploy.getDeployment({ deploymentId: world.blueGreenDeployment! });
    expect(done, () => `The deployment is ${deployment.status}: ${deployment.events.map((e) => e.message).join(' / ')}`);
  },
  'the production traffic was shifted {int} % at first, then {int} %': (world, first: number, then: number) => {
    const shifts = world.sim.codeDeploy
      .getDeployment({ deploymentId: world.blueGreenDeployment! })
      .events.flatMap((e) => /(\d+) % replacement/.exec(e.message)?.slice(1, 2) ?? [])
      .map(Number);
    expect(shifts[0] === first && shifts[1] === then, () => `The shifts were ${shifts.join(' %, ')} %.`);
  },
  'the canary held {int} % of the traffic for {int} minutes': (world, percent: number, minutes: number) => {
    const events = world.sim.codeDeploy.getDeployment({ deploymentId: world.blueGreenDeployment! }).events.filter((e) => /% replacement/.test(e.message));
    const canary = events.findIndex((e) => e.message.endsWith(`${percent} % replacement.`));
    const held = canary >= 0 && events[canary + 1] ? (events[canary + 1].time - events[canary].time) / 60000 : 0;
    expect(held === minutes, () => `The canary held for ${held} minutes.`);
  },
  '{string} runs only revision {int}, in one task set': (world, name: string, revision: number) => {
    const sets = describeService(world, name).taskSets ?? [];
    expect(sets.length === 1 && sets[0].taskDefinition.endsWith(`:${revision}`) && sets[0].status === 'PRIMARY', () => `Task sets: ${sets.map((s) => `${s.status} ${s.taskDefinition.split('/').pop()}`).join(', ')}.`);
  },
});
