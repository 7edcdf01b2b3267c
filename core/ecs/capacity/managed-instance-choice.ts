import type { InstanceRequirements } from '../model/managed-instances-state.js';
import type { InstanceTypeSpec } from '../model/instance-types.js';
import { instancesNeededFor } from './managed-scaling.js';

/** What a waiting task needs of a new instance. */
export interface WaitingNeed {
  cpu: number;
  memory: number;
  /** awsvpc tasks take one of the instance's task network interfaces. */
  enis: number;
}

export interface ManagedInstanceChoice {
  instanceType: string;
  count: number;
}

/** awsvpc tasks a Managed Instance holds: the simulator gives them ENI trunking where the type has it. */
export const managedTaskEniLimit = (spec: InstanceTypeSpec): number => (spec.trunkedTasks > 0 ? spec.trunkedTasks : spec.enis - 1);

const glob = (pattern: string, name: string) => new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`).test(name);
const family = (type: string) => type.slice(0, type.indexOf('.'));
const isBurstable = (type: string) => family(type).startsWith('t');
const isGeneralPurpose = (type: string) => family(type).startsWith('m') || isBurstable(type);
/** Graviton types are made by amazon-web-services; the others in the catalogue by Intel. */
const manufacturer = (spec: InstanceTypeSpec) => (spec.architecture === 'arm64' ? 'amazon-web-services' : 'intel');

/**
 * The types attribute-based selection allows. As in EC2, burstable (t) types are left out unless
 * burstablePerformance is included or required, and patterns may use `*`. The simulator adds one rule:
 * Graviton (arm64) types only when cpuManufacturers names amazon-web-services, since an image built for
 * x86 would not run there.
 */
export function allowedInstanceTypes(catalogue: Readonly<Record<string, InstanceTypeSpec>>, wanted: InstanceRequirements | undefined): string[] {
  return Object.keys(catalogue).filter((type) => {
    const spec = catalogue[type];
    if (!wanted) return spec.architecture === 'x86_64' && !isBurstable(type);
    const { vCpuCount, memoryMiB } = wanted;
    if (spec.vcpu < vCpuCount.min || (vCpuCount.max !== undefined && spec.vcpu > vCpuCount.max)) return false;
    if (spec.memoryMiB < memoryMiB.min || (memoryMiB.max !== undefined && spec.memoryMiB > memoryMiB.max)) return false;
    const manufacturers = wanted.cpuManufacturers ?? ['intel', 'amd'];
    if (!manufacturers.includes(manufacturer(spec))) return false;
    if (wanted.allowedInstanceTypes && !wanted.allowedInstanceTypes.some((p) => glob(p, type))) return false;
    if (wanted.excludedInstanceTypes?.some((p) => glob(p, type))) return false;
    const burstable = wanted.burstablePerformance ?? 'excluded';
    return burstable === 'included' || (burstable === 'required') === isBurstable(type);
  });
}

/**
 * Which instances ECS launches for the tasks waiting on a Managed Instances provider. ECS says only that it
 * picks cost-optimised general-purpose types and packs several tasks on each; the simulator's rule: among
 * the allowed types, general-purpose (m, and t when allowed) families first, others only when none of those
 * holds the largest task; then the fewest vCPUs launched in all, then the least memory (EC2 prices a type by
 * its vCPUs and memory), then the fewest instances, then the type's name. Undefined when no allowed type holds the largest task.
 * Each instance keeps `overhead` free for the Managed Daemons' tasks that start on it first.
 */
export function chooseManagedInstances(
  waiting: readonly WaitingNeed[],
  catalogue: Readonly<Record<string, InstanceTypeSpec>>,
  wanted: InstanceRequirements | undefined,
  overhead: { cpu: number; memory: number } = { cpu: 0, memory: 0 },
): ManagedInstanceChoice | undefined {
  if (waiting.length === 0) return undefined;
  const roomOf = (type: string) => ({ cpu: catalogue[type].vcpu * 1024 - overhead.cpu, memory: catalogue[type].memoryMiB - overhead.memory });
  const fitsAll = (type: string) => waiting.every((t) => t.cpu <= roomOf(type).cpu && t.memory <= roomOf(type).memory);
  const allowed = allowedInstanceTypes(catalogue, wanted).filter(fitsAll);
  const general = allowed.filter(isGeneralPurpose);
  const pool = general.length > 0 ? general : allowed;
  const awsvpc = waiting.filter((t) => t.enis > 0).length;
  const options = pool.map((instanceType) => {
    const spec = catalogue[instanceType];
    const byResources = instancesNeededFor([...waiting], roomOf(instanceType));
    const count = Math.max(byResources, Math.ceil(awsvpc / Math.max(1, managedTaskEniLimit(spec))));
    return { instanceType, count, vcpus: count * spec.vcpu, memory: count * spec.memoryMiB };
  });
  options.sort((a, b) => a.vcpus - b.vcpus || a.memory - b.memory || a.count - b.count || (a.instanceType < b.instanceType ? -1 : 1));
  return options[0] && { instanceType: options[0].instanceType, count: options[0].count };
}
