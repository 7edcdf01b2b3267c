import type { Compatibility, ContainerDefinition, NetworkMode, RegisterTaskDefinitionRequest, Volume } from '../model/types.js';
import { isFargateSize } from './fargate-sizes.js';
import { validatePlacementConstraints } from '../placement/validate-placement-constraints.js';
import {
  fail,
  NAME_PATTERN,
  optionalArray,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalString,
  requireName,
  requireObject,
  requireString,
} from '../../kernel/fields.js';

/**
 * RegisterTaskDefinition's rules, with ECS's exception names and wording where known
 * (ecs-behaviour.md 2.1-2.7). Returns a clean copy; never touches state.
 */
const DEPENDENCY_CONDITIONS = ['START', 'COMPLETE', 'SUCCESS', 'HEALTHY'] as const;
const NETWORK_MODES: readonly NetworkMode[] = ['bridge', 'host', 'awsvpc', 'none'];
const COMPATIBILITIES: readonly Compatibility[] = ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'];
export const MAX_CONTAINERS_PER_TASK_DEFINITION = 10;

/** "1 vCPU" -> 1024, "512" -> 512; "2GB" -> 2048, "1024" -> 1024. */
function parseUnits(value: unknown, field: 'cpu' | 'memory'): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  const match = field === 'cpu' ? /^(\d+(?:\.\d+)?)\s*(vcpu)?$/i.exec(text) : /^(\d+(?:\.\d+)?)\s*(gb)?$/i.exec(text);
  if (!match || (typeof value !== 'string' && typeof value !== 'number')) {
    if (field === 'cpu') fail('ClientException', 'cpu', "Invalid 'cpu' setting for task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.");
    fail('ClientException', 'memory', "Invalid 'memory' setting for task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.");
  }
  const n = Number(match[1]) * (match[2] ? 1024 : 1);
  if (!Number.isInteger(n) || n <= 0) {
    fail('ClientException', field, `Invalid '${field}' setting for task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`);
  }
  return n;
}

