import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';
import { rejection } from './rejection.js';
import { albWithRules } from './alb-with-rules.js';
import { discoveryReadySimulator } from './discovery-ready-simulator.js';

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
  return { sim, register, oldGroup, newGroup, productionRule, testRule, targets, weights, service, advancedConfiguration };
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

/** api (2 tasks, awsvpc) registered in Cloud Map service "a" of demo.local; "b" and the namespace "mesh" ready. */
function discoveredApi() {
  const { sim, a, b } = discoveryReadySimulator();
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

describe('UpdateService serviceRegistries and serviceConnectConfiguration', () => {
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

describe('a rollback returns the service to the last successful revision, its routing included', () => {
  const revisionOf = (sim: ReturnType<typeof createSimulator>, service: string) => {
    const [failed, previous] = sim.listServiceDeployments({ service }).serviceDeployments;
    const detail = sim.describeServiceDeployments({ serviceDeploymentArns: [failed.serviceDeploymentArn] }).serviceDeployments[0];
    return { failed, previous, detail };
  };

  it('circuit breaker: the service is back on the old target group and task definition; the new group holds no target', () => {
    const { sim, register, oldGroup, newGroup, targets, service } = rollingWeb();
    register('web:broken');
    sim.control.registerImage('web:broken', { pullError: 'CannotPullContainerError: not found' });
    sim.updateService({ service: 'web', deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } });
    sim.control.runUntilSteady({ service: 'web' });
    sim.updateService({ service: 'web', taskDefinition: 'web:3', loadBalancers: [{ targetGroupArn: newGroup, containerName: 'web', containerPort: 80 }] });
    expect(service().loadBalancers[0].targetGroupArn).toBe(newGroup);
    expect(sim.control.runUntil(() => revisionOf(sim, 'web').failed.status === 'ROLLBACK_SUCCESSFUL', 3600)).toBe(true);
    sim.control.advance(600);
    expect(service()).toMatchObject({
      taskDefinition: expect.stringMatching(/task-definition\/web:1$/),
      loadBalancers: [{ targetGroupArn: oldGroup, containerName: 'web', containerPort: 80 }],
      runningCount: 2,
    });
    expect(targets(oldGroup)).toEqual(['healthy', 'healthy']);
    expect(targets(newGroup)).toEqual([]);
    // No new revision: the rollback names the revision it went back to, which still holds the old target group.
    const { previous, detail } = revisionOf(sim, 'web');
    expect(detail.rollback?.serviceRevisionArn).toBe(previous.targetServiceRevisionArn);
    const [revision] = sim.describeServiceRevisions({ serviceRevisionArns: [previous.targetServiceRevisionArn!] }).serviceRevisions;
    expect(revision.loadBalancers).toEqual([{ targetGroupArn: oldGroup, containerName: 'web', containerPort: 80 }]);
  });

  it('a second rollback returns to the same revision, not to a new one named after the first rollback', () => {
    const { sim, register, oldGroup, newGroup, service } = rollingWeb();
    register('web:broken');
    sim.control.registerImage('web:broken', { pullError: 'CannotPullContainerError: not found' });
    sim.updateService({ service: 'web', deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } });
    sim.control.runUntilSteady({ service: 'web' });
    const [created] = sim.listServiceDeployments({ service: 'web' }).serviceDeployments;
    for (let attempt = 0; attempt < 2; attempt++) {
      sim.updateService({ service: 'web', taskDefinition: 'web:3', loadBalancers: [{ targetGroupArn: newGroup, containerName: 'web', containerPort: 80 }] });
      expect(sim.control.runUntil(() => revisionOf(sim, 'web').failed.status === 'ROLLBACK_SUCCESSFUL', 3600)).toBe(true);
      expect(revisionOf(sim, 'web').detail.rollback?.serviceRevisionArn).toBe(created.targetServiceRevisionArn);
    }
    const { serviceRevisions, failures } = sim.describeServiceRevisions({ serviceRevisionArns: [created.targetServiceRevisionArn!] });
    expect(failures).toEqual([]);
    expect(serviceRevisions[0].loadBalancers).toEqual([{ targetGroupArn: oldGroup, containerName: 'web', containerPort: 80 }]);
    expect(service().loadBalancers).toEqual([{ targetGroupArn: oldGroup, containerName: 'web', containerPort: 80 }]);
  });

  it("alarm: the failed deployment's tasks leave the new target group as they stop, the rollback's register in the old one", () => {
    const { sim, oldGroup, newGroup, targets, service } = rollingWeb();
    sim.updateService({ service: 'web', deploymentConfiguration: { alarms: { alarmNames: ['web-5xx'], enable: true, rollback: true } } });
    sim.control.runUntilSteady({ service: 'web' });
    sim.updateService({ service: 'web', taskDefinition: 'web:2', loadBalancers: [{ targetGroupArn: newGroup, containerName: 'web', containerPort: 80 }] });
    expect(sim.control.runUntil(() => targets(newGroup).includes('healthy'), 900)).toBe(true);
    sim.control.setAlarmState({ alarmName: 'web-5xx', state: 'ALARM' });
    sim.control.advance(1);
    expect(service().loadBalancers).toEqual([{ targetGroupArn: oldGroup, containerName: 'web', containerPort: 80 }]);
    expect(sim.control.runUntilSteady({ service: 'web' })).toBe(true);
    sim.control.advance(600);
    expect(targets(newGroup)).toEqual([]);
    expect(targets(oldGroup)).toEqual(['healthy', 'healthy']);
    expect(service().taskDefinition).toMatch(/task-definition\/web:1$/);
  });

  it('PAUSE hook answered ROLLBACK (BLUE_GREEN): production goes back to blue, and the service to its container port and task definition', () => {
    const { sim, oldGroup, newGroup, productionRule, service, advancedConfiguration } = rollingWeb();
    // Production's weight on each target group (ECS rewrites the rule blue first, whichever group blue is in).
    const weights = () => {
      const groups = sim.elbv2.describeRules({ RuleArns: [productionRule] }).Rules[0].Actions[0].ForwardConfig!.TargetGroups;
      return [oldGroup, newGroup].map((arn) => groups.find((g) => g.TargetGroupArn === arn)?.Weight);
    };
    const onPort = (containerPort: number) => [{ targetGroupArn: oldGroup, containerName: 'web', containerPort, advancedConfiguration }];
    sim.updateService({ service: 'web', deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0 }, loadBalancers: onPort(80) });
    sim.control.runUntilSteady({ service: 'web' });
    sim.control.advance(600);
    const blueWeights = weights();
    expect(blueWeights).toEqual([0, 1]);
    const blueDefinition = service().taskDefinition;
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:3', cpu: 256, memory: 512, portMappings: [{ containerPort: 80 }, { containerPort: 8080 }] }] });
    const pause = { targetType: 'PAUSE' as const, lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT' as const], timeoutConfiguration: { timeoutInMinutes: 1440, action: 'CONTINUE' as const } };
    sim.updateService({ service: 'web', taskDefinition: 'web:3', deploymentConfiguration: { lifecycleHooks: [pause] }, loadBalancers: onPort(8080) });
    expect(service().loadBalancers[0].containerPort).toBe(8080);
    const green = service().deployments[0].id;
    const hookId = `${green.slice('ecs-svc/'.length)}-POST_TEST_TRAFFIC_SHIFT-0`;
    const [update] = sim.listServiceDeployments({ service: 'web' }).serviceDeployments;
    const awaiting = () => sim.describeServiceDeployments({ serviceDeploymentArns: [update.serviceDeploymentArn] }).serviceDeployments[0].lifecycleStage === 'POST_TEST_TRAFFIC_SHIFT';
    expect(sim.control.runUntil(awaiting, 900)).toBe(true);
    sim.continueServiceDeployment({ serviceDeploymentArn: update.serviceDeploymentArn, hookId, action: 'ROLLBACK' });
    expect(sim.control.runUntilSteady({ service: 'web' })).toBe(true);
    expect(service()).toMatchObject({ taskDefinition: blueDefinition, loadBalancers: onPort(80) });
    expect(weights()).toEqual(blueWeights);
    const { detail } = revisionOf(sim, 'web');
    expect(detail.status).toMatch(/^ROLLBACK_/);
  });

  it('StopServiceDeployment ROLLBACK: new tasks register in the old Cloud Map service again and the service leaves the Service Connect namespace', () => {
    const { sim, a, b, instances, taskIds } = discoveredApi();
    sim.updateService({
      service: 'api',
      serviceRegistries: [{ registryArn: b.Arn }],
      serviceConnectConfiguration: { enabled: true, namespace: 'mesh', services: [{ portName: 'http' }] },
    });
    expect(sim.control.runUntil(() => instances(b.Id).length === 1, 600)).toBe(true);
    const [update] = sim.listServiceDeployments({ service: 'api' }).serviceDeployments;
    sim.stopServiceDeployment({ serviceDeploymentArn: update.serviceDeploymentArn, stopType: 'ROLLBACK' });
    expect(sim.listServicesByNamespace({ namespace: 'mesh' }).serviceArns).toEqual([]);
    expect(sim.control.runUntilSteady({ service: 'api' })).toBe(true);
    sim.control.advance(600);
    expect(instances(b.Id)).toEqual([]);
    expect(instances(a.Id)).toEqual(taskIds());
    expect(taskIds()).toHaveLength(2);
  });
});
