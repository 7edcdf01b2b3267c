import { defineSteps, expect } from './step-registry.js';
import { instanceNumbered } from './instance-inspection.js';
import { serviceTasks } from './service-inspection.js';

defineSteps('On-premises servers (ECS Anywhere)', {
  '{int} on-premises server(s) with {int} vCPUs and {int} GiB of memory join(s) the cluster': (world, count: number, vcpu: number, gib: number) => {
    world.sim.control.addExternalInstances({ cluster: world.cluster, count, vcpu, memoryMiB: gib * 1024, location: 'on-premises' });
  },
  'a service {string} running {int} tasks of {string} on the on-premises servers': (world, name: string, count: number, family: string) => {
    world.sim.createService({ cluster: world.cluster, serviceName: name, taskDefinition: family, desiredCount: count, launchType: 'EXTERNAL' });
  },
  'the agent of instance {int} loses its connection': (world, n: number) => {
    world.markUpdate();
    world.sim.control.disconnectAgent({ cluster: world.cluster, instance: instanceNumbered(world, n).containerInstanceArn });
  },
  'the agent of instance {int} reconnects': (world, n: number) => {
    world.sim.control.reconnectAgent({ cluster: world.cluster, instance: instanceNumbered(world, n).containerInstanceArn });
  },
  'running a task of {string} on the on-premises servers fails with {word}': (world, family: string, reason: string) => {
    const { tasks, failures } = world.sim.runTask({ cluster: world.cluster, taskDefinition: family, launchType: 'EXTERNAL' });
    expect(tasks.length === 0, () => `RunTask placed ${tasks.length} task(s).`);
    expect(failures[0]?.reason === reason, () => `RunTask failed with ${failures.map((f) => f.reason).join(', ') || 'nothing'}.`);
  },
  '{int} tasks of {string} run on the on-premises servers': (world, count: number, name: string) => {
    const running = serviceTasks(world, name).filter((t) => t.lastStatus === 'RUNNING');
    const external = running.filter((t) => t.launchType === 'EXTERNAL' && t.containerInstanceArn);
    const servers = new Set(
      external.length
        ? world.sim
            .describeContainerInstances({ cluster: world.cluster, containerInstances: [...new Set(external.map((t) => t.containerInstanceArn!))] })
            .containerInstances.filter((i) => i.attributes?.some((a) => a.name === 'ecs.capability.external'))
            .map((i) => i.containerInstanceArn)
        : [],
    );
    const onServers = external.filter((t) => servers.has(t.containerInstanceArn!)).length;
    expect(onServers === count && running.length === count, () => `${onServers} of the ${running.length} running tasks of "${name}" are on on-premises servers.`);
  },
});
