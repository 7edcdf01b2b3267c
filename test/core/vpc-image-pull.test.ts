import { describe, expect, it } from 'vitest';
import { createSimulator, EcsError } from '../../core/index.js';
import { pullBlocked, registryHost, type PullPath } from '../../core/vpc/registry-route.js';
import type { VpcEndpointRecord } from '../../core/vpc/vpc-state.js';

const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1';
const endpoint = (service: string, type: VpcEndpointRecord['type'], privateDnsEnabled = type === 'Interface'): VpcEndpointRecord => ({
  id: `vpce-${service}`,
  type,
  serviceName: `com.amazonaws.us-east-1.${service}`,
  privateDnsEnabled,
});
const ECR_ENDPOINTS = [endpoint('ecr.api', 'Interface'), endpoint('ecr.dkr', 'Interface'), endpoint('s3', 'Gateway')];
const privateSubnet = (endpoints: VpcEndpointRecord[] = []): PullPath => ({ defaultRoute: 'none', assignPublicIp: 'DISABLED', endpoints, region: 'us-east-1' });

describe('the route from a task\'s subnet to its registry', () => {
  it('names the registry of an image: ECR\'s host, another registry\'s, or Docker Hub for a bare name', () => {
    expect(registryHost(ECR)).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com');
    expect(registryHost('ghcr.io/acme/api:1')).toBe('ghcr.io');
    expect(registryHost('nginx:1.27')).toBe('registry-1.docker.io');
    expect(registryHost('bitnami/redis')).toBe('registry-1.docker.io');
  });

  it('reaches any registry through a NAT gateway, or an internet gateway with a public IP only', () => {
    expect(pullBlocked('nginx', { ...privateSubnet(), defaultRoute: 'nat-gateway' })).toBeUndefined();
    expect(pullBlocked('nginx', { ...privateSubnet(), defaultRoute: 'internet-gateway', assignPublicIp: 'ENABLED' })).toBeUndefined();
    expect(pullBlocked('nginx', { ...privateSubnet(), defaultRoute: 'internet-gateway' })).toEqual({ leg: 'registry', host: 'registry-1.docker.io' });
    // A public IP is no use without a route to an internet gateway.
    expect(pullBlocked(ECR, { ...privateSubnet(), assignPublicIp: 'ENABLED' })?.leg).toBe('registry');
  });

  it('reaches ECR of its own Region with no internet through ecr.api, ecr.dkr (private DNS) and the S3 gateway endpoint', () => {
    expect(pullBlocked(ECR, privateSubnet(ECR_ENDPOINTS))).toBeUndefined();
    expect(pullBlocked(ECR, privateSubnet(ECR_ENDPOINTS.slice(1)))).toEqual({ leg: 'registry', host: '123456789012.dkr.ecr.us-east-1.amazonaws.com' });
    expect(pullBlocked(ECR, privateSubnet([endpoint('ecr.api', 'Interface'), endpoint('ecr.dkr', 'Interface', false), endpoint('s3', 'Gateway')]))?.leg).toBe('registry');
    expect(pullBlocked(ECR, privateSubnet(ECR_ENDPOINTS.slice(0, 2)))).toEqual({ leg: 'layers', host: 'prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com' });
    // The layers come from S3 through the gateway endpoint; an S3 interface endpoint is not what ECR documents.
    expect(pullBlocked(ECR, privateSubnet([...ECR_ENDPOINTS.slice(0, 2), endpoint('s3', 'Interface')]))?.leg).toBe('layers');
  });

  it('needs the internet for Docker Hub and for ECR in another Region, whatever the endpoints', () => {
    expect(pullBlocked('nginx', privateSubnet(ECR_ENDPOINTS))?.leg).toBe('registry');
    expect(pullBlocked('123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1', privateSubnet(ECR_ENDPOINTS))?.leg).toBe('registry');
  });
});

