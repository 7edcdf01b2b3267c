import { describe, expect, it } from 'vitest';
import { createSimulator, type EcsSimulator } from '../../core/index.js';

const SUBNETS = ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'];
const NETWORK = { awsvpcConfiguration: { subnets: SUBNETS } };

/**
 * A cluster with the Managed Instances provider "managed", a task definition "web" (1 vCPU, 2 GiB) and two
 * revisions of the daemon task definition "log-agent" (agent:1, agent:2), registered and ready.
 */
function managedCluster(): { sim: EcsSimulator; agent: string[] } {
  const sim = createSimulator({ seed: 7 });
  sim.createCluster({ clusterName: 'demo' });
  sim.createCapacityProvider({
    name: 'managed',
    cluster: 'demo',
    managedInstancesProvider: {
      infrastructureRoleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRole',
      instanceLaunchTemplate: { ec2InstanceProfileArn: 'arn:aws:iam::123456789012:instance-profile/ecsInstanceRole', networkConfiguration: { subnets: SUBNETS } },
    },
  } as never);
  sim.putClusterCapacityProviders({ cluster: 'demo', capacityProviders: ['managed'], defaultCapacityProviderStrategy: [{ capacityProvider: 'managed', weight: 1 }] });
  sim.registerTaskDefinition({ family: 'web', requiresCompatibilities: ['MANAGED_INSTANCES'], networkMode: 'awsvpc', containerDefinitions: [{ name: 'web', image: 'web:1', cpu: 1024, memory: 2048 }] } as never);
  const agent = ['agent:1', 'agent:2'].map(
    (image) => sim.registerDaemonTaskDefinition({ family: 'log-agent', containerDefinitions: [{ name: 'agent', image, cpu: 256, memory: 256 }] } as never).daemonTaskDefinitionArn,
  );
  return { sim, agent };
}

const createAgent = (sim: EcsSimulator, daemonTaskDefinitionArn: string, extra: object = {}) =>
  sim.createDaemon({ daemonName: 'log-agent', daemonTaskDefinitionArn, capacityProviderArns: ['managed'], clusterArn: 'demo', ...extra } as never);

const tasksOf = (sim: EcsSimulator) => {
  const arns = sim.listTasks({ cluster: 'demo' }).taskArns;
  return arns.length === 0 ? [] : sim.describeTasks({ cluster: 'demo', tasks: arns }).tasks;
};

const instancesOf = (sim: EcsSimulator) => {
  const arns = sim.listContainerInstances({ cluster: 'demo' }).containerInstanceArns;
  return arns.length === 0 ? [] : sim.describeContainerInstances({ cluster: 'demo', containerInstances: arns }).containerInstances;
};

const deploymentOf = (sim: EcsSimulator, arn: string) => sim.describeDaemonDeployments({ daemonDeploymentArns: [arn] }).daemonDeployments[0];

