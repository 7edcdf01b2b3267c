import { describe, expect, it } from 'vitest';
import { createSimulator, restoreSimulator } from '../../core/index.js';
import { rejection } from './rejection.js';

const INFRASTRUCTURE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices';
const EXECUTION = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';

/** A simulator whose execution role may pull and log, with nothing else in it. */
function simulator() {
  const sim = createSimulator({ seed: 5 });
  sim.iam.createRole({ RoleName: 'ecsTaskExecutionRole' });
  sim.iam.attachRolePolicy({ RoleName: 'ecsTaskExecutionRole', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' });
  const create = (request: object = {}) =>
    sim.createExpressGatewayService({ serviceName: 'web', infrastructureRoleArn: INFRASTRUCTURE, executionRoleArn: EXECUTION, primaryContainer: { image: 'web:1' }, ...request } as never).service;
  /** What exists in ECS, ELB, Application Auto Scaling and CloudWatch Logs. */
  const inventory = () => ({
    clusters: sim.listClusters().clusterArns.length,
    targetGroups: sim.elbv2.describeTargetGroups().TargetGroups.map((g) => g.TargetGroupName),
    loadBalancers: sim.elbv2.describeLoadBalancers().LoadBalancers.length,
    scalableTargets: sim.applicationAutoScaling.describeScalableTargets({ ServiceNamespace: 'ecs' }).ScalableTargets.length,
    logGroups: sim.logs.describeLogGroups().logGroups.map((g) => g.logGroupName),
    taskDefinitions: sim.listTaskDefinitions().taskDefinitionArns.length,
  });
  return { sim, create, inventory };
}

describe('CreateExpressGatewayService', () => {
  it('makes the default cluster, a Fargate service deploying by canary, its target groups behind a host-header rule on an HTTPS listener, scaling and a log group', () => {
    const { sim, create } = simulator();
    const service = create();
    expect(service).toMatchObject({ serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/default/web', status: { statusCode: 'ACTIVE' }, infrastructureRoleArn: INFRASTRUCTURE });
    const [cluster] = sim.describeClusters({ clusters: ['default'] }).clusters;
    expect(cluster.capacityProviders).toEqual(['FARGATE']);
    const [ecsService] = sim.describeServices({ services: ['web'] }).services;
    expect(ecsService).toMatchObject({ launchType: 'FARGATE', desiredCount: 1, taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1', resourceManagementType: 'ECS' });
    expect(ecsService.deploymentConfiguration).toMatchObject({
      strategy: 'CANARY',
      canaryConfiguration: { canaryPercent: 5, canaryBakeTimeInMinutes: 3 },
      bakeTimeInMinutes: 3,
      alarms: { alarmNames: ['ecs-express-default-web-errors'], enable: true, rollback: true },
    });
    const [balanced] = ecsService.loadBalancers;
    expect(balanced).toMatchObject({ containerName: 'Main', containerPort: 80, advancedConfiguration: { roleArn: INFRASTRUCTURE } });

    const [configuration] = service.activeConfigurations;
    const endpoint = configuration.ingressPaths[0].endpoint;
    expect(endpoint).toMatch(/^we-[0-9a-f]{32}\.ecs\.us-east-1\.on\.aws$/);
    const [rule] = sim.elbv2.describeRules({ RuleArns: [balanced.advancedConfiguration!.productionListenerRule] }).Rules;
    expect(rule.Conditions).toEqual([{ Field: 'host-header', Values: [endpoint], HostHeaderConfig: { Values: [endpoint] } }]);
    const [lb] = sim.elbv2.describeLoadBalancers().LoadBalancers;
    const [listener] = sim.elbv2.describeListeners({ LoadBalancerArn: lb.LoadBalancerArn }).Listeners;
    expect(listener).toMatchObject({ Port: 443, Protocol: 'HTTPS', DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }] });
    const groups = sim.elbv2.describeTargetGroups({ TargetGroupArns: [balanced.targetGroupArn, balanced.advancedConfiguration!.alternateTargetGroupArn] }).TargetGroups;
    expect(groups.map((g) => [g.TargetType, g.Port, g.HealthCheckPath])).toEqual([['ip', 80, '/ping'], ['ip', 80, '/ping']]);

    expect(sim.applicationAutoScaling.describeScalableTargets({ ServiceNamespace: 'ecs' }).ScalableTargets).toMatchObject([{ ResourceId: 'service/default/web', MinCapacity: 1, MaxCapacity: 20 }]);
    const [policy] = sim.applicationAutoScaling.describeScalingPolicies({ ServiceNamespace: 'ecs', ResourceId: 'service/default/web' }).ScalingPolicies;
    expect(policy).toMatchObject({ PolicyType: 'TargetTrackingScaling', TargetTrackingScalingPolicyConfiguration: { TargetValue: 60, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } } });
    expect(sim.logs.describeLogGroups().logGroups.map((g) => g.logGroupName)).toEqual(['/aws/ecs/default/web']);
  });

  it('scales on the request count of the target group production traffic is on', () => {
    const { sim, create } = simulator();
    create({ scalingTarget: { autoScalingMetric: 'REQUEST_COUNT_PER_TARGET', autoScalingTargetValue: 300 } });
    const [balanced] = sim.describeServices({ services: ['web'] }).services[0].loadBalancers;
    const [policy] = sim.applicationAutoScaling.describeScalingPolicies({ ServiceNamespace: 'ecs', ResourceId: 'service/default/web' }).ScalingPolicies;
    const spec = (policy.TargetTrackingScalingPolicyConfiguration as unknown as { PredefinedMetricSpecification: { PredefinedMetricType: string; ResourceLabel: string } }).PredefinedMetricSpecification;
    expect(spec.PredefinedMetricType).toBe('ALBRequestCountPerTarget');
    expect(spec.ResourceLabel).toMatch(/^app\/ecs-express-gateway-alb-[0-9a-f]{8}\/[0-9a-f]{16}\/targetgroup\//);
    expect(balanced.targetGroupArn.endsWith(spec.ResourceLabel.slice(spec.ResourceLabel.indexOf('targetgroup/')))).toBe(true);
  });

  it('uses a cluster it is given, and a task definition brought to it that has a container named Main', () => {
    const { sim, create } = simulator();
    sim.createCluster({ clusterName: 'shop' });
    sim.registerTaskDefinition({
      family: 'cart',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '512',
      memory: '1024',
      containerDefinitions: [{ name: 'Main', image: 'cart:3', portMappings: [{ containerPort: 8080 }] }],
    });
    const service = create({ cluster: 'shop', serviceName: undefined, primaryContainer: undefined, taskDefinitionArn: 'cart:1' });
    expect(service.serviceArn).toBe('arn:aws:ecs:us-east-1:123456789012:service/shop/cart');
    expect(service.activeConfigurations[0]).toMatchObject({ taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/cart:1', cpu: '512', memory: '1024' });
    expect(sim.describeServices({ cluster: 'shop', services: ['cart'] }).services[0].loadBalancers[0]).toMatchObject({ containerName: 'Main', containerPort: 8080 });
  });

  it('refuses a request it cannot carry out and makes nothing: another cluster that does not exist, a task size Fargate lacks, a task definition without Main, a name in use', () => {
    const { sim, create, inventory } = simulator();
    const empty = inventory();
    expect(rejection(() => create({ cluster: 'missing' }))).toMatchObject({ name: 'ClusterNotFoundException', field: 'cluster' });
    expect(rejection(() => create({ cpu: '256', memory: '8192' }))).toMatchObject({ name: 'ClientException', field: 'memory', message: 'No Fargate configuration exists for given values.' });
    expect(rejection(() => create({ executionRoleArn: undefined }))).toMatchObject({
      name: 'ClientException',
      message: 'Fargate requires task definition to have execution role ARN to support log driver awslogs.',
    });
    expect(rejection(() => create({ infrastructureRoleArn: 'ecsInfrastructureRole' }))).toMatchObject({ name: 'InvalidParameterException', field: 'infrastructureRoleArn' });
    sim.registerTaskDefinition({ family: 'worker', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image: 'worker:1' }] });
    expect(rejection(() => create({ primaryContainer: undefined, taskDefinitionArn: 'worker:1' }))).toMatchObject({ name: 'InvalidParameterException', field: 'taskDefinitionArn' });
    expect(inventory()).toEqual({ ...empty, taskDefinitions: 1 });
    create();
    const made = inventory();
    expect(rejection(() => create())).toMatchObject({ name: 'InvalidParameterException', message: 'Creation of service was not idempotent.' });
    expect(inventory()).toEqual(made);
  });

  it('is checked against the API model first: infrastructureRoleArn is required, autoScalingMetric is an enum', () => {
    const { create } = simulator();
    expect(rejection(() => create({ infrastructureRoleArn: undefined }))).toMatchObject({ name: 'InvalidParameterException', field: 'infrastructureRoleArn' });
    expect(rejection(() => create({ scalingTarget: { autoScalingMetric: 'P99_LATENCY' } }))).toMatchObject({ name: 'InvalidParameterException', field: 'scalingTarget.autoScalingMetric' });
  });

  it('lists the services ECS manages apart from the ones you made (ListServices resourceManagementType)', () => {
    const { sim, create } = simulator();
    create();
    sim.registerTaskDefinition({ family: 'batch', containerDefinitions: [{ name: 'batch', image: 'batch:1', memory: 128 }] });
    sim.createService({ serviceName: 'batch', taskDefinition: 'batch', desiredCount: 0 });
    const names = (resourceManagementType?: 'ECS' | 'CUSTOMER') => sim.listServices({ resourceManagementType }).serviceArns.map((arn) => arn.split('/').pop());
    expect([names('ECS'), names('CUSTOMER'), names()]).toEqual([['web'], ['batch'], ['web', 'batch']]);
    expect(sim.describeServices({ services: ['batch'] }).services[0]).not.toHaveProperty('resourceManagementType');
  });

  it('puts services on the same subnets on one load balancer, a rule each, and others on their own', () => {
    const { sim, create } = simulator();
    create();
    create({ serviceName: 'api' });
    create({ serviceName: 'admin', networkConfiguration: { subnets: ['subnet-private-a'] } });
    const lbs = sim.elbv2.describeLoadBalancers().LoadBalancers;
    expect(lbs).toHaveLength(2);
    const rules = sim.elbv2.describeRules({ ListenerArn: sim.elbv2.describeListeners({ LoadBalancerArn: lbs[0].LoadBalancerArn }).Listeners[0].ListenerArn }).Rules;
    expect(rules.map((r) => r.Priority)).toEqual(['1', '2', 'default']);
  });
});

describe('DescribeExpressGatewayService', () => {
  it('answers ResourceNotFoundException for a service it does not know, and shows tags only when asked', () => {
    const { sim, create } = simulator();
    expect(rejection(() => sim.describeExpressGatewayService({ serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/default/web' }))).toMatchObject({ name: 'ResourceNotFoundException' });
    const { serviceArn } = create({ tags: [{ key: 'team', value: 'shop' }] });
    expect(sim.describeExpressGatewayService({ serviceArn }).service).not.toHaveProperty('tags');
    expect(sim.describeExpressGatewayService({ serviceArn, include: ['TAGS'] }).service.tags).toEqual([{ key: 'team', value: 'shop' }]);
  });
});

describe('UpdateExpressGatewayService', () => {
  it('rolls a new deployment for a new image: both configurations are active during the canary, then only the new one', () => {
    const { sim, create } = simulator();
    const { serviceArn } = create();
    sim.control.runUntilSteady({ service: 'web' });
    const { service } = sim.updateExpressGatewayService({ serviceArn, primaryContainer: { image: 'web:2' } });
    expect(service.targetConfiguration).toMatchObject({ taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2', primaryContainer: { image: 'web:2', containerPort: 80 } });
    sim.control.advance(120);
    const during = sim.describeExpressGatewayService({ serviceArn }).service;
    expect(during.activeConfigurations.map((c) => c.taskDefinitionArn.split('/').pop())).toEqual(['web:2', 'web:1']);
    expect(sim.describeServiceDeployments({ serviceDeploymentArns: [during.currentDeployment!] }).serviceDeployments[0].lifecycleStage).toBe('PRODUCTION_TRAFFIC_SHIFT');
    sim.control.runUntilSteady({ service: 'web' });
    expect(sim.describeExpressGatewayService({ serviceArn }).service.activeConfigurations.map((c) => c.taskDefinitionArn.split('/').pop())).toEqual(['web:2']);
  });

  it('changes the scaling target and health check path in place, without a deployment, keeping the desired count within the new bounds', () => {
    const { sim, create } = simulator();
    const { serviceArn } = create();
    const deployments = () => sim.listServiceDeployments({ service: 'web' }).serviceDeployments.length;
    sim.updateExpressGatewayService({ serviceArn, healthCheckPath: '/health', scalingTarget: { minTaskCount: 3, maxTaskCount: 5 } });
    expect(deployments()).toBe(1);
    expect(sim.describeServices({ services: ['web'] }).services[0].desiredCount).toBe(3);
    expect(sim.applicationAutoScaling.describeScalableTargets({ ServiceNamespace: 'ecs' }).ScalableTargets[0]).toMatchObject({ MinCapacity: 3, MaxCapacity: 5 });
    expect(sim.elbv2.describeTargetGroups().TargetGroups.map((g) => g.HealthCheckPath)).toEqual(['/health', '/health']);
    sim.updateExpressGatewayService({ serviceArn, scalingTarget: { autoScalingMetric: 'AVERAGE_MEMORY' } });
    expect(sim.applicationAutoScaling.describeScalingPolicies({ ServiceNamespace: 'ecs' }).ScalingPolicies.map((p) => p.PolicyName)).toEqual(['ecs-express-average-memory']);
  });

  it('refuses what the simulator does not move, without changing anything: another container port', () => {
    const { sim, create } = simulator();
    const { serviceArn } = create();
    expect(rejection(() => sim.updateExpressGatewayService({ serviceArn, primaryContainer: { image: 'web:2', containerPort: 8080 } }))).toMatchObject({
      name: 'InvalidParameterException',
      field: 'primaryContainer.containerPort',
    });
    expect(sim.listTaskDefinitions().taskDefinitionArns).toHaveLength(1);
  });

  it('answers ServiceNotFoundException for an unknown service and ServiceNotActiveException for a deleted one', () => {
    const { sim, create } = simulator();
    expect(rejection(() => sim.updateExpressGatewayService({ serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/default/nope' }))).toMatchObject({ name: 'ServiceNotFoundException' });
    const { serviceArn } = create();
    sim.deleteExpressGatewayService({ serviceArn });
    expect(rejection(() => sim.updateExpressGatewayService({ serviceArn, scalingTarget: { maxTaskCount: 2 } }))).toMatchObject({ name: 'ServiceNotActiveException' });
    expect(rejection(() => sim.deleteExpressGatewayService({ serviceArn }))).toMatchObject({ name: 'ServiceNotActiveException' });
  });
});

describe('DeleteExpressGatewayService', () => {
  it('drains the service, then removes its rule, target groups, scaling and log group once its tasks have stopped; the shared load balancer stays', () => {
    const { sim, create, inventory } = simulator();
    const { serviceArn } = create();
    sim.control.runUntilSteady({ service: 'web' });
    const ruleArn = sim.describeServices({ services: ['web'] }).services[0].loadBalancers[0].advancedConfiguration!.productionListenerRule;
    expect(sim.deleteExpressGatewayService({ serviceArn }).service.status.statusCode).toBe('DRAINING');
    expect(inventory()).toMatchObject({ scalableTargets: 0, logGroups: ['/aws/ecs/default/web'] });
    expect(inventory().targetGroups).toHaveLength(2);
    sim.control.advance(400);
    expect(sim.describeExpressGatewayService({ serviceArn }).service).toMatchObject({ status: { statusCode: 'INACTIVE' }, activeConfigurations: [] });
    expect(sim.describeServices({ services: ['web'] }).services[0].status).toBe('INACTIVE');
    expect(inventory()).toMatchObject({ targetGroups: [], logGroups: [], loadBalancers: 1 });
    expect(rejection(() => sim.elbv2.describeRules({ RuleArns: [ruleArn] }))).toMatchObject({ name: 'RuleNotFoundException' });
  });

  it('keeps a log group it did not make', () => {
    const { sim, create } = simulator();
    sim.logs.createLogGroup({ logGroupName: '/shop/web' });
    const { serviceArn } = create({ primaryContainer: { image: 'web:1', awsLogsConfiguration: { logGroup: '/shop/web', logStreamPrefix: 'web' } } });
    sim.control.runUntilSteady({ service: 'web' });
    sim.deleteExpressGatewayService({ serviceArn });
    sim.control.advance(400);
    expect(sim.logs.describeLogGroups().logGroups.map((g) => g.logGroupName)).toEqual(['/shop/web']);
  });
});

describe('clients calling an Express endpoint', () => {
  it('reach the service through the shared load balancer by the endpoint’s host name; a host no rule names is refused', () => {
    const { sim, create } = simulator();
    const endpoint = create().activeConfigurations[0].ingressPaths[0].endpoint;
    sim.control.runUntilSteady({ service: 'web' });
    sim.control.startTraffic({ name: 'clients', url: `https://${endpoint}/`, requestsPerSecond: 20 });
    sim.control.advance(30);
    const seconds = sim.control.trafficHistory('clients');
    expect(seconds.reduce((sum, s) => sum + s.errors, 0)).toBe(0);
    expect(seconds.reduce((sum, s) => sum + s.requests, 0)).toBe(600);
    expect(sim.control.trafficClients()).toMatchObject([{ name: 'clients', url: `https://${endpoint}/` }]);
    expect(rejection(() => sim.control.startTraffic({ name: 'lost', url: 'https://nobody.ecs.us-east-1.on.aws/', requestsPerSecond: 1 }))).toMatchObject({ field: 'url' });
  });
});

describe('an Express service in a snapshot', () => {
  it('is made again, to the same answers, by replaying the calls that made and changed it', () => {
    const { sim, create } = simulator();
    const { serviceArn } = create();
    sim.control.runUntilSteady({ service: 'web' });
    sim.updateExpressGatewayService({ serviceArn, primaryContainer: { image: 'web:2' }, scalingTarget: { maxTaskCount: 4 } });
    sim.control.advance(90);
    const restored = restoreSimulator(JSON.parse(JSON.stringify(sim.control.snapshot())));
    expect(restored.describeExpressGatewayService({ serviceArn })).toEqual(sim.describeExpressGatewayService({ serviceArn }));
    expect(restored.elbv2.describeTargetGroups()).toEqual(sim.elbv2.describeTargetGroups());
  });
});
