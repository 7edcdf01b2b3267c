import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeContainerInstancesCommand,
  ListContainerInstancesCommand,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsService, cliPresent } from './aws-cli.js';
import { startTestServer, type TestServer } from './test-server.js';

let t: TestServer;
const { json: elbv2Json, error: elbv2Error } = awsService(() => t.server.url, 'elbv2');

describe.skipIf(!cliPresent)('aws elbv2 (AWS Query protocol) against ecs-lab serve', () => {
  let targetGroupArn: string;
  let loadBalancerArn: string;

  beforeAll(async () => {
    t = await startTestServer();
    ({ LoadBalancers: [{ LoadBalancerArn: loadBalancerArn }] } = await elbv2Json('create-load-balancer', '--name', 'web-alb', '--subnets', 'subnet-1', 'subnet-2'));
    ({ TargetGroups: [{ TargetGroupArn: targetGroupArn }] } = await elbv2Json(
      'create-target-group', '--name', 'web-tg', '--protocol', 'HTTP', '--port', '80', '--target-type', 'instance',
      '--health-check-interval-seconds', '10', '--healthy-threshold-count', '2', '--matcher', 'HttpCode=200-299',
    ));
    await elbv2Json('create-listener', '--load-balancer-arn', loadBalancerArn, '--port', '80', '--protocol', 'HTTP', '--default-actions', `Type=forward,TargetGroupArn=${targetGroupArn}`);
    await t.ecs.send(new CreateClusterCommand({ clusterName: 'demo' }));
    await t.sim('instances', { cluster: 'demo', instanceType: 'm5.large', count: 2 });
    await t.ecs.send(new RegisterTaskDefinitionCommand({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', memory: 256, portMappings: [{ containerPort: 80 }] }] }));
    await t.ecs.send(
      new CreateServiceCommand({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2, loadBalancers: [{ targetGroupArn, containerName: 'web', containerPort: 80 }] }),
    );
    await t.sim('run-until-steady', { cluster: 'demo', service: 'web' });
  }, 60_000);
  afterAll(() => t.close());

  it('creates a target group with the numbers and the matcher given on the command line', async () => {
    const { TargetGroups } = await elbv2Json('describe-target-groups', '--names', 'web-tg');
    expect(TargetGroups).toEqual([
      expect.objectContaining({ TargetGroupName: 'web-tg', Port: 80, HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2, Matcher: { HttpCode: '200-299' }, LoadBalancerArns: [loadBalancerArn] }),
    ]);
  });

  it("shows the service's running tasks as healthy targets, one per task", async () => {
    const { TargetHealthDescriptions } = await elbv2Json('describe-target-health', '--target-group-arn', targetGroupArn);
    const { containerInstanceArns } = await t.ecs.send(new ListContainerInstancesCommand({ cluster: 'demo' }));
    const { containerInstances = [] } = await t.ecs.send(new DescribeContainerInstancesCommand({ cluster: 'demo', containerInstances: containerInstanceArns }));
    const instanceIds = containerInstances.map((i) => i.ec2InstanceId);
    expect(TargetHealthDescriptions).toHaveLength(2);
    for (const description of TargetHealthDescriptions) {
      expect(description.TargetHealth.State).toBe('healthy');
      expect(instanceIds).toContain(description.Target.Id);
    }
  });

  it("lists a load balancer's target groups and listeners", async () => {
    const { TargetGroups } = await elbv2Json('describe-target-groups', '--load-balancer-arn', loadBalancerArn);
    expect(TargetGroups.map((g: { TargetGroupName: string }) => g.TargetGroupName)).toEqual(['web-tg']);
    const { Listeners } = await elbv2Json('describe-listeners', '--load-balancer-arn', loadBalancerArn);
    expect(Listeners).toEqual([expect.objectContaining({ Port: 80, LoadBalancerArn: loadBalancerArn })]);
  });

  it('answers an unknown target group with the TargetGroupNotFound code, as ELB does', async () => {
    const message = await elbv2Error('describe-target-health', '--target-group-arn', targetGroupArn.replace(/[0-9a-f]{16}$/, '0000000000000000'));
    expect(message).toContain('An error occurred (TargetGroupNotFound) when calling the DescribeTargetHealth operation: One or more target groups not found');
  });

  it("answers a request ELB would refuse with ValidationError and the rule, and creates nothing", async () => {
    const message = await elbv2Error('create-target-group', '--name', 'slow-tg', '--health-check-interval-seconds', '10', '--health-check-timeout-seconds', '10');
    expect(message).toContain('An error occurred (ValidationError) when calling the CreateTargetGroup operation: Health check timeout must be smaller than the interval.');
    expect(await elbv2Error('describe-target-groups', '--names', 'slow-tg')).toContain('(TargetGroupNotFound)');
  });

  it('describes load balancers by name, and all of them a page at a time with --page-size and --marker', async () => {
    const { LoadBalancers } = await elbv2Json('describe-load-balancers', '--names', 'web-alb');
    expect(LoadBalancers).toEqual([expect.objectContaining({ LoadBalancerArn: loadBalancerArn, LoadBalancerName: 'web-alb', Type: 'application', State: { Code: 'active' } })]);
    expect(LoadBalancers[0].DNSName).toMatch(/^web-alb-\d+\.us-east-1\.elb\.amazonaws\.com$/);
    await elbv2Json('create-load-balancer', '--name', 'api-alb', '--subnets', 'subnet-1', 'subnet-2');
    // The CLI does not page ELBv2 for you when --page-size is given: it shows NextMarker to pass back as --marker.
    const first = await elbv2Json('describe-load-balancers', '--page-size', '1');
    expect(first.LoadBalancers.map((lb: { LoadBalancerName: string }) => lb.LoadBalancerName)).toEqual(['web-alb']);
    const second = await elbv2Json('describe-load-balancers', '--page-size', '1', '--marker', first.NextMarker);
    expect(second.LoadBalancers.map((lb: { LoadBalancerName: string }) => lb.LoadBalancerName)).toEqual(['api-alb']);
    expect(second.NextMarker).toBeUndefined();
  });

  it('answers a load balancer that does not exist with the LoadBalancerNotFound code', async () => {
    const message = await elbv2Error('describe-load-balancers', '--names', 'web-alb', 'nope-alb');
    expect(message).toContain("An error occurred (LoadBalancerNotFound) when calling the DescribeLoadBalancers operation: Load balancers '[nope-alb]' not found");
  });

  it('describes the target group attributes modify-target-group-attributes set', async () => {
    await elbv2Json('modify-target-group-attributes', '--target-group-arn', targetGroupArn, '--attributes', 'Key=deregistration_delay.timeout_seconds,Value=45');
    const { Attributes } = await elbv2Json('describe-target-group-attributes', '--target-group-arn', targetGroupArn);
    expect(Attributes).toEqual(expect.arrayContaining([{ Key: 'deregistration_delay.timeout_seconds', Value: '45' }, { Key: 'slow_start.duration_seconds', Value: '0' }]));
  });

  it('creates, modifies, describes and deletes a weighted listener rule with the CLI', async () => {
    const { Listeners } = await elbv2Json('describe-listeners', '--load-balancer-arn', loadBalancerArn);
    const listenerArn = Listeners[0].ListenerArn;
    const { TargetGroups: [{ TargetGroupArn: green }] } = await elbv2Json('create-target-group', '--name', 'green-tg', '--protocol', 'HTTP', '--port', '80', '--target-type', 'instance');
    const forward = (blueWeight: number, greenWeight: number) =>
      JSON.stringify([{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: targetGroupArn, Weight: blueWeight }, { TargetGroupArn: green, Weight: greenWeight }] } }]);
    const { Rules: [created] } = await elbv2Json(
      'create-rule', '--listener-arn', listenerArn, '--priority', '10', '--actions', forward(100, 0),
      '--conditions', JSON.stringify([{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'x-test', Values: ['green'] } }]),
    );
    expect(created).toMatchObject({ Priority: '10', IsDefault: false });
    await elbv2Json('modify-rule', '--rule-arn', created.RuleArn, '--actions', forward(20, 80));
    const { Rules } = await elbv2Json('describe-rules', '--listener-arn', listenerArn);
    expect(Rules.map((r: { Priority: string }) => r.Priority)).toEqual(['10', 'default']);
    expect(Rules[0].Actions[0].ForwardConfig.TargetGroups).toEqual([{ TargetGroupArn: targetGroupArn, Weight: 20 }, { TargetGroupArn: green, Weight: 80 }]);
    expect(Rules[0].Conditions).toEqual([{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'x-test', Values: ['green'] } }]);
    expect(await elbv2Error('create-rule', '--listener-arn', listenerArn, '--priority', '10', '--actions', forward(1, 1), '--conditions', 'Field=path-pattern,Values=/x')).toContain('(PriorityInUse)');
    await elbv2Json('delete-rule', '--rule-arn', created.RuleArn);
    expect(await elbv2Error('describe-rules', '--rule-arns', created.RuleArn)).toContain('An error occurred (RuleNotFound) when calling the DescribeRules operation: One or more rules not found');
  });

  it('answers an operation it does not serve with InvalidAction and the list of those it does', async () => {
    const message = await elbv2Error('describe-ssl-policies');
    expect(message).toContain('An error occurred (InvalidAction) when calling the DescribeSSLPolicies operation');
    expect(message).toContain('DescribeTargetHealth');
  });
});
