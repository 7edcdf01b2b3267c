import { deploymentBounds, type ClusterViewSnapshot, type EcsSimulator, type PhaseCounts, type SimEvent } from '../../core/index.js';
import type { Pickle, PickleStep } from '@cucumber/messages';
import type { TrafficClient } from '../../core/sim/traffic-control.js';
import { ScenarioWorld } from '../world/scenario-world.js';
import { parseFeature, type FeatureParameter, type ParsedFeature } from './parse-feature.js';
import { matchStep, suggestSteps } from './step-matcher.js';

/**
 * Runs a feature in-process, step by step, with the same step library cucumber uses, and records what a
 * player needs to replay it: each step's outcome and virtual time, the event log, and a picture of the
 * cluster at every instant something changed. Pure and synchronous: it runs in the browser as in Node.
 */
export type { FeatureParameter };

export interface RunFeatureOptions {
  seed?: number;
  /** Overrides the first Examples row of Scenario Outlines, by column name. */
  exampleValues?: Record<string, string>;
  /** The simulator each scenario starts on, given the seed (default: a new one in-process). */
  simulator?: (seed: number) => EcsSimulator;
}

export type StepStatus = 'passed' | 'failed' | 'skipped' | 'undefined';

export interface StepRun {
  keyword: string;
  text: string;
  line: number;
  status: StepStatus;
  error?: string;
  suggestions?: string[];
  /** Virtual milliseconds. */
  startedAt: number;
  endedAt: number;
  /** The events this step caused: `events.slice(eventsFrom, eventsTo)` of its scenario. */
  eventsFrom: number;
  eventsTo: number;
  /** The pictures of the cluster while it ran: `frames.slice(framesFrom, framesTo)`; the last is its end state. */
  framesFrom: number;
  framesTo: number;
  /** The step's doc string or data table, as written in the feature. */
  docString?: string;
  dataTable?: string[][];
}

export interface ServiceBounds {
  desiredCount: number;
  /** ceil(desired × minimumHealthyPercent / 100): healthy tasks a deployment keeps. */
  lower: number;
  /** floor(desired × maximumPercent / 100): tasks running or pending at most. */
  upper: number;
}

export interface Frame {
  time: number;
  view: ClusterViewSnapshot;
  /** service name -> "family:revision" -> counts */
  tasksByRevision: Record<string, Record<string, PhaseCounts>>;
  /** service name -> its desired count and deployment bounds at that moment */
  bounds: Record<string, ServiceBounds>;
}

export type RunStatus = 'passed' | 'failed' | 'undefined';

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

export interface ScenarioRun {
  name: string;
  line: number;
  /** Comes from a Scenario Outline: its Examples values are the feature's parameters. */
  outline: boolean;
  status: RunStatus;
  steps: StepRun[];
  frames: Frame[];
  events: SimEvent[];
  /** Whole-run series, kept out of the frames: the player slices them at the playhead. Empty without traffic. */
  traffic: TrafficRun[];
  /** Empty unless the scenario registers a scalable target. */
  scaling: ScalingRun[];
}

export interface FeatureRun {
  name: string;
  description: string;
  status: RunStatus;
  scenarios: ScenarioRun[];
  parameters: FeatureParameter[];
}

export const DEFAULT_SEED = 1;

export function runFeature(source: string, options: RunFeatureOptions = {}): FeatureRun {
  const parsed = parseFeature(source, options.exampleValues);
  const scenarios = parsed.pickles.map((pickle) => ({
    ...runScenario(pickle, options, parsed.lines.get(pickle.id) ?? 0, parsed.stepSources),
    outline: pickle.astNodeIds.length > 1,
  }));
  return {
    name: parsed.name,
    description: parsed.description,
    status: overallStatus(scenarios.map((s) => s.status)),
    scenarios,
    parameters: parsed.parameters,
  };
}

function overallStatus(statuses: RunStatus[]): RunStatus {
  if (statuses.includes('failed')) return 'failed';
  if (statuses.includes('undefined')) return 'undefined';
  return 'passed';
}

function runScenario(pickle: Pickle, options: RunFeatureOptions, line: number, stepSources: StepSources): Omit<ScenarioRun, 'outline'> {
  const seed = options.seed ?? DEFAULT_SEED;
  const world = new ScenarioWorld(seed, options.simulator?.(seed));
  const frames: Frame[] = [];
  // Within a step, one picture per instant is enough to draw (the last of the instant wins); the picture
  // at a step's end is kept whatever comes next, so stepping never shows the next step's effects early.
  let stepEndFrames = 0;
  const recordDuringStep = () => {
    const frame = captureFrame(world);
    const last = frames.length - 1;
    if (last >= stepEndFrames && frames[last].time === frame.time) frames[last] = frame;
    else frames.push(frame);
  };
  const stopRecording = world.sim.control.onStep(recordDuringStep);
  const steps: StepRun[] = [];
  const traffic = new Map<string, TrafficRun>();
  let failed = false;
  for (const step of pickle.steps) {
    const framesFrom = frames.length;
    const run = failed ? skipped(step, world, stepSources) : runStep(step, world, stepSources);
    if (run.status === 'failed' || run.status === 'undefined') failed = true;
    frames.push(captureFrame(world));
    stepEndFrames = frames.length;
    steps.push({ ...run, framesFrom, framesTo: frames.length });
    captureTraffic(world, traffic);
  }
  stopRecording();
  const status: RunStatus = steps.some((s) => s.status === 'failed')
    ? 'failed'
    : steps.some((s) => s.status === 'undefined')
      ? 'undefined'
      : 'passed';
  return { name: pickle.name, line, status, steps, frames, events: [...world.sim.control.events()], traffic: [...traffic.values()], scaling: scalingOf(world) };
}

