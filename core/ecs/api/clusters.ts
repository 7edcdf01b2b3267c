import type { CapacityProviderStrategyItem, Cluster, CreateClusterRequest } from '../model/types.js';
import { validateCapacityProviderStrategy } from '../capacity/launch-target.js';
import { isKnownCapacityProvider } from '../capacity/capacity-providers-api.js';
import { EcsError } from '../../kernel/errors.js';
import { ownResourceId, resolveCluster } from '../model/resolve.js';
import { arns } from '../../kernel/arns.js';
import type { SimContext } from '../../kernel/context.js';
import type { ClusterRecord } from '../model/state.js';
import { optionalArray, optionalEnum, optionalString, optionalStringList, requireName, requireObject, validateTags } from '../../kernel/fields.js';
import { containerInsightsChanged } from '../integrations/container-insights.js';
import { startMetricsMinute } from '../../cloudwatch/metrics-minute.js';

export function clusterView(cluster: ClusterRecord): Cluster {
  let running = 0;
  let pending = 0;
  for (const task of cluster.tasks.values()) {
    if (task.desiredStatus !== 'RUNNING') continue;
    if (task.lastStatus === 'RUNNING') running++;
    else if (task.lastStatus !== 'STOPPED') pending++;
  }
  return {
    clusterArn: cluster.arn,
    clusterName: cluster.name,
    status: cluster.status,
    registeredContainerInstancesCount: [...cluster.instances.values()].filter((i) => i.status !== 'INACTIVE').length,
    runningTasksCount: running,
    pendingTasksCount: pending,
    activeServicesCount: [...cluster.services.values()].filter((s) => s.status === 'ACTIVE').length,
    statistics: [],
    tags: cluster.tags.map((t) => ({ ...t })),
    settings: cluster.settings.map((s) => ({ ...s })),
    capacityProviders: [...cluster.capacityProviders],
    defaultCapacityProviderStrategy: cluster.defaultCapacityProviderStrategy.map((s) => ({ ...s })),
  };
}

function validateProviders(ctx: SimContext, input: unknown): string[] {
  const names = (optionalArray(input, 'capacityProviders', 20) ?? []).map((p, i) => optionalString(p, `capacityProviders[${i}]`)!);
  for (const [i, name] of names.entries()) {
    if (!isKnownCapacityProvider(ctx, name)) {
      throw new EcsError('InvalidParameterException', `The specified capacity provider ${name} does not exist. Use FARGATE, FARGATE_SPOT, or one made with CreateCapacityProvider.`, `capacityProviders[${i}]`);
    }
  }
  return [...new Set(names)];
}

/** Cluster settings: containerInsights is the only one ECS has (enabled, enhanced or disabled). */
function validateSettings(input: unknown): ClusterRecord['settings'] | undefined {
  const list = optionalArray(input, 'settings', 10);
  if (!list) return undefined;
  return list.map((item, i) => {
    const setting = requireObject(item, `settings[${i}]`);
    const name = optionalEnum(setting.name, `settings[${i}].name`, ['containerInsights']);
    const value = optionalEnum(setting.value, `settings[${i}].value`, ['enabled', 'disabled', 'enhanced']);
    if (!name || !value) throw new EcsError('InvalidParameterException', `settings[${i}] needs a name (containerInsights) and a value (enabled, enhanced or disabled).`, `settings[${i}]`);
    return { name, value };
  });
}

/** Turns Container Insights on or off for a cluster from now on. */
export function updateClusterSettings(ctx: SimContext, input: { cluster: string; settings: Array<{ name: 'containerInsights'; value: string }> }) {
  const request = requireObject(input, 'request');
  const settings = validateSettings(request.settings);
  if (!settings || settings.length === 0) throw new EcsError('InvalidParameterException', 'settings should not be null or empty.', 'settings');
  const cluster = resolveCluster(ctx, request.cluster);
  cluster.settings = [settings[settings.length - 1]];
  if (containerInsightsChanged(ctx, cluster)) startMetricsMinute(ctx);
  return { cluster: clusterView(cluster) };
}

