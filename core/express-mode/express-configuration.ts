import { invalidParameter } from '../kernel/errors.js';
import { optionalArray, optionalEnum, optionalInteger, optionalString, optionalStringList, rejectUnknownFields, requireObject, requireString } from '../kernel/fields.js';
import { DEFAULT_CONTAINER_PORT, DEFAULT_CPU, DEFAULT_HEALTH_CHECK_PATH, DEFAULT_MEMORY, DEFAULT_SCALING_TARGET } from './express-defaults.js';
import type { ExpressConfiguration, ExpressContainer, ExpressScalingTarget } from './express-state.js';

/**
 * The configuration a CreateExpressGatewayService or UpdateExpressGatewayService request asks for, as a pure
 * decision: each member the request names replaces the previous revision's (`base`; Express Mode's defaults
 * on create), a primary container's members one by one. Throws InvalidParameterException naming the member.
 */
/** What an Express service runs, as CreateExpressGatewayService and UpdateExpressGatewayService both take it. */
export interface ExpressConfigurationRequest {
  executionRoleArn?: string;
  healthCheckPath?: string;
  primaryContainer?: { image: string; containerPort?: number; [member: string]: unknown };
  taskRoleArn?: string;
  networkConfiguration?: { subnets?: string[]; securityGroups?: string[] };
  cpu?: string;
  memory?: string;
  cpuArchitecture?: string;
  scalingTarget?: { minTaskCount?: number; maxTaskCount?: number; autoScalingMetric?: string; autoScalingTargetValue?: number };
  taskDefinitionArn?: string;
}

export interface ConfigurationDefaults {
  /** Where the primary container logs unless it says otherwise. */
  logGroup: string;
  /** The subnets and security group a new service gets unless it names its own. */
  networkConfiguration: { subnets: string[]; securityGroups: string[] };
}

const METRICS = ['AVERAGE_CPU', 'AVERAGE_MEMORY', 'REQUEST_COUNT_PER_TARGET'] as const;
const ARCHITECTURES = ['X86_64', 'ARM64'] as const;
const CONTAINER_MEMBERS = ['image', 'containerPort', 'awsLogsConfiguration', 'repositoryCredentials', 'command', 'environment', 'secrets'];

export function resolveConfiguration(request: Record<string, unknown>, base: ExpressConfiguration | undefined, defaults: ConfigurationDefaults): ExpressConfiguration {
  if (request.primaryContainer !== undefined && request.taskDefinitionArn !== undefined) {
    throw invalidParameter('Give primaryContainer or taskDefinitionArn, not both.', 'taskDefinitionArn');
  }
  if (!base && request.primaryContainer === undefined && request.taskDefinitionArn === undefined) {
    throw invalidParameter('primaryContainer (with its image) or taskDefinitionArn is required.', 'primaryContainer');
  }
  const taskDefinitionArn = optionalString(request.taskDefinitionArn, 'taskDefinitionArn');
  const container =
    request.primaryContainer !== undefined
      ? resolveContainer(requireObject(request.primaryContainer, 'primaryContainer'), base?.primaryContainer, defaults.logGroup)
      : taskDefinitionArn === undefined
        ? base?.primaryContainer
        : undefined;
  const healthCheckPath = optionalString(request.healthCheckPath, 'healthCheckPath') ?? base?.healthCheckPath ?? DEFAULT_HEALTH_CHECK_PATH;
  if (!/^\/\S{0,1023}$/.test(healthCheckPath)) throw invalidParameter('healthCheckPath must start with / and have at most 1024 characters, without spaces.', 'healthCheckPath');
  const executionRoleArn = optionalString(request.executionRoleArn, 'executionRoleArn') ?? base?.executionRoleArn;
  const taskRoleArn = optionalString(request.taskRoleArn, 'taskRoleArn') ?? base?.taskRoleArn;
  return {
    ...(executionRoleArn !== undefined ? { executionRoleArn } : {}),
    ...(taskRoleArn !== undefined ? { taskRoleArn } : {}),
    cpu: optionalString(request.cpu, 'cpu') ?? base?.cpu ?? DEFAULT_CPU,
    memory: optionalString(request.memory, 'memory') ?? base?.memory ?? DEFAULT_MEMORY,
    cpuArchitecture: optionalEnum(request.cpuArchitecture, 'cpuArchitecture', ARCHITECTURES) ?? base?.cpuArchitecture ?? 'X86_64',
    networkConfiguration: resolveNetwork(request.networkConfiguration, base, defaults),
    healthCheckPath,
    ...(container ? { primaryContainer: container } : {}),
    ...(taskDefinitionArn !== undefined ? { taskDefinitionArn } : !container && base?.taskDefinitionArn ? { taskDefinitionArn: base.taskDefinitionArn } : {}),
    scalingTarget: resolveScaling(request.scalingTarget, base?.scalingTarget ?? DEFAULT_SCALING_TARGET),
  };
}

