import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';

/** A daemon's ARN and the capacity provider ARN of a provider, read from the API as a script would. */
async function daemonArnOf(world: ScenarioWorld, name: string): Promise<string> {
  const { daemonSummariesList } = await world.sim.call('ecs', 'listDaemons', { clusterArn: world.cluster });
  const daemon = daemonSummariesList.find((d) => d.daemonArn!.endsWith(`/${name}`));
  expect(daemon !== undefined, () => `No daemon "${name}" in cluster ${world.cluster}.`);
  return daemon.daemonArn!;
}

async function providerArnOf(world: ScenarioWorld, name: string): Promise<string> {
  const { capacityProviders } = await world.sim.call('ecs', 'describeCapacityProviders', { capacityProviders: [name], cluster: world.cluster } as never);
  expect(capacityProviders.length === 1, () => `No capacity provider "${name}".`);
  return capacityProviders[0].capacityProviderArn!;
}

/** The cluster's instances (ECS lists ACTIVE and DRAINING ones), and the daemon's live tasks on them. */
async function instancesOf(world: ScenarioWorld) {
  const { containerInstanceArns } = await world.sim.call('ecs', 'listContainerInstances', { cluster: world.cluster });
  return containerInstanceArns.length
    ? (await world.sim.call('ecs', 'describeContainerInstances', { cluster: world.cluster, containerInstances: containerInstanceArns })).containerInstances
    : [];
}

async function fleet(world: ScenarioWorld, daemon: string) {
  const instances = await instancesOf(world);
  const { taskArns } = await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, startedBy: await daemonArnOf(world, daemon) });
  const tasks = taskArns.length ? (await world.sim.call('ecs', 'describeTasks', { cluster: world.cluster, tasks: taskArns })).tasks : [];
  return { instances, daemonTasks: tasks.filter((t) => t.lastStatus !== 'STOPPED') };
}

const revisionOf = (task: { taskDefinitionArn?: string }) => Number(task.taskDefinitionArn!.split(':').pop());

async function latestDaemonDeployment(world: ScenarioWorld, daemon: string) {
  const { daemonDeployments } = await world.sim.call('ecs', 'listDaemonDeployments', { daemonArn: await daemonArnOf(world, daemon) });
  return daemonDeployments[0];
}

async function updateDaemon(world: ScenarioWorld, daemon: string, revision: number, deploymentConfiguration: object): Promise<void> {
  await world.markUpdate();
  const daemonArn = await daemonArnOf(world, daemon);
  const { daemon: described } = await world.sim.call('ecs', 'describeDaemon', { daemonArn });
  const [current] = (await world.sim.call('ecs', 'describeDaemonRevisions', { daemonRevisionArns: [described!.currentRevisions!.at(-1)!.arn!] })).daemonRevisions;
  const family = current.daemonTaskDefinitionArn!.split('/').pop()!.split(':')[0];
  const { daemonDeployments } = await world.sim.call('ecs', 'describeDaemonDeployments', { daemonDeploymentArns: [described!.deploymentArn!] });
  const providers = daemonDeployments[0].targetDaemonRevision!.capacityProviders!.map((p) => p.arn!);
  const { daemonTaskDefinition } = await world.sim.call('ecs', 'describeDaemonTaskDefinition', { daemonTaskDefinition: `${family}:${revision}` });
  await world.sim.call('ecs', 'updateDaemon', { daemonArn, daemonTaskDefinitionArn: daemonTaskDefinition!.daemonTaskDefinitionArn!, capacityProviderArns: providers, deploymentConfiguration });
}

