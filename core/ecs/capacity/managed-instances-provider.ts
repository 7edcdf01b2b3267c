import { invalidParameter } from '../../kernel/errors.js';
import type { SimContext } from '../../kernel/context.js';
import type { ClusterRecord } from '../model/state.js';
import type { InstanceRequirements, ManagedInstancesProviderRecord } from '../model/managed-instances-state.js';
import { INSTANCE_TYPES } from '../model/instance-types.js';
import { allowedInstanceTypes } from './managed-instance-choice.js';
import { optionalEnum, optionalInteger, optionalStringList, requireObject, requireString, validateTags } from '../../kernel/fields.js';

const AT = 'managedInstancesProvider';
const LT = `${AT}.instanceLaunchTemplate`;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const PROFILE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:instance-profile\/[\w+=,.@/-]+$/;

function range(input: unknown, field: string): { min: number; max?: number } {
  const raw = requireObject(input, field);
  const min = optionalInteger(raw.min, `${field}.min`, { min: 0 });
  if (min === undefined) throw invalidParameter(`${field}.min should not be null or empty.`, `${field}.min`);
  const max = optionalInteger(raw.max, `${field}.max`, { min: 0 });
  if (max !== undefined && max < min) throw invalidParameter(`${field}.max must be greater than or equal to ${field}.min.`, `${field}.max`);
  return max === undefined ? { min } : { min, max };
}

function requirements(input: unknown): InstanceRequirements | undefined {
  if (input === undefined) return undefined;
  const at = `${LT}.instanceRequirements`;
  const raw = requireObject(input, at);
  const wanted: InstanceRequirements = { vCpuCount: range(raw.vCpuCount, `${at}.vCpuCount`), memoryMiB: range(raw.memoryMiB, `${at}.memoryMiB`) };
  const manufacturers = optionalStringList(raw.cpuManufacturers, `${at}.cpuManufacturers`);
  if (manufacturers) wanted.cpuManufacturers = manufacturers.map((m, i) => optionalEnum(m, `${at}.cpuManufacturers[${i}]`, ['intel', 'amd', 'amazon-web-services'] as const)!);
  const allowed = optionalStringList(raw.allowedInstanceTypes, `${at}.allowedInstanceTypes`, 400);
  const excluded = optionalStringList(raw.excludedInstanceTypes, `${at}.excludedInstanceTypes`, 400);
  // EC2's rule for attribute-based selection: a list of types to allow, or one to exclude, not both.
  if (allowed && excluded) throw invalidParameter('You can specify allowedInstanceTypes or excludedInstanceTypes, but not both.', `${at}.allowedInstanceTypes`);
  if (allowed) wanted.allowedInstanceTypes = allowed;
  if (excluded) wanted.excludedInstanceTypes = excluded;
  const burstable = optionalEnum(raw.burstablePerformance, `${at}.burstablePerformance`, ['included', 'required', 'excluded'] as const);
  if (burstable) wanted.burstablePerformance = burstable;
  return wanted;
}

type Template = ManagedInstancesProviderRecord['instanceLaunchTemplate'];
type Settings = Pick<ManagedInstancesProviderRecord, 'infrastructureRoleArn' | 'instanceLaunchTemplate' | 'propagateTags' | 'scaleInAfter' | 'autoRepair'>;

/**
 * instanceLaunchTemplate as CreateCapacityProvider gives it (no `base`: the instance profile and the network
 * are required) or UpdateCapacityProvider changes it (each member given replaces the provider's).
 */
function readLaunchTemplate(input: unknown, base: Template | undefined): Template {
  const template = requireObject(input, LT);
  const profile = template.ec2InstanceProfileArn === undefined && base ? base.ec2InstanceProfileArn : requireString(template.ec2InstanceProfileArn, `${LT}.ec2InstanceProfileArn`);
  if (!PROFILE_ARN.test(profile)) throw invalidParameter('The EC2 instance profile ARN is not a valid IAM instance profile ARN.', `${LT}.ec2InstanceProfileArn`);
  const networkConfiguration = template.networkConfiguration === undefined && base ? base.networkConfiguration : readNetwork(template.networkConfiguration);
  const storage = template.storageConfiguration === undefined ? undefined : requireObject(template.storageConfiguration, `${LT}.storageConfiguration`);
  const storageSizeGiB = storage ? optionalInteger(storage.storageSizeGiB, `${LT}.storageConfiguration.storageSizeGiB`, { min: 1 }) : base?.storageConfiguration?.storageSizeGiB;
  const instanceRequirements = template.instanceRequirements === undefined ? base?.instanceRequirements : requirements(template.instanceRequirements);
  if (allowedInstanceTypes(INSTANCE_TYPES, instanceRequirements).length === 0) {
    throw invalidParameter('No instance type matches the instance requirements.', `${LT}.instanceRequirements`);
  }
  return {
    ec2InstanceProfileArn: profile,
    networkConfiguration,
    monitoring: optionalEnum(template.monitoring, `${LT}.monitoring`, ['BASIC', 'DETAILED'] as const) ?? base?.monitoring ?? 'BASIC',
    capacityOptionType: optionalEnum(template.capacityOptionType, `${LT}.capacityOptionType`, ['ON_DEMAND', 'SPOT', 'RESERVED'] as const) ?? base?.capacityOptionType ?? 'ON_DEMAND',
    ...(storageSizeGiB !== undefined ? { storageConfiguration: { storageSizeGiB } } : {}),
    ...(instanceRequirements ? { instanceRequirements } : {}),
  };
}

