import { CreateClusterCommand, CreateServiceCommand, DescribeServicesCommand, ListTasksCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsService, cliPresent } from './aws-cli.js';
import { rawCall, startTestServer, type TestServer } from './test-server.js';

let t: TestServer;
const { json: servicediscoveryJson, error: servicediscoveryError } = awsService(() => t.server.url, 'servicediscovery');

describe.skipIf(!cliPresent)('aws servicediscovery (AWS Cloud Map, JSON 1.1) against ecs-lab serve', () => {
  let namespaceId: string;
  let serviceId: string;
  let registryArn: string;

  beforeAll(async () => {
    t = await startTestServer();
    // CreatePrivateDnsNamespace answers an operation id only: the namespace's id is read from the list.
    await servicediscoveryJson('create-private-dns-namespace', '--name', 'demo.local', '--vpc', 'vpc-1');
    ({ Namespaces: [{ Id: namespaceId }] } = await servicediscoveryJson('list-namespaces'));
    const { Service } = await servicediscoveryJson('create-service', '--name', 'backend', '--namespace-id', namespaceId, '--dns-config', 'DnsRecords=[{Type=A,TTL=10}]');
    serviceId = Service.Id;
    registryArn = Service.Arn;
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

  it('DescribeServices gives back the service registry as CreateService got it, and no Service Connect configuration on the deployment', async () => {
    const { services = [] } = await t.ecs.send(new DescribeServicesCommand({ cluster: 'demo', services: ['backend'] }));
    expect(services[0].serviceRegistries).toEqual([{ registryArn }]);
    expect(services[0].deployments?.map((d) => d.serviceConnectConfiguration)).toEqual([undefined]);
  });

  it('answers a namespace that does not exist with NamespaceNotFound', async () => {
    const message = await servicediscoveryError('create-service', '--name', 'orphan', '--namespace-id', 'ns-0000000000000000', '--dns-config', 'DnsRecords=[{Type=A,TTL=10}]');
    expect(message).toContain('An error occurred (NamespaceNotFound) when calling the CreateService operation: Namespace ns-0000000000000000 not found.');
  });

  it('answers a malformed name with InvalidInput, the exception Cloud Map uses for bad input', async () => {
    const message = await servicediscoveryError('create-http-namespace', '--name', 'not a domain');
    expect(message).toContain('An error occurred (InvalidInput) when calling the CreateHttpNamespace operation: Name must be a domain name');
  });

  it('lists services with their instance counts, those of one namespace with a NAMESPACE_ID filter, a page at a time', async () => {
    await servicediscoveryJson('create-http-namespace', '--name', 'jobs.local');
    const { Namespaces } = await servicediscoveryJson('list-namespaces');
    const jobs = Namespaces.find((n: { Name: string }) => n.Name === 'jobs.local');
    await servicediscoveryJson('create-service', '--name', 'worker', '--namespace-id', jobs.Id);
    const all = await servicediscoveryJson('list-services');
    expect(all.Services).toEqual([
      expect.objectContaining({ Id: serviceId, Name: 'backend', InstanceCount: 2, DnsConfig: expect.objectContaining({ DnsRecords: [{ Type: 'A', TTL: 10 }] }) }),
      expect.objectContaining({ Name: 'worker', InstanceCount: 0 }),
    ]);
    const filtered = await servicediscoveryJson('list-services', '--filters', `Name=NAMESPACE_ID,Values=${jobs.Id},Condition=EQ`);
    expect(filtered.Services.map((s: { Name: string }) => s.Name)).toEqual(['worker']);
    const page = await servicediscoveryJson('list-services', '--no-paginate', '--max-results', '1');
    expect(page.Services.map((s: { Name: string }) => s.Name)).toEqual(['backend']);
    expect(page.NextToken).toEqual(expect.any(String));
  });

  it("lists the instances ECS registered for the service's tasks, each with its IP address", async () => {
    const { Instances } = await servicediscoveryJson('list-instances', '--service-id', serviceId);
    const { taskArns = [] } = await t.ecs.send(new ListTasksCommand({ cluster: 'demo', serviceName: 'backend' }));
    expect(Instances.map((i: { Id: string }) => i.Id).sort()).toEqual(taskArns.map((arn) => arn.split('/').pop()).sort());
    for (const instance of Instances) expect(instance.Attributes.AWS_INSTANCE_IPV4).toMatch(/^10\.\d+\.\d+\.\d+$/);
  });

  it('answers the instances of a service that does not exist with ServiceNotFound', async () => {
    const message = await servicediscoveryError('list-instances', '--service-id', 'srv-0000000000000000');
    expect(message).toContain('An error occurred (ServiceNotFound) when calling the ListInstances operation: Service not found: srv-0000000000000000');
  });

  it('gets a namespace by id, and answers one that does not exist with NamespaceNotFound', async () => {
    const { Namespace } = await servicediscoveryJson('get-namespace', '--id', namespaceId);
    expect(Namespace).toMatchObject({ Id: namespaceId, Name: 'demo.local', Type: 'DNS_PRIVATE', Arn: `arn:aws:servicediscovery:us-east-1:123456789012:namespace/${namespaceId}` });
    const message = await servicediscoveryError('get-namespace', '--id', 'ns-0000000000000000');
    expect(message).toContain('An error occurred (NamespaceNotFound) when calling the GetNamespace operation: Namespace not found: ns-0000000000000000');
  });

  it('answers an operation it does not serve with UnknownOperationException', async () => {
    const message = await servicediscoveryError('list-operations');
    expect(message).toContain('An error occurred (UnknownOperationException) when calling the ListOperations operation');
  });
});
