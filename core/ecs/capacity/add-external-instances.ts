import { resolveCluster } from '../model/resolve.js';
import type { SimContext } from '../../kernel/context.js';
import { optionalInteger, optionalString, rejectUnknownFields, requireObject } from '../../kernel/fields.js';
import { invalidParameter } from '../../kernel/errors.js';
import { checkInstanceLimit, customAttributes, registerInstances } from './add-instances.js';

export interface AddExternalInstancesRequest {
  cluster?: string;
  count?: number;
  /** The server's size: vCPUs and memory the agent registers (all of it: no AMI reserve on your own hardware). */
  vcpu: number;
  memoryMiB: number;
  /** Where the servers are, shown where EC2 instances show their zone. Default "on-premises". */
  location?: string;
  attributes?: Record<string, string>;
}

/**
 * Simulation control: servers in your own data centre join the cluster through ECS Anywhere (an SSM
 * activation, then the agent). They take only tasks launched with the EXTERNAL launch type.
 */
export function addExternalInstances(ctx: SimContext, input: AddExternalInstancesRequest): { containerInstanceArns: string[] } {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['cluster', 'count', 'vcpu', 'memoryMiB', 'location', 'attributes']);
  const cluster = resolveCluster(ctx, request.cluster);
  const count = optionalInteger(request.count, 'count', { min: 1, max: 1000 }) ?? 1;
  const vcpu = optionalInteger(request.vcpu, 'vcpu', { min: 1, max: 256 });
  const memoryMiB = optionalInteger(request.memoryMiB, 'memoryMiB', { min: 512, max: 4_194_304 });
  if (vcpu === undefined) throw invalidParameter('vcpu should not be null: how many vCPUs the server has.', 'vcpu');
  if (memoryMiB === undefined) throw invalidParameter('memoryMiB should not be null: how much memory the server has.', 'memoryMiB');
  const location = optionalString(request.location, 'location') ?? 'on-premises';
  if (location.trim() === '' || location.length > 64) throw invalidParameter('location must have 1 to 64 characters.', 'location');
  const attributes = customAttributes(request.attributes);
  checkInstanceLimit(cluster, count);
  const created = registerInstances(ctx, cluster, {
    instanceType: 'external',
    count,
    zones: [location],
    lifecycle: 'on-demand',
    spotInstanceDraining: false,
    attributes,
    external: { vcpu, memoryMiB },
  });
  return { containerInstanceArns: created.map((i) => i.arn) };
}
