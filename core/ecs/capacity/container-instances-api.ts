import type { ContainerInstance, Failure, Resource } from '../model/types.js';
import { invalidParameter } from '../../kernel/errors.js';
import { ownResourceId, resolveCluster } from '../model/resolve.js';
import { epochSeconds, type SimContext } from '../../kernel/context.js';
import { remainingCpu, remainingMemory, usedPortSet } from '../placement/instance-resources.js';
import { AGENT_VERSION, DEFAULT_RESERVED_PORTS } from '../model/instance-types.js';
import type { InstanceRecord } from '../model/state.js';
import { optionalString, optionalStringList, requireObject } from '../../kernel/fields.js';

const integer = (name: 'CPU' | 'MEMORY', value: number): Resource => ({
  name,
  type: 'INTEGER',
  doubleValue: 0,
  longValue: 0,
  integerValue: value,
});
const stringSet = (name: 'PORTS' | 'PORTS_UDP', values: string[]): Resource => ({
  name,
  type: 'STRINGSET',
  doubleValue: 0,
  longValue: 0,
  integerValue: 0,
  stringSetValue: values,
});

const portsOf = (ports: Iterable<string>, protocol: 'tcp' | 'udp') =>
  [...ports].filter((p) => p.endsWith(`/${protocol}`)).map((p) => p.split('/')[0]).sort((a, b) => Number(a) - Number(b));

export function containerInstanceView(ctx: SimContext, instance: InstanceRecord): ContainerInstance {
  let running = 0;
  let pending = 0;
  for (const task of instance.tasks.values()) {
    if (task.desiredStatus !== 'RUNNING') continue;
    if (task.lastStatus === 'RUNNING') running++;
    else pending++;
  }
  const used = usedPortSet(instance);
  return {
    containerInstanceArn: instance.arn,
    ec2InstanceId: instance.ec2InstanceId,
    version: instance.version,
    versionInfo: { agentVersion: AGENT_VERSION, agentHash: 'ecs-lab', dockerVersion: 'DockerVersion: 25.0.8' },
    registeredResources: [
      integer('CPU', instance.registeredCpu),
      integer('MEMORY', instance.registeredMemory),
      stringSet('PORTS', [...DEFAULT_RESERVED_PORTS]),
      stringSet('PORTS_UDP', []),
    ],
    remainingResources: [
      integer('CPU', remainingCpu(instance)),
      integer('MEMORY', remainingMemory(instance)),
      stringSet('PORTS', portsOf(used, 'tcp')),
      stringSet('PORTS_UDP', portsOf(used, 'udp')),
    ],
    status: instance.status,
    agentConnected: instance.agentConnected,
    runningTasksCount: running,
    pendingTasksCount: pending,
    attributes: instance.attributes.map((a) => ({ ...a })),
    registeredAt: epochSeconds(ctx, instance.registeredAt),
    tags: instance.tags.map((t) => ({ ...t })),
  };
}

export function describeContainerInstances(ctx: SimContext, input: { cluster?: string; containerInstances: string[] }) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const refs = optionalStringList(request.containerInstances, 'containerInstances', 100);
  if (!refs || refs.length === 0) throw invalidParameter('Container instance cannot be empty.', 'containerInstances');
  const containerInstances: ContainerInstance[] = [];
  const failures: Failure[] = [];
  for (const ref of refs) {
    const id = ownResourceId(ctx, String(ref), 'containerInstances');
    const instance = [...cluster.instances.values()].find((i) => i.id === id || i.ec2InstanceId === id);
    if (instance) containerInstances.push(containerInstanceView(ctx, instance));
    else failures.push({ arn: String(ref), reason: 'MISSING' });
  }
  return { containerInstances, failures };
}

export function listContainerInstances(ctx: SimContext, input: { cluster?: string; status?: string } = {}) {
  const request = requireObject(input ?? {}, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const status = optionalString(request.status, 'status');
  return {
    containerInstanceArns: [...cluster.instances.values()]
      .filter((i) => (status ? i.status === status : i.status !== 'INACTIVE'))
      .map((i) => i.arn),
  };
}