describe('ECS Managed Daemons on Managed Instances', () => {
  it('starts the daemon task on a new instance before any application task there, one per instance', () => {
    const { sim, agent } = managedCluster();
    const daemon = createAgent(sim, agent[0]);
    sim.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2, networkConfiguration: NETWORK } as never);
    expect(sim.control.runUntilSteady({ cluster: 'demo', service: 'web', maxSeconds: 600 })).toBe(true);
    const tasks = tasksOf(sim);
    const daemons = tasks.filter((t) => t.group === 'daemon:log-agent');
    expect(daemons.map((t) => t.startedBy)).toEqual([daemon.daemonArn, daemon.daemonArn]);
    expect(new Set(daemons.map((t) => t.containerInstanceArn)).size).toBe(2);
    for (const app of tasks.filter((t) => t.group === 'service:web')) {
      const first = daemons.find((t) => t.containerInstanceArn === app.containerInstanceArn)!;
      expect(first.startedAt!).toBeLessThan(app.startedAt!);
      expect(first.launchType).toBe('MANAGED_INSTANCES');
    }
    // ECS sized each instance for one web task and the agent: 2 vCPUs less the agent's quarter leave room for one.
    expect(instancesOf(sim).map((i) => i.attributes?.find((a) => a.name === 'ecs.instance-type')?.value)).toEqual(['m5.large', 'm5.large']);
    expect(sim.describeDaemon({ daemonArn: daemon.daemonArn }).daemon.currentRevisions).toEqual([
      expect.objectContaining({ totalRunningCount: 2, totalWithoutDaemonCount: 0 }),
    ]);
  });

  it('drains and replaces the instance of a critical daemon task that stops; its application task moves to the replacement', () => {
    const { sim, agent } = managedCluster();
    const daemon = createAgent(sim, agent[0]);
    sim.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1, networkConfiguration: NETWORK } as never);
    sim.control.runUntilSteady({ cluster: 'demo', service: 'web', maxSeconds: 600 });
    const [first] = instancesOf(sim);
    const [agentTask] = sim.listTasks({ cluster: 'demo', startedBy: daemon.daemonArn }).taskArns;
    sim.stopTask({ cluster: 'demo', task: agentTask, reason: 'testing auto repair' });
    sim.control.advance(30);
    expect(instancesOf(sim).find((i) => i.containerInstanceArn === first.containerInstanceArn)?.status).toBe('DRAINING');
    sim.control.runUntil(() => instancesOf(sim).length === 1 && instancesOf(sim)[0].containerInstanceArn !== first.containerInstanceArn, 900);
    const [replacement] = instancesOf(sim);
    expect(replacement.status).toBe('ACTIVE');
    sim.control.runUntilSteady({ cluster: 'demo', service: 'web', maxSeconds: 600 });
    expect(tasksOf(sim).map((t) => `${t.group}@${t.containerInstanceArn === replacement.containerInstanceArn}`).sort()).toEqual(['daemon:log-agent@true', 'service:web@true']);
  });

  it('starts a stopped non-critical daemon task again on the same instance, which stays ACTIVE', () => {
    const { sim, agent } = managedCluster();
    const daemon = createAgent(sim, agent[0], { critical: false });
    sim.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1, networkConfiguration: NETWORK } as never);
    sim.control.runUntilSteady({ cluster: 'demo', service: 'web', maxSeconds: 600 });
    const [agentTask] = sim.listTasks({ cluster: 'demo', startedBy: daemon.daemonArn }).taskArns;
    sim.stopTask({ cluster: 'demo', task: agentTask });
    sim.control.advance(120);
    const [only] = instancesOf(sim);
    expect(only.status).toBe('ACTIVE');
    const again = sim.listTasks({ cluster: 'demo', startedBy: daemon.daemonArn }).taskArns;
    expect(again).toHaveLength(1);
    expect(again[0]).not.toBe(agentTask);
  });

  it('deploys a new revision by draining drainPercent of the instances at a time, baking between batches', () => {
    const { sim, agent } = managedCluster();
    const daemon = createAgent(sim, agent[0]);
    sim.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 4, networkConfiguration: NETWORK } as never);
    sim.control.runUntilSteady({ cluster: 'demo', service: 'web', maxSeconds: 900 });
    const update = sim.updateDaemon({ daemonArn: daemon.daemonArn, daemonTaskDefinitionArn: agent[1], capacityProviderArns: ['managed'], deploymentConfiguration: { drainPercent: 50, bakeTimeInMinutes: 3 } } as never);
    sim.control.advance(1);
    expect(instancesOf(sim).filter((i) => i.status === 'DRAINING')).toHaveLength(2);
    const batchLeft = () => deploymentOf(sim, update.deploymentArn).targetDaemonRevision!.totalRunningInstanceCount === 2 && instancesOf(sim).length === 4;
    sim.control.runUntil(batchLeft, 900);
    const leftAt = sim.control.now;
    sim.control.runUntil(() => instancesOf(sim).some((i) => i.status === 'DRAINING'), 900);
    expect(sim.control.now - leftAt).toBeGreaterThanOrEqual(3 * 60);
    sim.control.runUntil(() => deploymentOf(sim, update.deploymentArn).status !== 'IN_PROGRESS', 1800);
    const done = deploymentOf(sim, update.deploymentArn);
    expect(done).toMatchObject({ status: 'SUCCESSFUL', targetDaemonRevision: { totalRunningInstanceCount: 4 }, deploymentConfiguration: { drainPercent: 50, bakeTimeInMinutes: 3 } });
    expect(tasksOf(sim).filter((t) => t.group === 'daemon:log-agent').map((t) => t.taskDefinitionArn)).toEqual([agent[1], agent[1], agent[1], agent[1]]);
    expect(sim.listDaemonDeployments({ daemonArn: daemon.daemonArn }).daemonDeployments.map((d) => d.status)).toEqual(['SUCCESSFUL', 'SUCCESSFUL']);
  });

  it('rolls a deployment back to the revision before when one of its alarms goes off', () => {
    const { sim, agent } = managedCluster();
    const daemon = createAgent(sim, agent[0]);
    sim.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2, networkConfiguration: NETWORK } as never);
    sim.control.runUntilSteady({ cluster: 'demo', service: 'web', maxSeconds: 900 });
    const alarms = { alarmNames: ['agent-errors'], enable: true };
    const update = sim.updateDaemon({ daemonArn: daemon.daemonArn, daemonTaskDefinitionArn: agent[1], capacityProviderArns: ['managed'], deploymentConfiguration: { drainPercent: 50, bakeTimeInMinutes: 5, alarms } } as never);
    sim.control.runUntil(() => deploymentOf(sim, update.deploymentArn).targetDaemonRevision!.totalRunningInstanceCount === 1, 900);
    sim.control.setAlarmState({ alarmName: 'agent-errors', state: 'ALARM' });
    sim.control.advance(1);
    const rolling = deploymentOf(sim, update.deploymentArn);
    expect(rolling).toMatchObject({
      status: 'ROLLBACK_IN_PROGRESS',
      alarms: { status: 'TRIGGERED', triggeredAlarmNames: ['agent-errors'] },
      rollback: { reason: 'ECS deployment failed: alarm agent-errors in ALARM state.', rollbackTargetDaemonRevisionArn: rolling.sourceDaemonRevisions[0].arn },
    });
    sim.control.runUntil(() => deploymentOf(sim, update.deploymentArn).status !== 'ROLLBACK_IN_PROGRESS', 1800);
    expect(deploymentOf(sim, update.deploymentArn).status).toBe('ROLLBACK_SUCCESSFUL');
    expect(tasksOf(sim).filter((t) => t.group === 'daemon:log-agent').map((t) => t.taskDefinitionArn)).toEqual([agent[0], agent[0]]);
  });

  it('replaces the instances that were there before the daemon, and a delete replaces them again without it', () => {
    const { sim, agent } = managedCluster();
    sim.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1, networkConfiguration: NETWORK } as never);
    sim.control.runUntilSteady({ cluster: 'demo', service: 'web', maxSeconds: 600 });
    const [before] = instancesOf(sim);
    const daemon = createAgent(sim, agent[0]);
    sim.control.runUntil(() => deploymentOf(sim, daemon.deploymentArn).status === 'SUCCESSFUL', 1800);
    expect(instancesOf(sim).map((i) => i.containerInstanceArn)).not.toContain(before.containerInstanceArn);
    expect(tasksOf(sim).map((t) => t.group).sort()).toEqual(['daemon:log-agent', 'service:web']);
    const deleted = sim.deleteDaemon({ daemonArn: daemon.daemonArn });
    expect(deleted.status).toBe('DELETE_IN_PROGRESS');
    sim.control.runUntil(() => sim.listDaemons({ clusterArn: 'demo' }).daemonSummariesList.length === 0, 1800);
    expect(tasksOf(sim).map((t) => t.group)).toEqual(['service:web']);
    expect(() => sim.describeDaemon({ daemonArn: daemon.daemonArn })).toThrow(expect.objectContaining({ name: 'DaemonNotFoundException' }));
  });
});