defineSteps('Managed Daemons', {
  'a daemon task definition {string} for image {string} with {int} CPU units and {int} MiB of memory': async (world, family: string, image: string, cpu: number, memory: number) => {
    await world.sim.call('ecs', 'registerDaemonTaskDefinition', { family, containerDefinitions: [{ name: family, image, cpu, memory, essential: true }] });
  },
  'a new revision of the daemon task definition {string} for image {string}': async (world, family: string, image: string) => {
    const { daemonTaskDefinition } = await world.sim.call('ecs', 'describeDaemonTaskDefinition', { daemonTaskDefinition: family });
    const containerDefinitions = daemonTaskDefinition!.containerDefinitions!.map((c, i) => (i === 0 ? { ...c, image } : c));
    await world.sim.call('ecs', 'registerDaemonTaskDefinition', { family, containerDefinitions });
  },
  'the daemon {string} runs {string} on the instances of {string}': async (world, name: string, family: string, provider: string) => {
    const { daemonTaskDefinition } = await world.sim.call('ecs', 'describeDaemonTaskDefinition', { daemonTaskDefinition: family });
    const capacityProviderArns = [await providerArnOf(world, provider)];
    await world.sim.call('ecs', 'createDaemon', { daemonName: name, clusterArn: world.cluster, daemonTaskDefinitionArn: daemonTaskDefinition!.daemonTaskDefinitionArn!, capacityProviderArns });
  },
  'every ACTIVE instance runs one task of the daemon {string}': async (world, daemon: string) => {
    const { instances, daemonTasks } = await fleet(world, daemon);
    const active = instances.filter((i) => i.status === 'ACTIVE');
    const counts = active.map((i) => daemonTasks.filter((t) => t.containerInstanceArn === i.containerInstanceArn && t.lastStatus === 'RUNNING').length);
    expect(active.length > 0 && counts.every((n) => n === 1), () => `The ACTIVE instances run ${counts.join(', ') || 'no'} tasks of "${daemon}" each.`);
  },
  'on every instance the daemon {string} started before the tasks of {string}': async (world, daemon: string, service: string) => {
    const { taskArns } = await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, serviceName: service });
    const { tasks } = await world.sim.call('ecs', 'describeTasks', { cluster: world.cluster, tasks: taskArns });
    const { daemonTasks } = await fleet(world, daemon);
    for (const task of tasks) {
      const first = daemonTasks.find((t) => t.containerInstanceArn === task.containerInstanceArn);
      expect(first?.startedAt !== undefined && first.startedAt < task.startedAt!, () => `On ${task.containerInstanceArn}, "${daemon}" started at ${first?.startedAt ?? 'no time'}, the task of "${service}" at ${task.startedAt}.`);
    }
  },
  'the task of the daemon {string} on one instance stops': async (world, daemon: string) => {
    const { taskArns } = await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, startedBy: await daemonArnOf(world, daemon) });
    world.stoppedTask = taskArns[0];
    await world.sim.call('ecs', 'stopTask', { cluster: world.cluster, task: taskArns[0], reason: 'The agent crashed.' });
  },
  'the instance of the stopped daemon task is {word} within {int} minute(s)': async (world, status: string, minutes: number) => {
    const { tasks } = await world.sim.call('ecs', 'describeTasks', { cluster: world.cluster, tasks: [world.stoppedTask!] });
    const instance = tasks[0].containerInstanceArn!;
    const statusNow = async () => {
      const { containerInstances } = await world.sim.call('ecs', 'describeContainerInstances', { cluster: world.cluster, containerInstances: [instance] });
      return containerInstances[0]?.status ?? 'gone';
    };
    const reached = await world.sim.runUntil(async () => (await statusNow()) === status, minutes * 60);
    const seen = await statusNow();
    expect(reached, () => `The instance is ${seen}.`);
  },
  '{int} instance(s) is/are {word} within {int} minute(s)': async (world, count: number, status: string, minutes: number) => {
    const statuses = async () => (await instancesOf(world)).map((i) => i.status!);
    const reached = await world.sim.runUntil(async () => (await statuses()).filter((s) => s === status).length === count, minutes * 60);
    const seen = await statuses();
    expect(reached, () => `The instances are ${seen.join(', ') || 'none'}.`);
  },
  'I update the daemon {string} to revision {int}, draining {int} % of the instances at a time and baking {int} minute(s)': async (
    world, daemon: string, revision: number, drainPercent: number, bakeTimeInMinutes: number,
  ) => {
    await updateDaemon(world, daemon, revision, { drainPercent, bakeTimeInMinutes });
  },
  'I update the daemon {string} to revision {int}, draining {int} % of the instances at a time, baking {int} minute(s) and rolling back when the alarm {string} goes off': async (
    world, daemon: string, revision: number, drainPercent: number, bakeTimeInMinutes: number, alarm: string,
  ) => {
    await updateDaemon(world, daemon, revision, { drainPercent, bakeTimeInMinutes, alarms: { alarmNames: [alarm], enable: true } });
  },
  'the deployment of the daemon {string} is {word} within {int} minute(s)': async (world, daemon: string, status: string, minutes: number) => {
    const reached = await world.sim.runUntil(async () => (await latestDaemonDeployment(world, daemon)).status === status, minutes * 60);
    const latest = await latestDaemonDeployment(world, daemon);
    expect(reached, () => `The deployment of "${daemon}" is ${latest.status}${latest.statusReason ? `: ${latest.statusReason}` : ''}.`);
  },
  '{int} instance(s) run(s) revision {int} of the daemon {string} within {int} minute(s)': async (world, count: number, revision: number, daemon: string, minutes: number) => {
    const running = async () => (await fleet(world, daemon)).daemonTasks.filter((t) => t.lastStatus === 'RUNNING' && revisionOf(t) === revision).length;
    const reached = await world.sim.runUntil(async () => (await running()) === count, minutes * 60);
    const seen = await running();
    expect(reached, () => `${seen} instances run revision ${revision} of "${daemon}".`);
  },
  'every instance runs revision {int} of the daemon {string}': async (world, revision: number, daemon: string) => {
    const { instances, daemonTasks } = await fleet(world, daemon);
    const seen = instances.map((i) => daemonTasks.filter((t) => t.containerInstanceArn === i.containerInstanceArn).map(revisionOf).join('+') || 'none');
    expect(seen.length > 0 && seen.every((r) => r === String(revision)), () => `The instances run revisions ${seen.join(', ')} of "${daemon}".`);
  },
});
