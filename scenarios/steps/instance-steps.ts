import { defineSteps, expect } from './step-registry.js';
import { instanceNumbered } from './instance-inspection.js';

defineSteps('Container instances, draining and Spot', {
  '{int} {word} Spot instance(s) with instance draining join(s) the cluster': async (world, count: number, instanceType: string) => {
    await world.sim.control('addInstances', { cluster: world.cluster, instanceType, count, lifecycle: 'spot', spotInstanceDraining: true });
  },
  '{int} {word} Spot instance(s) without instance draining join(s) the cluster': async (world, count: number, instanceType: string) => {
    await world.sim.control('addInstances', { cluster: world.cluster, instanceType, count, lifecycle: 'spot', spotInstanceDraining: false });
  },
  'I set instance {int} to DRAINING': async (world, n: number) => {
    await world.markUpdate();
    const { containerInstanceArn } = await instanceNumbered(world, n);
    await world.sim.call('ecs', 'updateContainerInstancesState', { cluster: world.cluster, containerInstances: [containerInstanceArn], status: 'DRAINING' });
  },
  'EC2 reclaims Spot instance {int}': async (world, n: number) => {
    await world.markUpdate();
    await world.sim.control('interruptSpotInstance', { cluster: world.cluster, instance: (await instanceNumbered(world, n)).containerInstanceArn });
  },
  'instance {int} is {word}': async (world, n: number, status: string) => {
    const instance = await instanceNumbered(world, n);
    expect(instance.status === status, () => `Instance ${n} (${instance.ec2InstanceId}) is ${instance.status}.`);
  },
  'instance {int} runs {int} task(s)': async (world, n: number, count: number) => {
    const instance = await instanceNumbered(world, n);
    expect(instance.runningTasksCount === count, () => `Instance ${n} runs ${instance.runningTasksCount} tasks (${instance.pendingTasksCount} pending).`);
  },
  'no task was placed on instance {int} since the update': async (world, n: number) => {
    const { containerInstanceArn } = await instanceNumbered(world, n);
    const arns = [
      ...(await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, containerInstance: containerInstanceArn })).taskArns,
      ...(await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, containerInstance: containerInstanceArn, desiredStatus: 'STOPPED' })).taskArns,
    ];
    const tasks = arns.length ? (await world.sim.call('ecs', 'describeTasks', { cluster: world.cluster, tasks: arns })).tasks : [];
    const late = tasks.filter((t) => t.createdAt > world.updateStartedAtEpoch);
    expect(late.length === 0, () => `${late.length} tasks were placed on instance ${n} after the update began.`);
  },
});
