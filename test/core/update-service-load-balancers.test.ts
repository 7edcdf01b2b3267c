import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';
import { rejection } from './rejection.js';
import { albWithRules } from './alb-with-rules.js';

const ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructure';

/** web (2 tasks of web:1, ROLLING, or CODE_DEPLOY) in target group "old" of web-alb; "new" ready beside it; web:2 registered. */
function rollingWeb(options: { controller?: 'ECS' | 'CODE_DEPLOY' } = {}) {
  const sim = createSimulator({ seed: 9 });
  sim.createCluster({ clusterName: 'default' });
  sim.control.addInstances({ instanceType: 'm5.large', count: 4 });
  const register = (image: string) =>
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image, cpu: 256, memory: 512, portMappings: [{ containerPort: 80 }] }] });
  register('web:1');
  // The test rule forwards to "new" too, so that it sits behind the load balancer from the start.
  const { firstGroup: oldGroup, secondGroup: newGroup, testRule, productionRule } = albWithRules(sim, 'old', 'new');
  sim.createService({
    serviceName: 'web',
    taskDefinition: 'web:1',
    desiredCount: 2,
    loadBalancers: [{ targetGroupArn: oldGroup, containerName: 'web', containerPort: 80 }],
    ...(options.controller ? { deploymentController: { type: options.controller } } : {}),
  });
  sim.control.runUntilSteady({ service: 'web' });
  register('web:2');
  const targets = (arn: string) => sim.elbv2.describeTargetHealth({ TargetGroupArn: arn }).TargetHealthDescriptions.map((d) => d.TargetHealth.State);
  const weights = (arn: string) => sim.elbv2.describeRules({ RuleArns: [arn] }).Rules[0].Actions[0].ForwardConfig!.TargetGroups.map((g) => g.Weight);
  const service = () => sim.describeServices({ services: ['web'] }).services[0];
  const advancedConfiguration = { alternateTargetGroupArn: newGroup, productionListenerRule: productionRule, testListenerRule: testRule, roleArn: ROLE };
  return { sim, oldGroup, newGroup, productionRule, testRule, targets, weights, service, advancedConfiguration };
}

describe('UpdateService loadBalancers', () => {
  it('switches a ROLLING service to BLUE_GREEN when the same call brings advancedConfiguration, and the deployment shifts production traffic', () => {
    const { sim, oldGroup, newGroup, productionRule, weights, targets, service, advancedConfiguration } = rollingWeb();
    sim.updateService({
      service: 'web',
      taskDefinition: 'web:2',
      deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 },
      loadBalancers: [{ targetGroupArn: oldGroup, containerName: 'web', containerPort: 80, advancedConfiguration }],
    });
    expect(service().loadBalancers).toEqual([{ targetGroupArn: oldGroup, containerName: 'web', containerPort: 80, advancedConfiguration }]);
    sim.control.runUntil(() => weights(productionRule)[1] === 1, 900);
    // Green runs beside blue in the alternate target group when production moves to it.
    expect(targets(newGroup)).toEqual(['healthy', 'healthy']);
    expect(targets(oldGroup)).toHaveLength(2);
    sim.control.runUntilSteady({ service: 'web' });
    sim.control.advance(600);
    expect(weights(productionRule)).toEqual([0, 1]);
    expect(targets(oldGroup)).toEqual([]);
    const [latest] = sim.listServiceDeployments({ service: 'web' }).serviceDeployments;
    expect(sim.describeServiceDeployments({ serviceDeploymentArns: [latest.serviceDeploymentArn] }).serviceDeployments[0]).toMatchObject({ status: 'SUCCESSFUL' });
  });

  it('moves a rolling service to another target group: new tasks register there, old ones stay in the old one until they stop', () => {
    const { sim, oldGroup, newGroup, targets, service } = rollingWeb();
    const oldTasks = sim.listTasks({ serviceName: 'web' }).taskArns;
    sim.updateService({ service: 'web', loadBalancers: [{ targetGroupArn: newGroup, containerName: 'web', containerPort: 80 }] });
    expect(service().deployments).toHaveLength(2);
    sim.control.runUntil(() => targets(newGroup).length === 1, 600);
    expect(targets(oldGroup)).toEqual(['healthy', 'healthy']);
    sim.control.runUntilSteady({ service: 'web' });
    sim.control.advance(600);
    expect(targets(newGroup)).toEqual(['healthy', 'healthy']);
    expect(targets(oldGroup)).toEqual([]);
    const running = sim.listTasks({ serviceName: 'web' }).taskArns;
    expect(running.filter((arn) => oldTasks.includes(arn))).toEqual([]);
    expect(service().loadBalancers).toEqual([{ targetGroupArn: newGroup, containerName: 'web', containerPort: 80 }]);
  });

  it('removes the load balancers with an empty list: new tasks register nowhere, the old target group empties', () => {
    const { sim, oldGroup, newGroup, targets, service } = rollingWeb();
    sim.updateService({ service: 'web', loadBalancers: [] });
    sim.control.runUntilSteady({ service: 'web' });
    sim.control.advance(600);
    expect(targets(oldGroup)).toEqual([]);
    expect(targets(newGroup)).toEqual([]);
    expect(service()).toMatchObject({ loadBalancers: [], runningCount: 2 });
  });

  it('refuses a CODE_DEPLOY service with ECS words, and leaves it unchanged', () => {
    const { sim, newGroup, service } = rollingWeb({ controller: 'CODE_DEPLOY' });
    const before = service();
    const refused = rejection(() =>
      sim.updateService({ service: 'web', desiredCount: 3, loadBalancers: [{ targetGroupArn: newGroup, containerName: 'web', containerPort: 80 }] }),
    );
    expect(refused).toEqual({
      name: 'InvalidParameterException',
      field: 'loadBalancers',
      message: 'Unable to update load balancers on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.',
    });
    expect(service()).toEqual(before);
  });

  it('refuses a container or port the deployed task definition lacks, and leaves the service unchanged', () => {
    const { sim, newGroup, service } = rollingWeb();
    const before = service();
    const noContainer = rejection(() => sim.updateService({ service: 'web', desiredCount: 3, loadBalancers: [{ targetGroupArn: newGroup, containerName: 'api', containerPort: 80 }] }));
    expect(noContainer).toMatchObject({ name: 'InvalidParameterException', message: 'The container api does not exist in the task definition.' });
    const noPort = rejection(() =>
      sim.updateService({ service: 'web', taskDefinition: 'web:2', loadBalancers: [{ targetGroupArn: newGroup, containerName: 'web', containerPort: 8080 }] }),
    );
    expect(noPort).toMatchObject({ name: 'InvalidParameterException', message: 'The container web did not have a container port 8080 defined.' });
    expect(service()).toEqual(before);
  });

  it('still needs advancedConfiguration on every load balancer to switch to BLUE_GREEN', () => {
    const { sim, oldGroup, service } = rollingWeb();
    const before = service();
    const refused = rejection(() =>
      sim.updateService({
        service: 'web',
        deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 },
        loadBalancers: [{ targetGroupArn: oldGroup, containerName: 'web', containerPort: 80 }],
      }),
    );
    expect(refused).toMatchObject({ name: 'InvalidParameterException', field: 'loadBalancers[0].advancedConfiguration' });
    expect(service()).toEqual(before);
  });
});

