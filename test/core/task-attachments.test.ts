import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';

describe('DescribeTasks for an awsvpc task', () => {
  it('lists its ENI: PRECREATED, then ATTACHED with its private address, then DETACHED', () => {
    const sim = createSimulator();
    sim.createCluster({ clusterName: 'c', capacityProviders: ['FARGATE'] });
    sim.registerTaskDefinition({ family: 'fg', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image: 'app:1' }] });
    const [task] = sim.runTask({ cluster: 'c', taskDefinition: 'fg', launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } }).tasks;
    const describe = () => sim.describeTasks({ cluster: 'c', tasks: [task.taskArn!] }).tasks[0];
    expect(describe().attachments![0].status).toBe('PRECREATED');
    sim.control.advance(60);
    const running = describe();
    const [eni] = running.attachments!;
    expect(eni).toMatchObject({ type: 'ElasticNetworkInterface', status: 'ATTACHED' });
    const address = eni.details.find((d) => d.name === 'privateIPv4Address')!.value;
    expect(address).toMatch(/^10\.\d+\.\d+\.\d+$/);
    expect(eni.details.find((d) => d.name === 'networkInterfaceId')!.value).toMatch(/^eni-[0-9a-f]{17}$/);
    expect(running.containers[0].networkInterfaces).toEqual([{ attachmentId: eni.id, privateIpv4Address: address }]);
    sim.stopTask({ cluster: 'c', task: task.taskArn! });
    sim.control.advance(60);
    expect(describe().attachments![0].status).toBe('DETACHED');
  });

  it('gives a bridge task no attachment', () => {
    const sim = createSimulator();
    sim.createCluster({ clusterName: 'c' });
    sim.control.addInstances({ cluster: 'c', instanceType: 'm5.large', count: 1 });
    sim.registerTaskDefinition({ family: 'b', containerDefinitions: [{ name: 'b', image: 'b:1', memory: 64 }] });
    const [task] = sim.runTask({ cluster: 'c', taskDefinition: 'b' }).tasks;
    expect(task.attachments).toBeUndefined();
    expect(task.containers[0].networkInterfaces).toBeUndefined();
  });
});
