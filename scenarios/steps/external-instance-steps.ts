import { defineSteps, expect } from './step-registry.js';
import { instanceNumbered } from './instance-inspection.js';
import { serviceTasks } from './service-inspection.js';

defineSteps('On-premises servers (ECS Anywhere)', {
  '{int} on-premises server(s) with {int} vCPUs and {int} GiB of memory join(s) the cluster': async (world, count: number, vcpu: number, gib: number) => {
    await world.sim.control('addExternalInstances', { cluster: world.cluster, count, vcpu, memoryMiB: gib * 1024, location: 'on-premises' });
  },
  'a service {string} running {int} tasks of {string} on the on-premises servers': async (world, name: string, count: number, family: string) => {
    await world.sim.call('ecs', 'createService', { cluster: world.cluster, serviceName: name, taskDefinition: family, desiredCount: count, launchType: 'EXTERNAL' });
  },
  'the agent of instance {int} loses its connection': async (world, n: number) => {
    await world.markUpdate();
    await world.sim.control('disconnectAgent', { cluster: world.cluster, instance: (await instanceNumbered(world, n)).containerInstanceArn });
  },
  'the agent of instance {int} reconnects': async (world, n: number) => {
    await world.sim.control('reconnectAgent', { cluster: world.cluster, instance: (await instanceNumbered(world, n)).containerInstanceArn });
  },
  'running a task of {string} on the on-premises servers fails with {word}': async (world, family: string, reason: string) => {
    const { tasks, failures } = await world.sim.call('ecs', 'runTask', { cluster: world.cluster, taskDefinition: family, launchType: 'EXTERNAL' });
    expect(tasks.length === 0, () => `RunTask placed ${tasks.length} task(s).`);
    expect(failures[0]?.reason === reason, () => `RunTask failed with ${failures.map((f) => f.reason).join(', ') || 'nothing'}.`);
  },
  '{int} tasks of {string} run on the on-premises servers': async (world, count: number, name: string) => {
    const running = (await serviceTasks(world, name)).filter((t) => t.lastStatus === 'RUNNING');
    const external = running.filter((t) => t.launchType === 'EXTERNAL' && t.containerInstanceArn);
    const containerInstances = [...new Set(external.map((t) => t.containerInstanceArn!))];
    const described = external.length ? (await world.sim.call('ecs', 'describeContainerInstances', { cluster: world.cluster, containerInstances })).containerInstances : [];
    const servers = new Set(described.filter((i) => i.attributes?.some((a) => a.name === 'ecs.capability.external')).map((i) => i.containerInstanceArn));
    const onServers = external.filter((t) => servers.has(t.containerInstanceArn!)).length;
    expect(onServers === count && running.length === count, () => `${onServers} of the ${running.length} running tasks of "${name}" are on on-premises servers.`);
  },
});