describe('the Managed Daemons API', () => {
  it('describes daemon task definitions, revisions and deployments in ECS shapes', () => {
    const { sim, agent } = managedCluster();
    expect(sim.describeDaemonTaskDefinition({ daemonTaskDefinition: 'log-agent' }).daemonTaskDefinition).toMatchObject({
      daemonTaskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:daemon-task-definition/log-agent:2',
      family: 'log-agent',
      revision: 2,
      status: 'ACTIVE',
    });
    const daemon = createAgent(sim, agent[0]);
    expect(daemon).toMatchObject({ daemonArn: 'arn:aws:ecs:us-east-1:123456789012:daemon/demo/log-agent', status: 'ACTIVE' });
    const [summary] = sim.listDaemonDeployments({ daemonArn: daemon.daemonArn }).daemonDeployments;
    expect(summary).toMatchObject({ daemonDeploymentArn: daemon.deploymentArn, daemonArn: daemon.daemonArn, status: 'PENDING' });
    sim.control.advance(1);
    const deployment = deploymentOf(sim, daemon.deploymentArn);
    expect(deployment).toMatchObject({
      status: 'SUCCESSFUL',
      deploymentConfiguration: { drainPercent: 25, bakeTimeInMinutes: 0 },
      circuitBreaker: { failureCount: 0, status: 'MONITORING_COMPLETE', threshold: 3 },
      alarms: { status: 'DISABLED' },
    });
    const [revision] = sim.describeDaemonRevisions({ daemonRevisionArns: [deployment.targetDaemonRevision!.arn] }).daemonRevisions;
    expect(revision).toMatchObject({ daemonArn: daemon.daemonArn, daemonTaskDefinitionArn: agent[0], critical: true, containerImages: [{ containerName: 'agent', image: 'agent:1' }] });
  });

  it('refuses capacity that is not Managed Instances, an unknown daemon, and changes to a daemon being deleted', () => {
    const { sim, agent } = managedCluster();
    expect(() => sim.createDaemon({ daemonName: 'x', daemonTaskDefinitionArn: agent[0], capacityProviderArns: ['FARGATE'], clusterArn: 'demo' } as never)).toThrow(
      expect.objectContaining({ name: 'InvalidParameterException', message: 'ECS Managed Daemons is only supported for Amazon ECS Managed Instances Capacity Providers.' }),
    );
    expect(() => sim.createDaemon({ daemonName: 'x', daemonTaskDefinitionArn: agent[0], capacityProviderArns: [], clusterArn: 'demo' } as never)).toThrow(/capacityProviderArns should not be null or empty/);
    expect(() => sim.createDaemon({ daemonName: 'x', daemonTaskDefinitionArn: 'nope:9', capacityProviderArns: ['managed'], clusterArn: 'demo' } as never)).toThrow(
      expect.objectContaining({ name: 'ClientException' }),
    );
    expect(() => createAgent(sim, agent[0], { deploymentConfiguration: { drainPercent: 120 } })).toThrow('deploymentConfiguration.drainPercent must be at most 100 (got 120).');
    expect(sim.listDaemons({ clusterArn: 'demo' }).daemonSummariesList).toEqual([]);
    expect(() => sim.describeDaemon({ daemonArn: 'arn:aws:ecs:us-east-1:123456789012:daemon/demo/ghost' })).toThrow(expect.objectContaining({ name: 'DaemonNotFoundException' }));
    const daemon = createAgent(sim, agent[0]);
    sim.deleteDaemon({ daemonArn: daemon.daemonArn });
    expect(() => sim.updateDaemon({ daemonArn: daemon.daemonArn, daemonTaskDefinitionArn: agent[1], capacityProviderArns: ['managed'] } as never)).toThrow(
      expect.objectContaining({ name: 'DaemonNotActiveException' }),
    );
  });
});
