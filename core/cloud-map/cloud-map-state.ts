/** AWS Cloud Map as the simulator keeps it: namespaces, services, and the task instances registered in them. */
export interface NamespaceRecord {
  id: string;
  arn: string;
  name: string;
  type: 'DNS_PRIVATE' | 'DNS_PUBLIC' | 'HTTP';
}

export interface DiscoveryInstance {
  instanceId: string;
  taskArn: string;
  ipv4: string;
  port?: number;
  /** Custom health as ECS reports it. */
  healthy: boolean;
}

/** The id of the Cloud Map service an ARN names (arn:aws:servicediscovery:<region>:<account>:service/<id>). */
export const discoveryServiceId = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

export interface DiscoveryServiceRecord {
  id: string;
  arn: string;
  name: string;
  namespaceId: string;
  /** A records' TTL in seconds (DNS namespaces). */
  ttlSeconds?: number;
  instances: Map<string, DiscoveryInstance>;
}

export interface CloudMapState {
  namespaces: Map<string, NamespaceRecord>;
  services: Map<string, DiscoveryServiceRecord>;
}

export const createCloudMapState = (): CloudMapState => ({ namespaces: new Map(), services: new Map() });

/** MULTIVALUE routing answers with at most 8 healthy records. */
export const MULTIVALUE_ANSWER_LIMIT = 8;

declare module '../kernel/context.js' {
  interface SimState {
    cloudMap: CloudMapState;
  }
}
