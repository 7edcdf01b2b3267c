import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';

/** A cluster with one EC2 instance and two servers of our own (ECS Anywhere). */
function hybridCluster() {
  const sim = createSimulator();
  sim.createCluster({ clusterName: 'hybrid' });
  const [ec2] = sim.control.addInstances({ cluster: 'hybrid', instanceType: 'm5.large', count: 1 }).containerInstanceArns;
  const servers = sim.control.addExternalInstances({ cluster: 'hybrid', count: 2, vcpu: 4, memoryMiB: 8192, location: 'dc-paris' }).containerInstanceArns;
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 512, portMappings: [{ containerPort: 80 }] }] });
  return { sim, ec2, servers };
}

const instanceOf = (sim: ReturnType<typeof createSimulator>, taskArn: string) =>
  sim.describeTasks({ cluster: 'hybrid', tasks: [taskArn] }).tasks[0].containerInstanceArn;

describe('External (ECS Anywhere) instances', () => {
  it('register with an mi- id, the external capability and all of their memory', () => {
    const { sim, servers } = hybridCluster();
    const [server] = sim.describeContainerInstances({ cluster: 'hybrid', containerInstances: [servers[0]] }).containerInstances;
    expect(server.ec2InstanceId).toMatch(/^mi-[0-9a-f]{17}$/);
    expect(server.attributes).toContainEqual({ name: 'ecs.capability.external' });
    expect(server.attributes!.some((a) => a.name === 'ecs.availability-zone')).toBe(false);
    expect(server.registeredResources!.find((r) => r.name === 'MEMORY')!.integerValue).toBe(8192);
    expect(server.registeredResources!.find((r) => r.name === 'CPU')!.integerValue).toBe(4096);
  });

  it('take EXTERNAL tasks only, and EC2 tasks never land on them', () => {
    const { sim, ec2, servers } = hybridCluster();
    const external = sim.runTask({ cluster: 'hybrid', taskDefinition: 'web', launchType: 'EXTERNAL', count: 4 });
    expect(external.failures).toEqual([]);
    for (const t of external.tasks) expect(servers).toContain(instanceOf(sim, t.taskArn!));
    expect(external.tasks[0].launchType).toBe('EXTERNAL');
    const onEc2 = sim.runTask({ cluster: 'hybrid', taskDefinition: 'web', launchType: 'EC2' });
    expect(instanceOf(sim, onEc2.tasks[0].taskArn!)).toBe(ec2);
  });

  it('refuse an awsvpc task definition for EXTERNAL, and a load balancer on an EXTERNAL service', () => {
    const { sim } = hybridCluster();
    expect(() =>
      sim.registerTaskDefinition({ family: 'vpc', networkMode: 'awsvpc', requiresCompatibilities: ['EXTERNAL'], containerDefinitions: [{ name: 'a', image: 'a', memory: 64 }] }),
    ).toThrow(expect.objectContaining({ name: 'ClientException', message: expect.stringContaining('does not support network mode') }));
    sim.registerTaskDefinition({ family: 'vpc', networkMode: 'awsvpc', containerDefinitions: [{ name: 'a', image: 'a', memory: 64 }] });
    expect(() =>
      sim.runTask({ cluster: 'hybrid', taskDefinition: 'vpc', launchType: 'EXTERNAL', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } }),
    ).toThrow('Task definition does not support launch_type EXTERNAL.');
    const { loadBalancer } = { loadBalancer: sim.elbv2.createLoadBalancer({ Name: 'lb', Type: 'application' }).LoadBalancers[0] };
    const tg = sim.elbv2.createTargetGroup({ Name: 'tg', Protocol: 'HTTP', Port: 80, TargetType: 'instance' }).TargetGroups[0];
    sim.elbv2.createListener({ LoadBalancerArn: loadBalancer.LoadBalancerArn, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }] });
    const before = sim.listServices({ cluster: 'hybrid' }).serviceArns;
    expect(() =>
      sim.createService({ cluster: 'hybrid', serviceName: 'web', taskDefinition: 'web', desiredCount: 1, launchType: 'EXTERNAL', loadBalancers: [{ targetGroupArn: tg.TargetGroupArn, containerName: 'web', containerPort: 80 }] }),
    ).toThrow(expect.objectContaining({ name: 'InvalidParameterException', message: expect.stringContaining('EXTERNAL launch type') }));
    expect(sim.listServices({ cluster: 'hybrid' }).serviceArns).toEqual(before);
  });

  it('run a DAEMON service on every server and none on the EC2 instance', () => {
    const { sim, servers } = hybridCluster();
    sim.createService({ cluster: 'hybrid', serviceName: 'agent', taskDefinition: 'web', launchType: 'EXTERNAL', schedulingStrategy: 'DAEMON' });
    sim.control.advance(120);
    const tasks = sim.describeTasks({ cluster: 'hybrid', tasks: sim.listTasks({ cluster: 'hybrid', serviceName: 'agent' }).taskArns }).tasks;
    expect(tasks.map((t) => t.containerInstanceArn).sort()).toEqual([...servers].sort());
  });

  it('are billed per ECS Anywhere instance-hour, not as EC2', () => {
    const { sim } = hybridCluster();
    sim.control.advance(3600);
    const line = sim.control.costReport().lines.find((l) => l.item === 'ECS Anywhere on-premises instance-hours')!;
    expect(line.quantity).toBe(2);
    expect(line.cost).toBeCloseTo(2 * 0.01025, 6);
  });
});

