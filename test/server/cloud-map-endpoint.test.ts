import { CreateClusterCommand, CreateServiceCommand, ListTasksCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsError, awsJson, cliPresent } from './aws-cli.js';
import { rawCall, startTestServer, type TestServer } from './test-server.js';

let t: TestServer;
const servicediscoveryError = (...args: string[]) => awsError(t.server.url, ['servicediscovery', ...args]);
const servicediscoveryJson = (...args: string[]) => awsJson(t.server.url, ['servicediscovery', ...args]);

describe.skipIf(!cliPresent)('aws servicediscovery (AWS Cloud Map, JSON 1.1) against ecs-lab serve', () => {
  let namespaceId: string;

  beforeAll(async () => {
    t = await startTestServer();
    // CreatePrivateDnsNamespace answers an operation id only: the namespace's id is read from the list.
    await servicediscoveryJson('create-private-dns-namespace', '--name', 'demo.local', '--vpc', 'vpc-1');
    ({ Namespaces: [{ Id: namespaceId }] } = await servicediscoveryJson('list-namespaces'));
    const { Service } = await servicediscoveryJson('create-service', '--name', 'backend', '--namespace-id', namespaceId, '--dns-config', 'DnsRecords=[{Type=A,TTL=10}]');
    await t.ecs.send(new CreateClusterCommand({ clusterName: 'demo' }));
    await t.ecs.send(
      new RegisterTaskDefinitionCommand({ family: 'backend', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'backend', image: 'backend:1' }] }),
    );
    await t.ecs.send(
      new CreateServiceCommand({
        cluster: 'demo',
        serviceName: 'backend',
        taskDefinition: 'backend',
        desiredCount: 2,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b', 'subnet-1c2d'] } },
        serviceRegistries: [{ registryArn: Service.Arn }],
      }),
    );
    await t.sim('run-until-steady', { cluster: 'demo', service: 'backend' });
  }, 60_000);
  afterAll(() => t.close());

  it('lists the namespaces the CLI created, a page at a time with --max-items', async () => {
    await servicediscoveryJson('create-http-namespace', '--name', 'connect.local');
    const all = await servicediscoveryJson('list-namespaces');
    expect(all.Namespaces).toEqual([
      expect.objectContaining({ Id: namespaceId, Name: 'demo.local', Type: 'DNS_PRIVATE' }),
      expect.objectContaining({ Name: 'connect.local', Type: 'HTTP' }),
    ]);
    const first = await servicediscoveryJson('list-namespaces', '--max-items', '1', '--page-size', '1');
    expect(first.Namespaces.map((n: { Name: string }) => n.Name)).toEqual(['demo.local']);
    const rest = await servicediscoveryJson('list-namespaces', '--starting-token', first.NextToken, '--page-size', '1');
    expect(rest.Namespaces.map((n: { Name: string }) => n.Name)).toEqual(['connect.local']);
  });

  it("discovers the service's running tasks as healthy instances, one per task, each with its IP address", async () => {
    // The CLI sends DiscoverInstances to data-<endpoint host>, which a local address does not have: the
    // request is made here as an SDK with host prefixes turned off sends it.
    const answer = await rawCall(t.server, 'Route53AutoNaming_v20170314.DiscoverInstances', JSON.stringify({ NamespaceName: 'demo.local', ServiceName: 'backend' }));
    const { Instances } = answer.body as unknown as { Instances: Array<{ InstanceId: string; HealthStatus: string; Attributes: { AWS_INSTANCE_IPV4: string } }> };
    const { taskArns = [] } = await t.ecs.send(new ListTasksCommand({ cluster: 'demo', serviceName: 'backend' }));
    expect(answer.status).toBe(200);
    // Cloud Map names the instance ECS registers after the task id, the last part of the task ARN.
    expect(Instances.map((i) => i.InstanceId).sort()).toEqual(taskArns.map((arn) => arn.split('/').pop()).sort());
    expect(Instances.map((i) => i.HealthStatus)).toEqual(['HEALTHY', 'HEALTHY']);
    for (const instance of Instances) expect(instance.Attributes.AWS_INSTANCE_IPV4).toMatch(/^10\.\d+\.\d+\.\d+$/);
  });

  it('answers a namespace that does not exist with NamespaceNotFound', async () => {
    const message = await servicediscoveryError('create-service', '--name', 'orphan', '--namespace-id', 'ns-0000000000000000', '--dns-config', 'DnsRecords=[{Type=A,TTL=10}]');
    expect(message).toContain('An error occurred (NamespaceNotFound) when calling the CreateService operation: Namespace ns-0000000000000000 not found.');
  });

  it('answers a malformed name with InvalidInput, the exception Cloud Map uses for bad input', async () => {
    const message = await servicediscoveryError('create-http-namespace', '--name', 'not a domain');
    expect(message).toContain('An error occurred (InvalidInput) when calling the CreateHttpNamespace operation: Name must be a domain name');
  });

  it('answers an operation it does not serve with UnknownOperationException', async () => {
    const message = await servicediscoveryError('list-services');
    expect(message).toContain('An error occurred (UnknownOperationException) when calling the ListServices operation');
  });
});
