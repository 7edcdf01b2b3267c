import { defineSteps, expect } from './step-registry.js';
import { instanceNumbered } from './instance-inspection.js';

defineSteps('Container instances, draining and Spot', {
  '{int} {word} Spot instance(s) with instance draining join(s) the cluster': (world, count: number, instanceType: string) => {
    world.sim.control.addInstances({ cluster: world.cluster, instanceType, count, lifecycle: 'spot', spotInstanceDraining: true });
  },
  '{int} {word} Spot instance(s) without instance draining join(s) the cluster': (world, count: number, instanceType: string) => {
    world.sim.control.addInstances({ cluster: world.cluster, instanceType, count, lifecycle: 'spot', spotInstanceDraining: false });
  },
  'I set instance {int} to DRAINING': (world, n: number) => {
    world.markUpdate();
    world.sim.updateContainerInstancesState({ cluster: world.cluster, containerInstances: [instanceNumbered(world, n).containerInstanceArn], status: 'DRAINING' });
  },
  'EC2 reclaims Spot instance {int}': (world, n: number) => {
    world.markUpdate();
    world.sim.control.interruptSpotInstance({ cluster: world.cluster, instance: instanceNumbered(world, n).containerInstanceArn });
  },
  'instance {int} is {word}': (world, n: number, status: string) => {
    const instance = instanceNumbered(world, n);
    expect(instance.status === status, () => `Instance ${n} (${instance.ec2InstanceId}) is ${instance.status}.`);
  },
  'instance {int} runs {int} task(s)': (world, n: number, count: number) => {
    const instance = instanceNumbered(world, n);
    expect(instance.runningTasksCount === count, () => `Instance ${n} runs ${instance.runningTasksCount} tasks (${instance.pendingTasksCount} pending).`);
  },
  'no task was placed on instance {int} since the update': (world, n: number) => {
    const instance = instanceNumbered(world, n);
    const arns = [
      ...world.sim.listTasks({ cluster: world.cluster, containerInstance: instance.containerInstanceArn }).taskArns,
      ...world.sim.listTasks({ cluster: world.cluster, containerInstance: instance.containerInstanceArn, desiredStatus: 'STOPPED' }).taskArns,
    ];
    const tasks = arns.length ? world.sim.describeTasks({ cluster: world.cluster, tasks: arns }).tasks : [];
    const late = tasks.filter((t) => t.createdAt > world.updateStartedAtEpoch);
    expect(late.length === 0, () => `${late.length} tasks were placed on instance ${n} after the update began.`);
  },
});