describe('CreateVpcEndpoint as the simulator answers it', () => {
  const refusal = (request: object) => {
    try {
      createSimulator().control.createVpcEndpoint(request as never);
    } catch (error) {
      return error instanceof EcsError ? `${error.name}: ${error.message}` : String(error);
    }
    return 'accepted';
  };

  it('answers with the endpoint, private DNS on by default for an interface endpoint', () => {
    const { VpcEndpoint } = createSimulator().control.createVpcEndpoint({ VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.us-east-1.ecr.dkr' });
    expect(VpcEndpoint).toMatchObject({ VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.us-east-1.ecr.dkr', State: 'available', PrivateDnsEnabled: true });
    expect(VpcEndpoint.VpcEndpointId).toMatch(/^vpce-[0-9a-f]{17}$/);
  });

  it('refuses an unknown service, a type the service does not offer (Gateway is EC2\'s default), and unknown fields, in EC2\'s words', () => {
    expect(refusal({ VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.us-east-1.ecr.dkrr' })).toBe("InvalidServiceName: The Vpc Endpoint Service 'com.amazonaws.us-east-1.ecr.dkrr' does not exist");
    expect(refusal({ ServiceName: 'com.amazonaws.us-east-1.ecr.api' })).toBe('InvalidParameter: Endpoint type (Gateway) does not match available service types ([Interface]).');
    expect(refusal({ VpcEndpointType: 'Gateway', ServiceName: 'com.amazonaws.us-east-1.s3', SubnetIds: ['subnet-a'] })).toBe(
      'InvalidParameter: Subnet IDs are only supported for Interface and GatewayLoadBalancer type VPC Endpoints.',
    );
    expect(refusal({ VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.us-east-1.ecr.api', PrivateDns: true })).toBe('UnknownParameter: The parameter PrivateDns is not recognized');
  });
});

describe('a Fargate task in a configured subnet', () => {
  function launch(image: string, setUp: (sim: ReturnType<typeof createSimulator>) => void, launchType: 'FARGATE' | 'EC2' = 'FARGATE') {
    const sim = createSimulator();
    sim.createCluster({ clusterName: 'default' });
    sim.control.addInstances({ instanceType: 'm5.large', count: 1 });
    sim.control.configureSubnet({ subnetId: 'subnet-private-a', defaultRoute: 'none' });
    setUp(sim);
    sim.iam.createRole({ RoleName: 'exec' });
    sim.iam.attachRolePolicy({ RoleName: 'exec', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' });
    sim.registerTaskDefinition({
      family: 'api',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE', 'EC2'],
      cpu: '256',
      memory: '512',
      executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
      containerDefinitions: [{ name: 'api', image }],
    });
    const { tasks } = sim.runTask({ taskDefinition: 'api', launchType, networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-private-a'] } } });
    sim.control.advance(120);
    return sim.describeTasks({ tasks: [tasks[0].taskArn] }).tasks[0];
  }

  it('stops before its containers start when the subnet has no way to the registry, as AWS documents', () => {
    const task = launch(ECR, () => {});
    expect(task).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'TaskFailedToStart' });
    expect(task.stoppedReason).toBe('CannotPullContainerError: API error (500): Get https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/: net/http: request canceled while waiting for connection');
  });

  it('runs once the three endpoints are there', () => {
    const task = launch(ECR, (sim) => {
      sim.control.createVpcEndpoint({ VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.us-east-1.ecr.api' });
      sim.control.createVpcEndpoint({ VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.us-east-1.ecr.dkr' });
      sim.control.createVpcEndpoint({ VpcEndpointType: 'Gateway', ServiceName: 'com.amazonaws.us-east-1.s3' });
    });
    expect(task.lastStatus).toBe('RUNNING');
  });

  it('is left alone on EC2, where the instance pulls the image through its own network', () => {
    expect(launch(ECR, () => {}, 'EC2').lastStatus).toBe('RUNNING');
  });
});
