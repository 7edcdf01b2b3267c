import type { SimContext } from '../kernel/context.js';
import type { EcsHooks } from '../ecs/model/ecs-hooks.js';
import type { InstanceRecord, TaskRecord } from '../ecs/model/state.js';
import {
  EC2_ON_DEMAND_HOUR,
  EC2_SPOT_DISCOUNT,
  ECS_ANYWHERE_INSTANCE_HOUR,
  FARGATE_GB_HOUR,
  FARGATE_MINIMUM_SECONDS,
  FARGATE_SPOT_DISCOUNT,
  FARGATE_VCPU_HOUR,
  LOAD_BALANCER_HOUR,
  MANAGED_INSTANCES_FEE_FRACTION,
  CUSTOM_METRIC_MONTH,
  MINUTES_PER_METRIC_MONTH,
  RATES_LABEL,
} from './rates.js';

/** What a run has cost so far: one line per kind of usage, with the quantity, the rate and the cost. */
export interface CostLine {
  item: string;
  quantity: number;
  unit: string;
  rate: number;
  cost: number;
}

export interface CostReport {
  rates: string;
  lines: CostLine[];
  total: number;
}

/** Usage that ended (stopped tasks, terminated instances), kept once the records themselves expire. */
export interface CostLedger {
  usage: Map<string, { quantity: number; unit: string; rate: number }>;
}

export const createCostLedger = (): CostLedger => ({ usage: new Map() });

function add(into: CostLedger['usage'], item: string, quantity: number, unit: string, rate: number): void {
  const line = into.get(item) ?? { quantity: 0, unit, rate };
  line.quantity += quantity;
  into.set(item, line);
}

function fargateUsage(into: CostLedger['usage'], task: TaskRecord, until: number): void {
  if (task.launchType !== 'FARGATE' || task.pullStartedAt === undefined) return;
  const seconds = Math.max(FARGATE_MINIMUM_SECONDS, (Math.min(until, task.stoppedAt ?? until) - task.pullStartedAt) / 1000);
  const spot = task.capacityProviderName === 'FARGATE_SPOT';
  const factor = spot ? 1 - FARGATE_SPOT_DISCOUNT : 1;
  const label = spot ? 'Fargate Spot' : 'Fargate';
  add(into, `${label} vCPU-hours`, (task.cpu / 1024) * (seconds / 3600), 'vCPU-h', FARGATE_VCPU_HOUR * factor);
  add(into, `${label} GB-hours`, (task.memory / 1024) * (seconds / 3600), 'GB-h', FARGATE_GB_HOUR * factor);
}

function instanceUsage(into: CostLedger['usage'], instance: InstanceRecord, until: number): void {
  const hours = (until - instance.registeredAt) / 3_600_000;
  if (instance.external) {
    add(into, 'ECS Anywhere on-premises instance-hours', hours, 'instance-h', ECS_ANYWHERE_INSTANCE_HOUR);
    return;
  }
  const spot = instance.lifecycle === 'spot';
  const rate = (EC2_ON_DEMAND_HOUR[instance.instanceType] ?? 0) * (spot ? 1 - EC2_SPOT_DISCOUNT : 1);
  add(into, `EC2 ${instance.instanceType}${spot ? ' Spot' : ''} instance-hours`, hours, 'instance-h', rate);
  if (instance.managed) {
    const fee = (EC2_ON_DEMAND_HOUR[instance.instanceType] ?? 0) * MANAGED_INSTANCES_FEE_FRACTION;
    add(into, `Managed Instances fee ${instance.instanceType} instance-hours (illustrative)`, hours, 'instance-h', fee);
  }
}

/**
 * The meter listens to ECS: a stopped task's usage goes to the ledger before its record expires, and so
 * does an instance's when it leaves its cluster.
 */
export function subscribeCostMeter(hooks: EcsHooks): void {
  hooks.taskStopped.on((ctx, task) => fargateUsage(ctx.state.costLedger.usage, task, ctx.clock.now));
  hooks.instanceRemoved.on((ctx, instance) => instanceUsage(ctx.state.costLedger.usage, instance, ctx.clock.now));
}

export function costReport(ctx: SimContext): CostReport {
  const usage = new Map([...ctx.state.costLedger.usage].map(([k, v]) => [k, { ...v }]));
  const now = ctx.clock.now;
  for (const cluster of ctx.state.clusters.values()) {
    for (const task of cluster.tasks.values()) if (task.lastStatus !== 'STOPPED') fargateUsage(usage, task, now);
    for (const instance of cluster.instances.values()) if (instance.status !== 'INACTIVE') instanceUsage(usage, instance, now);
  }
  for (const lb of ctx.state.elb.loadBalancers.values()) add(usage, 'Load balancer hours', (now - lb.createdAt) / 3_600_000, 'LB-h', LOAD_BALANCER_HOUR);
  const insights = ctx.state.observability.insightsDatapoints;
  if (insights > 0) add(usage, 'Container Insights metrics', insights / MINUTES_PER_METRIC_MONTH, 'metric-month', CUSTOM_METRIC_MONTH);
  const lines = [...usage.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([item, u]) => ({ item, quantity: round(u.quantity, 4), unit: u.unit, rate: u.rate, cost: round(u.quantity * u.rate, 4) }));
  return { rates: RATES_LABEL, lines, total: round(lines.reduce((sum, l) => sum + l.cost, 0), 4) };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

declare module '../kernel/context.js' {
  interface SimState {
    /** Usage that has ended, for the cost meter. */
    costLedger: CostLedger;
  }
}
