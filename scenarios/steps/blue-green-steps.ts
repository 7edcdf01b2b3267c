import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { describeService } from './service-inspection.js';
import { targetGroupArn } from './load-balancer-steps.js';

const deploymentOf = (world: ScenarioWorld) => world.sim.call('codeDeploy', 'getDeployment', { deploymentId: world.blueGreenDeployment! });

defineSteps('Blue/green deployments', {
  'a second target group {string} of {word} targets': async (world, name: string, targetType: string) => {
    await world.sim.call('elbv2', 'createTargetGroup', { Name: name, Protocol: 'HTTP', Port: 80, TargetType: targetType as 'ip' | 'instance' });
  },
  'a blue\\/green service {string} running {int} tasks of {string} behind the target group {string}': async (world, name: string, count: number, family: string, tg: string) => {
    await world.sim.call('ecs', 'createService', {
      cluster: world.cluster,
      serviceName: name,
      taskDefinition: family,
      desiredCount: count,
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [{ targetGroupArn: await targetGroupArn(world, tg), containerName: family, containerPort: 80 }],
    });
    expect(await world.sim.control('runUntilSteady', { cluster: world.cluster, service: name, maxSeconds: 1800 }), () => `"${name}" did not settle.`);
  },
  'CodeDeploy deploys revision {int} of {string} to {string} with {word}': async (world, revision: number, family: string, green: string, config: string) => {
    await world.markUpdate();
    const { deploymentId } = await world.sim.call('codeDeploy', 'createDeployment', {
      cluster: world.cluster,
      service: family,
      taskDefinition: `${family}:${revision}`,
      deploymentConfigName: `CodeDeployDefault.${config}`,
      greenTargetGroupArn: await targetGroupArn(world, green),
    });
    world.blueGreenDeployment = deploymentId;
  },
  'the blue\\/green deployment succeeds within {int} minutes': async (world, minutes: number) => {
    const done = await world.sim.runUntil(async () => (await deploymentOf(world)).status === 'Succeeded', minutes * 60);
    const deployment = await deploymentOf(world);
    expect(done, () => `The deployment is ${deployment.status}: ${deployment.events.map((e) => e.message).join(' / ')}`);
  },
  'the production traffic was shifted {int} % at first, then {int} %': async (world, first: number, then: number) => {
    const shifts = (await deploymentOf(world)).events.flatMap((e) => /(\d+) % replacement/.exec(e.message)?.slice(1, 2) ?? []).map(Number);
    expect(shifts[0] === first && shifts[1] === then, () => `The shifts were ${shifts.join(' %, ')} %.`);
  },
  'the canary held {int} % of the traffic for {int} minutes': async (world, percent: number, minutes: number) => {
    const events = (await deploymentOf(world)).events.filter((e) => /% replacement/.test(e.message));
    const canary = events.findIndex((e) => e.message.endsWith(`${percent} % replacement.`));
    const held = canary >= 0 && events[canary + 1] ? (events[canary + 1].time - events[canary].time) / 60000 : 0;
    expect(held === minutes, () => `The canary held for ${held} minutes.`);
  },
  '{string} runs only revision {int}, in one task set': async (world, name: string, revision: number) => {
    const sets = (await describeService(world, name)).taskSets ?? [];
    expect(sets.length === 1 && sets[0].taskDefinition.endsWith(`:${revision}`) && sets[0].status === 'PRIMARY', () => `Task sets: ${sets.map((s) => `${s.status} ${s.taskDefinition.split('/').pop()}`).join(', ')}.`);
  },
});