function readNetwork(input: unknown): Template['networkConfiguration'] {
  const network = requireObject(input, `${LT}.networkConfiguration`);
  const subnets = optionalStringList(network.subnets, `${LT}.networkConfiguration.subnets`, 16) ?? [];
  if (subnets.length === 0) throw invalidParameter('subnets can not be empty.', `${LT}.networkConfiguration.subnets`);
  return { subnets, securityGroups: optionalStringList(network.securityGroups, `${LT}.networkConfiguration.securityGroups`, 5) ?? [] };
}

/**
 * A managedInstancesProvider, checked with ECS's exception (InvalidParameterException naming the field):
 * CreateCapacityProvider's (no `base`) or UpdateCapacityProvider's, over what the provider has. Members the
 * simulator does not act on (localStorageConfiguration, fipsEnabled, capacityReservations, ...) are checked by
 * the model and not kept. Never touches state.
 */
export function readManagedInstancesSettings(input: unknown, base?: Settings): Settings {
  const provider = requireObject(input, AT);
  const infrastructureRoleArn = requireString(provider.infrastructureRoleArn, `${AT}.infrastructureRoleArn`);
  if (!ROLE_ARN.test(infrastructureRoleArn)) throw invalidParameter('The infrastructure role ARN is not a valid IAM role ARN.', `${AT}.infrastructureRoleArn`);
  const instanceLaunchTemplate = readLaunchTemplate(provider.instanceLaunchTemplate, base?.instanceLaunchTemplate);
  const optimization = provider.infrastructureOptimization === undefined ? undefined : requireObject(provider.infrastructureOptimization, `${AT}.infrastructureOptimization`);
  const scaleInAfter = optimization ? optionalInteger(optimization.scaleInAfter, `${AT}.infrastructureOptimization.scaleInAfter`, { min: -1, max: 3600 }) : base?.scaleInAfter;
  const repair = provider.autoRepairConfiguration === undefined ? {} : requireObject(provider.autoRepairConfiguration, `${AT}.autoRepairConfiguration`);
  return {
    infrastructureRoleArn,
    instanceLaunchTemplate,
    propagateTags: optionalEnum(provider.propagateTags, `${AT}.propagateTags`, ['CAPACITY_PROVIDER', 'NONE'] as const) ?? base?.propagateTags ?? 'NONE',
    ...(scaleInAfter !== undefined ? { scaleInAfter } : {}),
    autoRepair: optionalEnum(repair.actionsStatus, `${AT}.autoRepairConfiguration.actionsStatus`, ['ENABLED', 'DISABLED'] as const) ?? base?.autoRepair ?? 'ENABLED',
  };
}

/** CreateCapacityProvider's MANAGED_INSTANCES provider as the simulator keeps it. Never touches state. */
export function validateManagedInstancesProvider(ctx: SimContext, name: string, cluster: ClusterRecord, input: unknown, tags: unknown): ManagedInstancesProviderRecord {
  return {
    name,
    arn: `arn:aws:ecs:${ctx.region}:${ctx.accountId}:capacity-provider/${name}`,
    clusterName: cluster.name,
    status: 'ACTIVE',
    ...readManagedInstancesSettings(input),
    tags: validateTags(tags),
    booting: [],
    idleSince: new Map(),
  };
}

/** The provider as DescribeCapacityProviders gives it back. */
export function managedInstancesProviderView(record: ManagedInstancesProviderRecord) {
  return {
    capacityProviderArn: record.arn,
    name: record.name,
    cluster: record.clusterName,
    status: record.status,
    type: 'MANAGED_INSTANCES',
    managedInstancesProvider: {
      infrastructureRoleArn: record.infrastructureRoleArn,
      instanceLaunchTemplate: structuredClone(record.instanceLaunchTemplate),
      propagateTags: record.propagateTags,
      infrastructureOptimization: record.scaleInAfter === undefined ? {} : { scaleInAfter: record.scaleInAfter },
      autoRepairConfiguration: { actionsStatus: record.autoRepair },
    },
    tags: record.tags.map((t) => ({ ...t })),
  };
}