describe('UpdateService serviceRegistries and serviceConnectConfiguration', () => {
  /** api (2 tasks, awsvpc) registered in Cloud Map service "a" of demo.local; "b" and the namespace "mesh" ready. */
  function discoveredApi() {
    const sim = createSimulator({ seed: 11 });
    sim.createCluster({ clusterName: 'default' });
    sim.control.addInstances({ instanceType: 'm5.large', count: 2 });
    sim.registerTaskDefinition({
      family: 'api',
      networkMode: 'awsvpc',
      containerDefinitions: [{ name: 'api', image: 'api:1', cpu: 256, memory: 512, portMappings: [{ containerPort: 8080, name: 'http' }] }],
    });
    const { NamespaceId } = sim.serviceDiscovery.createPrivateDnsNamespace({ Name: 'demo.local', Vpc: 'vpc-1' });
    const registry = (Name: string) => sim.serviceDiscovery.createService({ Name, NamespaceId, DnsConfig: { DnsRecords: [{ Type: 'A', TTL: 10 }] } }).Service;
    const a = registry('a');
    const b = registry('b');
    sim.serviceDiscovery.createHttpNamespace({ Name: 'mesh' });
    sim.createService({
      serviceName: 'api',
      taskDefinition: 'api',
      desiredCount: 2,
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
      serviceRegistries: [{ registryArn: a.Arn }],
    });
    sim.control.runUntilSteady({ service: 'api' });
    const instances = (id: string) => sim.serviceDiscovery.listInstances({ ServiceId: id }).Instances.map((i) => i.Id).sort();
    const taskIds = () => sim.listTasks({ serviceName: 'api' }).taskArns.map((arn) => arn.split('/').pop()!).sort();
    return { sim, a, b, instances, taskIds };
  }

  it('registers new tasks in the new Cloud Map service; old tasks leave the old one as they stop', () => {
    const { sim, a, b, instances, taskIds } = discoveredApi();
    const oldTasks = taskIds();
    expect(instances(a.Id)).toEqual(oldTasks);
    sim.updateService({ service: 'api', serviceRegistries: [{ registryArn: b.Arn }] });
    sim.control.runUntil(() => instances(b.Id).length === 1, 600);
    expect(instances(a.Id)).toEqual(oldTasks);
    sim.control.runUntilSteady({ service: 'api' });
    expect(instances(a.Id)).toEqual([]);
    expect(instances(b.Id)).toEqual(taskIds());
    expect(taskIds().filter((id) => oldTasks.includes(id))).toEqual([]);
  });

  it('joins a Service Connect namespace with a new deployment', () => {
    const { sim } = discoveredApi();
    sim.updateService({ service: 'api', serviceConnectConfiguration: { enabled: true, namespace: 'mesh', services: [{ portName: 'http' }] } });
    expect(sim.describeServices({ services: ['api'] }).services[0].deployments).toHaveLength(2);
    expect(sim.listServicesByNamespace({ namespace: 'mesh' }).serviceArns).toHaveLength(1);
  });

  it('refuses service registries on a service whose deployments CodeDeploy runs', () => {
    const { sim, oldGroup } = rollingWeb({ controller: 'CODE_DEPLOY' });
    const refused = rejection(() => sim.updateService({ service: 'web', serviceRegistries: [] }));
    expect(refused).toMatchObject({ name: 'InvalidParameterException', field: 'serviceRegistries' });
    expect(sim.describeServices({ services: ['web'] }).services[0].loadBalancers[0].targetGroupArn).toBe(oldGroup);
  });
});