type StepSources = ParsedFeature['stepSources'];

function skipped(step: PickleStep, world: ScenarioWorld, stepSources: StepSources): Omit<StepRun, 'framesFrom' | 'framesTo'> {
  const now = world.sim.control.now * 1000;
  const events = world.sim.control.events().length;
  const source = stepSources.get(step.astNodeIds[0]);
  return {
    keyword: source?.keyword ?? '*',
    text: step.text,
    line: source?.line ?? 0,
    status: 'skipped',
    startedAt: now,
    endedAt: now,
    eventsFrom: events,
    eventsTo: events,
    ...(step.argument?.docString ? { docString: step.argument.docString.content } : {}),
    ...(step.argument?.dataTable ? { dataTable: step.argument.dataTable.rows.map((r) => r.cells.map((c) => c.value)) } : {}),
  };
}

function runStep(step: PickleStep, world: ScenarioWorld, stepSources: StepSources): Omit<StepRun, 'framesFrom' | 'framesTo'> {
  const base = skipped(step, world, stepSources);
  const matches = matchStep(step.text);
  if (matches.length === 0) {
    return { ...base, status: 'undefined', error: `Undefined step: ${step.text}`, suggestions: suggestSteps(step.text) };
  }
  if (matches.length > 1) {
    return { ...base, status: 'failed', error: `Ambiguous step: ${step.text} matches ${matches.map((m) => `"${m.definition.expression}"`).join(' and ')}` };
  }
  const extra = base.docString !== undefined ? [base.docString] : base.dataTable ? [base.dataTable] : [];
  try {
    matches[0].definition.run(world, ...matches[0].args, ...extra);
    return { ...base, status: 'passed', ...ending(world) };
  } catch (error) {
    const message = error instanceof Error ? (error.name === 'StepFailure' || error.name === 'Error' ? error.message : `${error.name}: ${error.message}`) : String(error);
    return { ...base, status: 'failed', error: message, ...ending(world) };
  }
}

function ending(world: ScenarioWorld) {
  return { endedAt: world.sim.control.now * 1000, eventsTo: world.sim.control.events().length };
}

function captureFrame(world: ScenarioWorld): Frame {
  const view = world.sim.control.view();
  const tasksByRevision: Frame['tasksByRevision'] = {};
  for (const cluster of view.clusters) {
    for (const tasks of [...cluster.instances.map((i) => i.tasks), cluster.fargateTasks]) {
      for (const task of tasks) {
        if (!task.serviceName) continue;
        const byRevision = (tasksByRevision[task.serviceName] ??= {});
        const c = (byRevision[`${task.family}:${task.revision}`] ??= { pending: 0, running: 0, healthy: 0, stopping: 0 });
        if (task.desiredStatus === 'STOPPED') c.stopping++;
        else if (task.lastStatus !== 'RUNNING') c.pending++;
        else {
          c.running++;
          if (task.healthy) c.healthy++;
        }
      }
    }
  }
  return { time: view.time, view, tasksByRevision, bounds: boundsOf(world) };
}

function boundsOf(world: ScenarioWorld): Frame['bounds'] {
  const bounds: Frame['bounds'] = {};
  for (const cluster of world.sim.listClusters().clusterArns) {
    const { serviceArns } = world.sim.listServices({ cluster });
    for (let i = 0; i < serviceArns.length; i += 10) {
      for (const s of world.sim.describeServices({ cluster, services: serviceArns.slice(i, i + 10) }).services) {
        const { minimumHealthyPercent, maximumPercent } = s.deploymentConfiguration;
        bounds[s.serviceName] = { desiredCount: s.desiredCount, ...deploymentBounds(s.desiredCount, minimumHealthyPercent, maximumPercent) };
      }
    }
  }
  return bounds;
}

function routeOf(client: TrafficClient): string {
  if (client.loadBalancer !== undefined) return `load balancer ${client.loadBalancer}`;
  if (client.dnsName !== undefined) return `DNS ${client.dnsName}`;
  return `Service Connect ${client.serviceConnect}`;
}

/**
 * Reads the history of every client running now, after each step: a client's history goes when it is
 * stopped, so the last reading before its stop is what the run keeps.
 */
function captureTraffic(world: ScenarioWorld, traffic: Map<string, TrafficRun>): void {
  for (const client of world.sim.control.trafficClients()) {
    const seconds = world.sim.control.trafficHistory(client.name).map(({ time, requests, errors }) => ({ time, requests, errors }));
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
function scalingOf(world: ScenarioWorld): ScalingRun[] {
  const autoScaling = world.sim.applicationAutoScaling;
  const { ScalingPolicies } = autoScaling.describeScalingPolicies(ECS_SERVICES);
  const metricOf = (t: TargetTracking | undefined) => SCALED_METRICS.get(t?.PredefinedMetricSpecification?.PredefinedMetricType ?? '');
  return autoScaling.describeScalableTargets(ECS_SERVICES).ScalableTargets.map(({ ResourceId }) => {
    const [, cluster, service] = ResourceId.split('/');
    // With both a CPU and a memory policy the last listed wins; with neither the chart shows CPU, untargeted.
    const policy = ScalingPolicies.filter((p) => p.ResourceId === ResourceId)
      .map((p) => p.TargetTrackingScalingPolicyConfiguration as TargetTracking | undefined)
      .filter((t) => metricOf(t) !== undefined)
      .at(-1);
    const metric = metricOf(policy) ?? 'CPUUtilization';
    const datapoints = world.sim.control.metricHistory({ cluster, service, metric });
    return { service, metric, ...(policy ? { target: policy.TargetValue } : {}), datapoints };
  });
}
