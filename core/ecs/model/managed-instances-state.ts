import type { Tag } from './types.js';

/** instanceRequirements as ECS keeps it: the ranges and lists attribute-based selection reads. */
export interface InstanceRequirements {
  vCpuCount: { min: number; max?: number };
  memoryMiB: { min: number; max?: number };
  cpuManufacturers?: Array<'intel' | 'amd' | 'amazon-web-services'>;
  allowedInstanceTypes?: string[];
  excludedInstanceTypes?: string[];
  burstablePerformance?: 'included' | 'required' | 'excluded';
}

/** A MANAGED_INSTANCES capacity provider: ECS chooses, launches, drains, patches and replaces its instances. */
export interface ManagedInstancesProviderRecord {
  name: string;
  arn: string;
  clusterName: string;
  /** DEPROVISIONING from DeleteCapacityProvider until its last instance is terminated; then it is gone. */
  status: 'ACTIVE' | 'DEPROVISIONING';
  infrastructureRoleArn: string;
  instanceLaunchTemplate: {
    ec2InstanceProfileArn: string;
    networkConfiguration: { subnets: string[]; securityGroups: string[] };
    monitoring: 'BASIC' | 'DETAILED';
    capacityOptionType: 'ON_DEMAND' | 'SPOT' | 'RESERVED';
    storageConfiguration?: { storageSizeGiB: number };
    instanceRequirements?: InstanceRequirements;
  };
  propagateTags: 'CAPACITY_PROVIDER' | 'NONE';
  /** Seconds an instance stays idle before ECS drains it; -1: never; undefined: ECS's default. */
  scaleInAfter?: number;
  autoRepair: 'ENABLED' | 'DISABLED';
  tags: Tag[];
  /** Instances launched and still booting (virtual ms of launch), so a pass does not launch them twice. */
  booting: number[];
  /** Since when (virtual ms) each instance has run no application task. */
  idleSince: Map<string, number>;
}

declare module '../../kernel/context.js' {
  interface SimState {
    managedInstancesProviders: Map<string, ManagedInstancesProviderRecord>;
  }
}
