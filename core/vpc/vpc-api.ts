import type { SimContext } from '../kernel/context.js';
import { EcsError } from '../kernel/errors.js';
import { optionalBoolean, optionalEnum, requireObject, requireString } from '../kernel/fields.js';
import type { DefaultRoute, VpcEndpointRecord } from './vpc-state.js';

/**
 * The VPC calls a scenario makes: where a subnet's route table sends internet traffic, and CreateVpcEndpoint
 * in EC2's shape and with EC2's answers. ecs-lab does not serve the EC2 API itself, so these are simulation
 * controls; the endpoint request keeps EC2's field names so that it reads as the CLI call would.
 */

const DEFAULT_ROUTES = ['internet-gateway', 'nat-gateway', 'none'] as const satisfies readonly DefaultRoute[];

export interface ConfigureSubnetRequest {
  subnetId: string;
  /** Where the subnet's route table sends 0.0.0.0/0: an internet gateway (public), a NAT gateway, or nowhere. */
  defaultRoute: DefaultRoute;
}

export function configureSubnet(ctx: SimContext, input: ConfigureSubnetRequest): void {
  const request = requireObject(input, 'request');
  const subnetId = requireString(request.subnetId, 'subnetId');
  const route = optionalEnum(request.defaultRoute, 'defaultRoute', DEFAULT_ROUTES);
  if (!route) throw new EcsError('InvalidParameterException', `defaultRoute should be one of ${DEFAULT_ROUTES.join(', ')}.`, 'defaultRoute');
  ctx.state.vpc.subnets.set(subnetId, route);
}

/** The AWS services whose endpoints the simulator knows, by the types EC2 offers for each. */
const SERVICE_TYPES: Record<string, ReadonlyArray<VpcEndpointRecord['type']>> = {
  s3: ['Gateway', 'Interface'],
  dynamodb: ['Gateway', 'Interface'],
  ...Object.fromEntries(
    ['ecr.api', 'ecr.dkr', 'ecs', 'ecs-agent', 'ecs-telemetry', 'logs', 'monitoring', 'secretsmanager', 'ssm', 'ssmmessages', 'ec2messages', 'kms', 'sts', 'sqs', 'elasticloadbalancing'].map(
      (service) => [service, ['Interface'] as const],
    ),
  ),
};

export interface CreateVpcEndpointRequest {
  /** EC2's default is Gateway. */
  VpcEndpointType?: 'Interface' | 'Gateway';
  /** com.amazonaws.<region>.<service>. */
  ServiceName: string;
  VpcId?: string;
  SubnetIds?: string[];
  SecurityGroupIds?: string[];
  RouteTableIds?: string[];
  /** Interface endpoints only; EC2's default is true. */
  PrivateDnsEnabled?: boolean;
}

const FIELDS = ['VpcEndpointType', 'ServiceName', 'VpcId', 'SubnetIds', 'SecurityGroupIds', 'RouteTableIds', 'PrivateDnsEnabled'];

export function createVpcEndpoint(ctx: SimContext, input: CreateVpcEndpointRequest) {
  const request = requireObject(input, 'request');
  const unknown = Object.keys(request).find((field) => !FIELDS.includes(field));
  if (unknown) throw new EcsError('UnknownParameter', `The parameter ${unknown} is not recognized`, unknown);
  const serviceName = requireString(request.ServiceName, 'ServiceName');
  const type = optionalEnum(request.VpcEndpointType, 'VpcEndpointType', ['Interface', 'Gateway'] as const) ?? 'Gateway';
  const prefix = `com.amazonaws.${ctx.region}.`;
  const offered = serviceName.startsWith(prefix) ? SERVICE_TYPES[serviceName.slice(prefix.length)] : undefined;
  if (!offered) throw new EcsError('InvalidServiceName', `The Vpc Endpoint Service '${serviceName}' does not exist`, 'ServiceName');
  if (!offered.includes(type)) {
    throw new EcsError('InvalidParameter', `Endpoint type (${type}) does not match available service types ([${offered.join(', ')}]).`, 'VpcEndpointType');
  }
  if (type === 'Gateway' && request.SubnetIds !== undefined) {
    throw new EcsError('InvalidParameter', 'Subnet IDs are only supported for Interface and GatewayLoadBalancer type VPC Endpoints.', 'SubnetIds');
  }
  const privateDns = optionalBoolean(request.PrivateDnsEnabled, 'PrivateDnsEnabled');
  if (type === 'Gateway' && privateDns) throw new EcsError('InvalidParameter', 'PrivateDnsEnabled is only supported for Interface type VPC Endpoints.', 'PrivateDnsEnabled');
  const endpoint: VpcEndpointRecord = { id: `vpce-${ctx.random.hex(17)}`, type, serviceName, privateDnsEnabled: type === 'Interface' && privateDns !== false };
  ctx.state.vpc.endpoints.push(endpoint);
  return {
    VpcEndpoint: {
      VpcEndpointId: endpoint.id,
      VpcEndpointType: endpoint.type,
      ServiceName: endpoint.serviceName,
      State: 'available',
      PrivateDnsEnabled: endpoint.privateDnsEnabled,
    },
  };
}