describe('a disconnected agent', () => {
  it('gets no new tasks: RunTask fails with AGENT', () => {
    const { sim, servers } = hybridCluster();
    for (const instance of servers) sim.control.disconnectAgent({ cluster: 'hybrid', instance });
    const result = sim.runTask({ cluster: 'hybrid', taskDefinition: 'web', launchType: 'EXTERNAL' });
    expect(result.tasks).toEqual([]);
    expect(result.failures[0].reason).toBe('AGENT');
    const [server] = sim.describeContainerInstances({ cluster: 'hybrid', containerInstances: [servers[0]] }).containerInstances;
    expect(server.agentConnected).toBe(false);
  });

  it('keeps its tasks running, and a stop waits until the agent is back', () => {
    const { sim, servers } = hybridCluster();
    const [task] = sim.runTask({ cluster: 'hybrid', taskDefinition: 'web', launchType: 'EXTERNAL' }).tasks;
    sim.control.advance(60);
    const host = instanceOf(sim, task.taskArn!)!;
    expect(servers).toContain(host);
    sim.control.disconnectAgent({ cluster: 'hybrid', instance: host });
    sim.stopTask({ cluster: 'hybrid', task: task.taskArn! });
    sim.control.advance(600);
    const describe = () => sim.describeTasks({ cluster: 'hybrid', tasks: [task.taskArn!] }).tasks[0];
    expect(describe()).toMatchObject({ desiredStatus: 'STOPPED', lastStatus: 'RUNNING' });
    sim.control.reconnectAgent({ cluster: 'hybrid', instance: host });
    sim.control.advance(60);
    expect(describe().lastStatus).toBe('STOPPED');
  });

  it('is reported in an ECS Container Instance State Change event each way', () => {
    const { sim, servers } = hybridCluster();
    const mark = sim.control.events().length;
    sim.control.disconnectAgent({ cluster: 'hybrid', instance: servers[0] });
    sim.control.reconnectAgent({ cluster: 'hybrid', instance: servers[0] });
    const changes = sim.control
      .events()
      .slice(mark)
      .flatMap((e) => (e.kind === 'eventbridge' && e.event['detail-type'] === 'ECS Container Instance State Change' ? [e.event.detail.agentConnected] : []));
    expect(changes).toEqual([false, true]);
  });
});
