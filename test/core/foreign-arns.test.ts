import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';
import { rejection } from './rejection.js';

/**
 * An ARN names its account and Region, and a long service ARN its cluster. ECS refuses an ARN of another
 * account, Region or cluster with InvalidParameterException ("Invalid identifier: ..."), and never looks its
 * name up where the caller is, even when a resource of the same name is there.
 */
function accountWithService() {
  const sim = createSimulator({ accountId: '111111111111', region: 'us-east-1' });
  sim.createCluster({ clusterName: 'shop' });
  sim.control.addInstances({ cluster: 'shop', instanceType: 'm5.large', count: 1 });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', memory: 256 }] });
  sim.createService({ cluster: 'shop', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
  sim.control.runUntilSteady({ cluster: 'shop', service: 'web' });
  const [taskArn] = sim.listTasks({ cluster: 'shop' }).taskArns;
  return { sim, taskArn };
}

const OTHER_ACCOUNT = 'arn:aws:ecs:us-east-1:222222222222';
const OTHER_REGION = 'arn:aws:ecs:eu-west-1:111111111111';

describe('an ARN of another account, Region or cluster', () => {
  it('is refused for a cluster, naming both accounts, though the caller has a cluster of that name', () => {
    const { sim } = accountWithService();
    expect(rejection(() => sim.listServices({ cluster: `${OTHER_ACCOUNT}:cluster/shop` }))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Invalid identifier: Identifier is for 222222222222. Your accountId is 111111111111',
      field: 'cluster',
    });
    expect(rejection(() => sim.describeClusters({ clusters: [`${OTHER_REGION}:cluster/shop`] }))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Invalid identifier: Identifier is for eu-west-1. Your region is us-east-1',
    });
  });

  it('is refused for a service, a task and a container instance, in single calls and in Describe lists', () => {
    const { sim, taskArn } = accountWithService();
    const taskId = taskArn.split('/').pop();
    const [instanceArn] = sim.listContainerInstances({ cluster: 'shop' }).containerInstanceArns;
    const calls = [
      () => sim.updateService({ cluster: 'shop', service: `${OTHER_ACCOUNT}:service/shop/web`, desiredCount: 2 }),
      () => sim.describeServices({ cluster: 'shop', services: ['web', `${OTHER_REGION}:service/shop/web`] }),
      () => sim.stopTask({ cluster: 'shop', task: `${OTHER_ACCOUNT}:task/shop/${taskId}` }),
      () => sim.describeTasks({ cluster: 'shop', tasks: [`${OTHER_REGION}:task/shop/${taskId}`] }),
      () => sim.describeContainerInstances({ cluster: 'shop', containerInstances: [`${OTHER_ACCOUNT}:container-instance/shop/${instanceArn.split('/').pop()}`] }),
    ];
    for (const call of calls) expect(rejection(call).message).toMatch(/^Invalid identifier: Identifier is for /);
    // Nothing was changed or stopped by the refused calls.
    expect(sim.describeServices({ cluster: 'shop', services: ['web'] }).services[0]).toMatchObject({ desiredCount: 1, runningCount: 1 });
  });

  it('of another cluster is refused for a service, in ECS\'s words, though this cluster has a service of that name', () => {
    const { sim } = accountWithService();
    const otherCluster = 'arn:aws:ecs:us-east-1:111111111111:service/other/web';
    for (const call of [
      () => sim.updateService({ cluster: 'shop', service: otherCluster, desiredCount: 3 }),
      () => sim.describeServices({ cluster: 'shop', services: [otherCluster] }),
    ]) {
      expect(rejection(call)).toMatchObject({ name: 'InvalidParameterException', message: 'Invalid identifier: Identifier is for cluster other. Your cluster is shop' });
    }
    expect(sim.describeServices({ cluster: 'shop', services: ['arn:aws:ecs:us-east-1:111111111111:service/shop/web'] }).services[0].desiredCount).toBe(1);
  });

  it('of the caller\'s own account and Region resolves as a name does', () => {
    const { sim, taskArn } = accountWithService();
    expect(sim.describeClusters({ clusters: ['arn:aws:ecs:us-east-1:111111111111:cluster/shop'] }).clusters).toHaveLength(1);
    expect(sim.describeTasks({ cluster: 'arn:aws:ecs:us-east-1:111111111111:cluster/shop', tasks: [taskArn] }).tasks).toHaveLength(1);
  });
});
