import type { TrafficClient } from '../../core/sim/traffic-control.js';
import type { ScenarioWorld } from '../world/scenario-world.js';

/** The whole-run series the runner reads through the port after each step, for the player's charts. */

/** One second of a client's calls, as the error-rate chart draws it. */
export interface TrafficSecond {
  /** Virtual ms at the end of the second. */
  time: number;
  requests: number;
  errors: number;
}

/** A client the scenario started (`control.startTraffic`), and every second of its calls over the run. */
export interface TrafficRun {
  name: string;
  /** How it reaches the service: "load balancer web-alb", "DNS backend.demo.local", "Service Connect backend". */
  route: string;
  seconds: TrafficSecond[];
}

/** A service metric a target-tracking policy can scale on, as the scaling chart draws it. */
export type ScaledMetric = 'CPUUtilization' | 'MemoryUtilization';

/** A service the scenario scales with Application Auto Scaling: the metric it scales on and the target its policy keeps. */
export interface ScalingRun {
  service: string;
  /** The metric of its last CPU or memory target-tracking policy; CPU when it has none. */
  metric: ScaledMetric;
  /** That policy's TargetValue (%), if the scenario set one. */
  target?: number;
  /** One-minute datapoints of the metric over the run. */
  datapoints: Array<{ time: number; value: number }>;
}

function routeOf(client: TrafficClient): string {
  const headers = Object.entries(client.headers ?? {}).map(([name, value]) => `${name}: ${value}`);
  const aim = `${client.port === undefined ? '' : `:${client.port}`}${headers.length > 0 ? `, sending ${headers.join(', ')}` : ''}`;
  if (client.loadBalancer !== undefined) return `load balancer ${client.loadBalancer}${aim}`;
  if (client.url !== undefined) return `${client.url}${aim}`;
  if (client.dnsName !== undefined) return `DNS ${client.dnsName}`;
  return `Service Connect ${client.serviceConnect}`;
}

/**
 * Reads the history of every client running now, after each step: a client's history goes when it is
 * stopped, so the last reading before its stop is what the run keeps.
 */
export async function captureTraffic(world: ScenarioWorld, traffic: Map<string, TrafficRun>): Promise<void> {
  for (const client of await world.sim.control('trafficClients')) {
    const seconds = (await world.sim.control('trafficHistory', client.name)).map(({ time, requests, errors }) => ({ time, requests, errors }));
    traffic.set(client.name, { name: client.name, route: routeOf(client), seconds });
  }
}

const ECS_SERVICES = { ServiceNamespace: 'ecs', ScalableDimension: 'ecs:service:DesiredCount' } as const;

/** What of a target-tracking configuration the chart reads (the facade types its metric loosely). */
type TargetTracking = { TargetValue: number; PredefinedMetricSpecification?: { PredefinedMetricType: string } };

/** The service metric each predefined target-tracking metric follows; requests per target or a backlog have none to draw. */
const SCALED_METRICS = new Map<string, ScaledMetric>([
  ['ECSServiceAverageCPUUtilization', 'CPUUtilization'],
  ['ECSServiceAverageMemoryUtilization', 'MemoryUtilization'],
]);

/** The ECS services with a scalable target, each with the metric its policy scales on over the run and that policy's target. */
export async function scalingOf(world: ScenarioWorld): Promise<ScalingRun[]> {
  const { ScalingPolicies } = await world.sim.call('applicationAutoScaling', 'describeScalingPolicies', ECS_SERVICES);
  const { ScalableTargets } = await world.sim.call('applicationAutoScaling', 'describeScalableTargets', ECS_SERVICES);
  const metricOf = (t: TargetTracking | undefined) => SCALED_METRICS.get(t?.PredefinedMetricSpecification?.PredefinedMetricType ?? '');
  const runs: ScalingRun[] = [];
  for (const { ResourceId } of ScalableTargets) {
    const [, cluster, service] = ResourceId.split('/');
    // With both a CPU and a memory policy the last listed wins; with neither the chart shows CPU, untargeted.
    const policy = ScalingPolicies.filter((p) => p.ResourceId === ResourceId)
      .map((p) => p.TargetTrackingScalingPolicyConfiguration as TargetTracking | undefined)
      .filter((t) => metricOf(t) !== undefined)
      .at(-1);
    const metric = metricOf(policy) ?? 'CPUUtilization';
    const datapoints = await world.sim.control('metricHistory', { cluster, service, metric });
    runs.push({ service, metric, ...(policy ? { target: policy.TargetValue } : {}), datapoints });
  }
  return runs;
}