export function validateTaskDefinition(input: unknown): RegisterTaskDefinitionRequest {
  const request = requireObject(input, 'request');
  const family = requireName(request.family, 'family', 'ClientException');
  const compat = (optionalArray(request.requiresCompatibilities, 'requiresCompatibilities') ?? []).map((c, i) =>
    optionalEnum(c, `requiresCompatibilities[${i}]`, COMPATIBILITIES)!,
  );
  // Managed Instances give every task its own network interface unless told otherwise.
  const networkMode = optionalEnum(request.networkMode, 'networkMode', NETWORK_MODES) ?? (compat.includes('MANAGED_INSTANCES') ? 'awsvpc' : 'bridge');
  const fargate = compat.includes('FARGATE');
  const cpu = parseUnits(request.cpu, 'cpu');
  const memory = parseUnits(request.memory, 'memory');
  if (cpu !== undefined && (cpu < 128 || cpu > 196608)) {
    fail('ClientException', 'cpu', "Invalid 'cpu' setting for task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.");
  }
  const executionRoleArn = optionalString(request.executionRoleArn, 'executionRoleArn');
  const taskRoleArn = optionalString(request.taskRoleArn, 'taskRoleArn');

  const rawContainers = optionalArray(request.containerDefinitions, 'containerDefinitions');
  if (!rawContainers || rawContainers.length === 0) {
    fail('ClientException', 'containerDefinitions', 'containerDefinitions should not be null or empty.');
  }
  if (rawContainers.length > MAX_CONTAINERS_PER_TASK_DEFINITION) {
    fail('ClientException', 'containerDefinitions', `Too many containers: a task definition can have at most ${MAX_CONTAINERS_PER_TASK_DEFINITION} containers (got ${rawContainers.length}).`);
  }
  const volumes = validateVolumes(request.volumes);
  const containers = rawContainers.map((c, i) => validateContainer(c, i, networkMode));
  for (const [i, c] of containers.entries()) {
    const missing = (c.mountPoints ?? []).findIndex((m) => !volumes.some((v) => v.name === m.sourceVolume));
    if (missing >= 0) {
      fail('ClientException', `containerDefinitions[${i}].mountPoints[${missing}].sourceVolume`, `Invalid mount point: volume '${c.mountPoints![missing].sourceVolume}' is not defined in the task definition's volumes.`);
    }
  }
  const names = new Set<string>();
  for (const [i, c] of containers.entries()) {
    if (names.has(c.name)) fail('ClientException', `containerDefinitions[${i}].name`, `Duplicate container name '${c.name}'. Container names must be unique within a task definition.`);
    names.add(c.name);
  }
  validateDependencies(containers);
  if (!containers.some((c) => c.essential !== false)) {
    fail('ClientException', 'containerDefinitions', 'A task definition must have at least one essential container.');
  }

  if (compat.includes('EXTERNAL') && networkMode === 'awsvpc') {
    fail('ClientException', 'networkMode', 'The EXTERNAL launch type does not support network mode ‘awsvpc’: use bridge, host or none.');
  }
  if (compat.includes('MANAGED_INSTANCES') && networkMode === 'bridge') {
    fail('ClientException', 'networkMode', 'Amazon ECS Managed Instances support network modes awsvpc, host and none.');
  }
  if (fargate) {
    if (networkMode !== 'awsvpc') fail('ClientException', 'networkMode', 'Fargate only supports network mode ‘awsvpc’.');
    if (request.pidMode === 'host') fail('ClientException', 'pidMode', "Tasks using the Fargate launch type do not support pidMode 'host'. The supported value for pidMode is 'task'.");
    if (request.ipcMode !== undefined) fail('ClientException', 'ipcMode', 'Tasks using the Fargate launch type do not support ipcMode.');
    if (cpu === undefined) fail('ClientException', 'cpu', "Fargate requires that 'cpu' be defined at the task level.");
    if (memory === undefined) fail('ClientException', 'memory', "Fargate requires that 'memory' be defined at the task level.");
    if (!isFargateSize(cpu, memory)) fail('ClientException', 'memory', 'No Fargate configuration exists for given values.');
    if (!executionRoleArn && containers.some((c) => /\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\//.test(c.image))) {
      fail('ClientException', 'executionRoleArn', 'Fargate requires task definition to have execution role ARN to support ECR images.');
    }
    if (!executionRoleArn && containers.some((c) => c.logConfiguration?.logDriver === 'awslogs')) {
      fail('ClientException', 'executionRoleArn', 'Fargate requires task definition to have execution role ARN to support log driver awslogs.');
    }
  } else if (memory === undefined) {
    const missing = containers.findIndex((c) => c.memory === undefined && c.memoryReservation === undefined);
    if (missing >= 0) {
      fail('ClientException', `containerDefinitions[${missing}].memory`, `Invalid setting for container '${containers[missing].name}'. At least one of 'memory' or 'memoryReservation' must be specified.`);
    }
  }
  const withSecrets = containers.findIndex((c) => (c.secrets ?? []).length > 0);
  if (withSecrets >= 0 && !executionRoleArn) {
    fail('ClientException', 'executionRoleArn', `Container '${containers[withSecrets].name}' uses secrets: the task definition needs an execution role ARN to fetch them.`);
  }
  if (cpu !== undefined) {
    const sum = containers.reduce((s, c) => s + (c.cpu ?? 0), 0);
    if (sum > cpu) fail('ClientException', 'cpu', `The sum of container cpu (${sum}) is more than the task cpu (${cpu}).`);
  }
  if (memory !== undefined) {
    const over = containers.findIndex((c) => (c.memory ?? 0) > memory);
    if (over >= 0) fail('ClientException', `containerDefinitions[${over}].memory`, `Invalid setting for container '${containers[over].name}'. Container memory (${containers[over].memory}) is more than the task memory (${memory}).`);
  }

  const placementConstraints = validatePlacementConstraints(request.placementConstraints, 'placementConstraints');
  const unsupported = placementConstraints.findIndex((c) => c.type !== 'memberOf');
  if (unsupported >= 0) {
    fail('ClientException', `placementConstraints[${unsupported}].type`, `constraint.type '${placementConstraints[unsupported].type}' is not supported.`);
  }

  return {
    family,
    containerDefinitions: containers,
    networkMode,
    ...(volumes.length > 0 ? { volumes } : {}),
    ...(placementConstraints.length > 0 ? { placementConstraints: placementConstraints as RegisterTaskDefinitionRequest['placementConstraints'] } : {}),
    ...(compat.length > 0 ? { requiresCompatibilities: compat } : {}),
    ...(cpu !== undefined ? { cpu: String(cpu) } : {}),
    ...(memory !== undefined ? { memory: String(memory) } : {}),
    ...(executionRoleArn ? { executionRoleArn } : {}),
    ...(taskRoleArn ? { taskRoleArn } : {}),
    ...(request.tags ? { tags: structuredClone(request.tags) as RegisterTaskDefinitionRequest['tags'] } : {}),
  };
}

function validateContainer(input: unknown, index: number, networkMode: NetworkMode): ContainerDefinition {
  const at = `containerDefinitions[${index}]`;
  const raw = requireObject(input, at);
  if (typeof raw.name !== 'string' || raw.name === '') fail('ClientException', `${at}.name`, 'Container.name should not be null or empty.');
  const name = raw.name;
  if (!NAME_PATTERN.test(name)) fail('ClientException', `${at}.name`, `Container name '${name.slice(0, 60)}' can have up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.`);
  if (typeof raw.image !== 'string' || raw.image.trim() === '') fail('ClientException', `${at}.image`, 'Container.image should not be null or empty.');
  if (raw.image.length > 255 || /\s/.test(raw.image)) fail('ClientException', `${at}.image`, `Container.image '${raw.image.slice(0, 60)}' is not a valid image reference (repository:tag or repository@sha256:digest, up to 255 characters).`);
  const memory = optionalInteger(raw.memory, `${at}.memory`, { min: 6 }, 'ClientException');
  const memoryReservation = optionalInteger(raw.memoryReservation, `${at}.memoryReservation`, { min: 6 }, 'ClientException');
  if (memory !== undefined && memoryReservation !== undefined && memory <= memoryReservation) {
    fail('ClientException', `${at}.memory`, `Invalid setting for container '${name}'. 'memory' (${memory}) must be greater than 'memoryReservation' (${memoryReservation}).`);
  }
  const container: ContainerDefinition = {
    name,
    image: raw.image,
    ...(raw.cpu !== undefined ? { cpu: optionalInteger(raw.cpu, `${at}.cpu`, { min: 0 }, 'ClientException') } : {}),
    ...(memory !== undefined ? { memory } : {}),
    ...(memoryReservation !== undefined ? { memoryReservation } : {}),
    essential: optionalBoolean(raw.essential, `${at}.essential`) ?? true,
  };
  const mappings = optionalArray(raw.portMappings, `${at}.portMappings`);
  if (mappings) container.portMappings = mappings.map((m, j) => validatePortMapping(m, `${at}.portMappings[${j}]`, networkMode));
  if (raw.healthCheck !== undefined) container.healthCheck = validateHealthCheck(raw.healthCheck, `${at}.healthCheck`);
  const stopTimeout = optionalInteger(raw.stopTimeout, `${at}.stopTimeout`, { min: 0, max: 120 });
  if (stopTimeout !== undefined) container.stopTimeout = stopTimeout;
  const startTimeout = optionalInteger(raw.startTimeout, `${at}.startTimeout`, { min: 2, max: 120 }, 'ClientException');
  if (startTimeout !== undefined) container.startTimeout = startTimeout;
  const dependsOn = optionalArray(raw.dependsOn, `${at}.dependsOn`, MAX_CONTAINERS_PER_TASK_DEFINITION);
  if (dependsOn) {
    container.dependsOn = dependsOn.map((d, j) => {
      const dependency = requireObject(d, `${at}.dependsOn[${j}]`);
      return {
        containerName: requireString(dependency.containerName, `${at}.dependsOn[${j}].containerName`, 'ClientException'),
        condition: optionalEnum(dependency.condition, `${at}.dependsOn[${j}].condition`, DEPENDENCY_CONDITIONS) ?? fail('ClientException', `${at}.dependsOn[${j}].condition`, `${at}.dependsOn[${j}].condition should not be null or empty.`),
      };
    });
  }
  for (const key of ['command', 'entryPoint'] as const) {
    const list = optionalArray(raw[key], `${at}.${key}`);
    if (list) container[key] = list.map((v, j) => requireString(v, `${at}.${key}[${j}]`));
  }
  const secrets = optionalArray(raw.secrets, `${at}.secrets`, 100);
  if (secrets) {
    container.secrets = secrets.map((s, j) => {
      const secret = requireObject(s, `${at}.secrets[${j}]`);
      return { name: requireString(secret.name, `${at}.secrets[${j}].name`, 'ClientException'), valueFrom: requireString(secret.valueFrom, `${at}.secrets[${j}].valueFrom`, 'ClientException') };
    });
  }
  const mounts = optionalArray(raw.mountPoints, `${at}.mountPoints`, 100);
  if (mounts) {
    container.mountPoints = mounts.map((m, j) => {
      const mount = requireObject(m, `${at}.mountPoints[${j}]`);
      return {
        sourceVolume: requireString(mount.sourceVolume, `${at}.mountPoints[${j}].sourceVolume`, 'ClientException'),
        containerPath: requireString(mount.containerPath, `${at}.mountPoints[${j}].containerPath`, 'ClientException'),
        readOnly: optionalBoolean(mount.readOnly, `${at}.mountPoints[${j}].readOnly`) ?? false,
      };
    });
  }
  if (raw.logConfiguration !== undefined) {
    const log = requireObject(raw.logConfiguration, `${at}.logConfiguration`);
    const logDriver = requireString(log.logDriver, `${at}.logConfiguration.logDriver`, 'ClientException');
    const options = log.options === undefined ? undefined : requireObject(log.options, `${at}.logConfiguration.options`);
    for (const [key, value] of Object.entries(options ?? {})) {
      if (typeof value !== 'string') fail('ClientException', `${at}.logConfiguration.options.${key}`, `${at}.logConfiguration.options.${key} must be a string.`);
    }
    container.logConfiguration = { logDriver, ...(options ? { options: { ...(options as Record<string, string>) } } : {}) };
  }
  const env = optionalArray(raw.environment, `${at}.environment`);
  if (env) {
    container.environment = env.map((e, j) => {
      const pair = requireObject(e, `${at}.environment[${j}]`);
      return { name: requireString(pair.name, `${at}.environment[${j}].name`), value: String(pair.value ?? '') };
    });
  }
  return container;
}

/**
 * dependsOn must name another container of the task; COMPLETE and SUCCESS wait for an exit, so the container
 * waited for may not be essential; HEALTHY needs a health check; and the order must have no cycle.
 */
function validateDependencies(containers: readonly ContainerDefinition[]): void {
  const index = new Map(containers.map((c, i) => [c.name, i]));
  for (const [i, c] of containers.entries()) {
    for (const [j, d] of (c.dependsOn ?? []).entries()) {
      const at = `containerDefinitions[${i}].dependsOn[${j}]`;
      const target = index.get(d.containerName);
      if (target === undefined || target === i) {
        fail('ClientException', `${at}.containerName`, `Container '${c.name}' depends on '${d.containerName}', which is not another container of this task definition.`);
      }
      const dependency = containers[target];
      if ((d.condition === 'COMPLETE' || d.condition === 'SUCCESS') && dependency.essential !== false) {
        fail('ClientException', `${at}.condition`, `Container '${dependency.name}' is essential: the dependency condition ${d.condition} can't be set on an essential container.`);
      }
      if (d.condition === 'HEALTHY' && !dependency.healthCheck) {
        fail('ClientException', `${at}.condition`, `Container '${c.name}' waits for '${dependency.name}' to be HEALTHY, but '${dependency.name}' has no healthCheck.`);
      }
    }
  }
  const cycle = dependencyCycle(containers);
  if (cycle) fail('ClientException', 'containerDefinitions', `Container dependencies form a cycle: ${cycle.join(' -> ')}.`);
}

function dependencyCycle(containers: readonly ContainerDefinition[]): string[] | undefined {
  const byName = new Map(containers.map((c) => [c.name, c]));
  const done = new Set<string>();
  const walk = (name: string, path: string[]): string[] | undefined => {
    if (path.includes(name)) return [...path.slice(path.indexOf(name)), name];
    if (done.has(name)) return undefined;
    for (const d of byName.get(name)?.dependsOn ?? []) {
      const found = walk(d.containerName, [...path, name]);
      if (found) return found;
    }
    done.add(name);
    return undefined;
  };
  for (const c of containers) {
    const found = walk(c.name, []);
    if (found) return found;
  }
  return undefined;
}

function validatePortMapping(input: unknown, at: string, networkMode: NetworkMode) {
  const raw = requireObject(input, at);
  const containerPort = optionalInteger(raw.containerPort, `${at}.containerPort`, { min: 1, max: 65535 });
  const hostPort = optionalInteger(raw.hostPort, `${at}.hostPort`, { min: 0, max: 65535 });
  const protocol = optionalEnum(raw.protocol, `${at}.protocol`, ['tcp', 'udp'] as const);
  if (containerPort === undefined) fail('ClientException', `${at}.containerPort`, `${at}.containerPort should not be null.`);
  if (networkMode === 'none') fail('ClientException', at, 'Port mappings are not allowed when networkMode=none.');
  if (networkMode === 'awsvpc' && hostPort !== undefined && hostPort !== containerPort) {
    fail('ClientException', `${at}.hostPort`, 'When networkMode=awsvpc, the host ports and container ports in port mappings must match.');
  }
  if (networkMode === 'host' && hostPort !== undefined && hostPort !== containerPort) {
    fail('ClientException', `${at}.hostPort`, 'When networkMode=host, the host ports and container ports in port mappings must match.');
  }
  return {
    containerPort,
    ...(hostPort !== undefined ? { hostPort } : {}),
    protocol: protocol ?? 'tcp',
    ...(typeof raw.name === 'string' ? { name: raw.name } : {}),
  };
}

function validateHealthCheck(input: unknown, at: string) {
  const raw = requireObject(input, at);
  const command = optionalArray(raw.command, `${at}.command`);
  if (!command || command.length === 0 || !['CMD', 'CMD-SHELL', 'NONE'].includes(String(command[0]))) {
    fail('ClientException', `${at}.command`, `${at}.command must start with "CMD" or "CMD-SHELL".`);
  }
  return {
    command: command.map(String),
    interval: optionalInteger(raw.interval, `${at}.interval`, { min: 5, max: 300 }, 'ClientException') ?? 30,
    timeout: optionalInteger(raw.timeout, `${at}.timeout`, { min: 2, max: 60 }, 'ClientException') ?? 5,
    retries: optionalInteger(raw.retries, `${at}.retries`, { min: 1, max: 10 }, 'ClientException') ?? 3,
    ...(raw.startPeriod !== undefined
      ? { startPeriod: optionalInteger(raw.startPeriod, `${at}.startPeriod`, { min: 0, max: 300 }, 'ClientException') }
      : {}),
  };
}

function validateVolumes(input: unknown): Volume[] {
  const volumes = (optionalArray(input, 'volumes', 20) ?? []).map((v, i) => {
    const at = `volumes[${i}]`;
    const raw = requireObject(v, at);
    const name = requireName(raw.name, `${at}.name`, 'ClientException');
    if (raw.efsVolumeConfiguration !== undefined) {
      const efs = requireObject(raw.efsVolumeConfiguration, `${at}.efsVolumeConfiguration`);
      const fileSystemId = requireString(efs.fileSystemId, `${at}.efsVolumeConfiguration.fileSystemId`, 'ClientException');
      // ECS mounts the file system's root unless told otherwise, and says so in the task definition.
      const rootDirectory = optionalString(efs.rootDirectory, `${at}.efsVolumeConfiguration.rootDirectory`) || '/';
      return { name, efsVolumeConfiguration: { fileSystemId, rootDirectory } };
    }
    const host = raw.host === undefined ? undefined : requireObject(raw.host, `${at}.host`);
    const sourcePath = host ? optionalString(host.sourcePath, `${at}.host.sourcePath`) : undefined;
    return { name, ...(host ? { host: sourcePath ? { sourcePath } : {} } : {}) };
  });
  const seen = new Set<string>();
  for (const [i, v] of volumes.entries()) {
    if (seen.has(v.name)) fail('ClientException', `volumes[${i}].name`, `Duplicate volume name '${v.name}'.`);
    seen.add(v.name);
  }
  return volumes;
}