/** Associates FARGATE / FARGATE_SPOT with the cluster and sets its default strategy. */
export function putClusterCapacityProviders(
  ctx: SimContext,
  input: { cluster: string; capacityProviders: string[]; defaultCapacityProviderStrategy: CapacityProviderStrategyItem[] },
) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const providers = validateProviders(ctx, request.capacityProviders);
  const strategy = validateCapacityProviderStrategy(request.defaultCapacityProviderStrategy, 'defaultCapacityProviderStrategy', { ...cluster, capacityProviders: providers });
  const inUse = [...cluster.services.values()].flatMap((s) => (s.status === 'ACTIVE' ? s.capacityProviderStrategy.map((i) => i.capacityProvider) : []));
  const removed = inUse.find((p) => !providers.includes(p));
  if (removed) throw new EcsError('ResourceInUseException', `The capacity provider ${removed} is in use by a service and cannot be removed.`, 'capacityProviders');
  cluster.capacityProviders = providers;
  cluster.defaultCapacityProviderStrategy = strategy;
  return { cluster: clusterView(cluster) };
}

export function createCluster(ctx: SimContext, input: CreateClusterRequest = {}): { cluster: Cluster } {
  const request = requireObject(input ?? {}, 'request');
  const name = request.clusterName === undefined ? 'default' : requireName(request.clusterName, 'clusterName');
  const tags = validateTags(request.tags);
  const capacityProviders = validateProviders(ctx, request.capacityProviders);
  const settings = validateSettings(request.settings);
  const existing = ctx.state.clusters.get(name);
  // CreateCluster is idempotent: the same name returns the existing cluster.
  if (existing && existing.status === 'ACTIVE') return { cluster: clusterView(existing) };
  const cluster: ClusterRecord = {
    arn: arns.cluster(ctx, name),
    name,
    status: 'ACTIVE',
    instances: new Map(),
    services: new Map(),
    tasks: new Map(),
    tags,
    // Without a setting, a new cluster takes the account's containerInsights default.
    settings: settings?.length ? [settings[settings.length - 1]] : [{ name: 'containerInsights', value: ctx.state.accountSettings.get('containerInsights') ?? 'disabled' }],
    capacityProviders,
    defaultCapacityProviderStrategy: [],
  };
  cluster.defaultCapacityProviderStrategy = validateCapacityProviderStrategy(request.defaultCapacityProviderStrategy, 'defaultCapacityProviderStrategy', cluster);
  ctx.state.clusters.set(name, cluster);
  if (containerInsightsChanged(ctx, cluster)) startMetricsMinute(ctx);
  return { cluster: clusterView(cluster) };
}

/** DescribeClusters: a cluster's tags only when `include` asks for TAGS, as ECS answers. */
export function describeClusters(ctx: SimContext, input: { clusters?: string[]; include?: string[] } = {}) {
  const request = requireObject(input ?? {}, 'request');
  const names = optionalStringList(request.clusters, 'clusters', 100) ?? ['default'];
  const withTags = optionalStringList(request.include, 'include')?.includes('TAGS') ?? false;
  const clusters: Cluster[] = [];
  const failures: Array<{ arn: string; reason: string }> = [];
  for (const ref of names) {
    const record = ctx.state.clusters.get(ownResourceId(ctx, ref, 'clusters'));
    if (record) clusters.push(withTags ? clusterView(record) : withoutTags(clusterView(record)));
    else failures.push({ arn: ref.startsWith('arn:') ? ref : arns.cluster(ctx, ref), reason: 'MISSING' });
  }
  return { clusters, failures };
}

const withoutTags = ({ tags: _tags, ...cluster }: Cluster): Cluster => cluster;

export function listClusters(ctx: SimContext) {
  return { clusterArns: [...ctx.state.clusters.values()].filter((c) => c.status === 'ACTIVE').map((c) => c.arn) };
}

export function deleteCluster(ctx: SimContext, input: { cluster: string }) {
  const cluster = resolveCluster(ctx, requireObject(input, 'request').cluster);
  if ([...cluster.instances.values()].some((i) => i.status !== 'INACTIVE')) {
    throw new EcsError('ClientException', 'The Cluster cannot be deleted while Container Instances are active or draining.', 'cluster');
  }
  if ([...cluster.services.values()].some((s) => s.status !== 'INACTIVE')) {
    throw new EcsError('ClientException', 'The Cluster cannot be deleted while Services are active.', 'cluster');
  }
  cluster.status = 'INACTIVE';
  return { cluster: clusterView(cluster) };
}