function resolveContainer(raw: Record<string, unknown>, base: ExpressContainer | undefined, logGroup: string): ExpressContainer {
  rejectUnknownFields(raw, 'primaryContainer', CONTAINER_MEMBERS);
  const at = (member: string) => `primaryContainer.${member}`;
  const image = requireString(raw.image, at('image'));
  const logs = raw.awsLogsConfiguration === undefined ? undefined : requireObject(raw.awsLogsConfiguration, at('awsLogsConfiguration'));
  const credentials = raw.repositoryCredentials === undefined ? undefined : requireObject(raw.repositoryCredentials, at('repositoryCredentials'));
  const environment = pairs(raw.environment, at('environment'), 'value') ?? base?.environment;
  const secrets = pairs(raw.secrets, at('secrets'), 'valueFrom') ?? base?.secrets;
  const command = optionalStringList(raw.command, at('command')) ?? base?.command;
  const repositoryCredentials = credentials
    ? { credentialsParameter: requireString(credentials.credentialsParameter, at('repositoryCredentials.credentialsParameter')) }
    : base?.repositoryCredentials;
  return {
    image,
    containerPort: optionalInteger(raw.containerPort, at('containerPort'), { min: 1, max: 65535 }) ?? base?.containerPort ?? DEFAULT_CONTAINER_PORT,
    awsLogsConfiguration: logs
      ? { logGroup: requireString(logs.logGroup, at('awsLogsConfiguration.logGroup')), logStreamPrefix: requireString(logs.logStreamPrefix, at('awsLogsConfiguration.logStreamPrefix')) }
      : (base?.awsLogsConfiguration ?? { logGroup, logStreamPrefix: 'ecs' }),
    ...(repositoryCredentials ? { repositoryCredentials } : {}),
    ...(command ? { command } : {}),
    ...(environment ? { environment: environment as Array<{ name: string; value: string }> } : {}),
    ...(secrets ? { secrets: secrets as Array<{ name: string; valueFrom: string }> } : {}),
  };
}

/** environment ({name, value}) and secrets ({name, valueFrom}): every item needs both. */
function pairs(value: unknown, field: string, second: 'value' | 'valueFrom'): Array<Record<string, string>> | undefined {
  return optionalArray(value, field)?.map((item, i) => {
    const pair = requireObject(item, `${field}[${i}]`);
    return { name: requireString(pair.name, `${field}[${i}].name`), [second]: requireString(pair[second], `${field}[${i}].${second}`) };
  });
}

/** Express services keep the subnets they were created in: the simulator does not move a service or its load balancer. */
function resolveNetwork(value: unknown, base: ExpressConfiguration | undefined, defaults: ConfigurationDefaults): ExpressConfiguration['networkConfiguration'] {
  if (value === undefined) return base?.networkConfiguration ?? defaults.networkConfiguration;
  const raw = requireObject(value, 'networkConfiguration');
  const subnets = optionalStringList(raw.subnets, 'networkConfiguration.subnets', 16);
  const securityGroups = optionalStringList(raw.securityGroups, 'networkConfiguration.securityGroups', 5);
  if (subnets?.length === 0) throw invalidParameter('networkConfiguration.subnets can not be empty.', 'networkConfiguration.subnets');
  const resolved = {
    subnets: subnets ?? base?.networkConfiguration.subnets ?? defaults.networkConfiguration.subnets,
    securityGroups: securityGroups?.length ? securityGroups : (base?.networkConfiguration.securityGroups ?? defaults.networkConfiguration.securityGroups),
  };
  if (base && resolved.subnets.join() !== base.networkConfiguration.subnets.join()) {
    throw invalidParameter('networkConfiguration.subnets cannot change in the simulator: an Express service stays on the subnets (and the load balancer) it was created with.', 'networkConfiguration.subnets');
  }
  return resolved;
}

function resolveScaling(value: unknown, base: ExpressScalingTarget): ExpressScalingTarget {
  if (value === undefined) return { ...base };
  const raw = requireObject(value, 'scalingTarget');
  const minTaskCount = optionalInteger(raw.minTaskCount, 'scalingTarget.minTaskCount', { min: 1, max: 5000 }) ?? base.minTaskCount;
  const maxTaskCount = optionalInteger(raw.maxTaskCount, 'scalingTarget.maxTaskCount', { min: 1, max: 5000 }) ?? base.maxTaskCount;
  if (minTaskCount > maxTaskCount) {
    throw invalidParameter(`scalingTarget.minTaskCount (${minTaskCount}) cannot be greater than scalingTarget.maxTaskCount (${maxTaskCount}).`, 'scalingTarget.minTaskCount');
  }
  const autoScalingMetric = optionalEnum(raw.autoScalingMetric, 'scalingTarget.autoScalingMetric', METRICS) ?? base.autoScalingMetric;
  const percent = autoScalingMetric !== 'REQUEST_COUNT_PER_TARGET';
  // A new metric without its own target starts from the default target, not from the other metric's.
  const autoScalingTargetValue =
    optionalInteger(raw.autoScalingTargetValue, 'scalingTarget.autoScalingTargetValue', { min: 1, ...(percent ? { max: 100 } : {}) }) ??
    (autoScalingMetric === base.autoScalingMetric ? base.autoScalingTargetValue : DEFAULT_SCALING_TARGET.autoScalingTargetValue);
  return { minTaskCount, maxTaskCount, autoScalingMetric, autoScalingTargetValue };
}
