/**
 * The simulator's VPC, as far as a task's image pull needs it: where each subnet's route table sends traffic
 * for the internet (0.0.0.0/0), and the VPC endpoints. Only subnets a scenario configured are modelled; any
 * other subnet reaches everything, as every subnet did before the VPC was modelled.
 */
export type DefaultRoute = 'internet-gateway' | 'nat-gateway' | 'none';

export interface VpcEndpointRecord {
  id: string;
  type: 'Interface' | 'Gateway';
  /** com.amazonaws.<region>.ecr.dkr, ... */
  serviceName: string;
  /** Interface endpoints: whether the service's own DNS name resolves to the endpoint inside the VPC. */
  privateDnsEnabled: boolean;
}

export interface VpcState {
  /** Each configured subnet's default route, by subnet id. */
  subnets: Map<string, DefaultRoute>;
  endpoints: VpcEndpointRecord[];
}

export const createVpcState = (): VpcState => ({ subnets: new Map(), endpoints: [] });

declare module '../kernel/context.js' {
  interface SimState {
    vpc: VpcState;
  }
}
