import type { DefaultRoute, VpcEndpointRecord } from './vpc-state.js';

/**
 * Whether a task's network interface reaches the registry of an image, and if not, which leg of the pull
 * fails. Pure. A subnet reaches the internet through a NAT gateway, or through an internet gateway when the
 * interface has a public IP. An ECR image in the task's own Region also comes through VPC endpoints: the
 * interface endpoints ecr.api (authentication) and ecr.dkr (the registry, with private DNS so its usual
 * name resolves to the endpoint) and the S3 gateway endpoint (ECR keeps the image layers in S3). Any other
 * registry (Docker Hub, another Region's ECR) needs the internet.
 */
export type PullBlocked = { leg: 'registry'; host: string } | { leg: 'layers'; host: string };

export interface PullPath {
  defaultRoute: DefaultRoute;
  assignPublicIp: 'ENABLED' | 'DISABLED';
  endpoints: readonly VpcEndpointRecord[];
  region: string;
}

const ECR_IMAGE = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\//;
const DOCKER_HUB = 'registry-1.docker.io';

/** The registry host an image reference names: the part before the first '/' when it looks like a host. */
export function registryHost(image: string): string {
  const first = image.split('/')[0];
  return image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : DOCKER_HUB;
}

export function reachesInternet(path: Pick<PullPath, 'defaultRoute' | 'assignPublicIp'>): boolean {
  return path.defaultRoute === 'nat-gateway' || (path.defaultRoute === 'internet-gateway' && path.assignPublicIp === 'ENABLED');
}

export function pullBlocked(image: string, path: PullPath): PullBlocked | undefined {
  if (reachesInternet(path)) return undefined;
  const host = registryHost(image);
  const ecr = ECR_IMAGE.exec(image);
  if (!ecr || ecr[2] !== path.region) return { leg: 'registry', host };
  const has = (service: string, type: VpcEndpointRecord['type']) =>
    path.endpoints.some((e) => e.type === type && e.serviceName === `com.amazonaws.${path.region}.${service}` && (type === 'Gateway' || e.privateDnsEnabled));
  if (!has('ecr.api', 'Interface') || !has('ecr.dkr', 'Interface')) return { leg: 'registry', host };
  if (!has('s3', 'Gateway')) return { leg: 'layers', host: `prod-${path.region}-starport-layer-bucket.s3.${path.region}.amazonaws.com` };
  return undefined;
}
