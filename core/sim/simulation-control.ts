import { invalidParameter } from '../kernel/errors.js';
import { resolveCluster, resolveService } from '../ecs/model/resolve.js';
import { epochSeconds, type SimContext, type SimulatorOptions } from '../kernel/context.js';
import type { SimulatorSnapshot } from '../kernel/journal.js';
import type { SimEvent } from '../kernel/event-log.js';
import type { ServiceCensusPoint } from '../ecs/model/task-census.js';
import type { ImageBehaviour } from '../ecs/model/image-catalogue.js';
import type { PlacementExplanation } from '../ecs/model/placement-explanation.js';
import { clusterView, type ClusterViewSnapshot } from './cluster-view.js';
import { addInstances, type AddInstancesRequest } from '../ecs/capacity/add-instances.js';
import { addExternalInstances, type AddExternalInstancesRequest } from '../ecs/capacity/add-external-instances.js';
import { disconnectAgent, reconnectAgent, type AgentConnectionRequest } from './agent-connection.js';
import { interruptSpotInstance } from './spot-interruption.js';
import { setAlarmState } from '../cloudwatch/alarm-state.js';
import { produceMessages, type ProduceMessagesRequest } from '../workload/producer.js';
import { startTraffic, stopTraffic, trafficClients, trafficHistory, type StartTrafficRequest, type TrafficClient } from './traffic-control.js';
import { exitContainer, failInstance, failZone, killTask } from './faults.js';
import { createAutoScalingGroup, type CreateAutoScalingGroupRequest } from './auto-scaling-group-control.js';
import { serviceMetricKey } from '../cloudwatch/metric-source.js';
import { costReport, type CostReport } from '../cost/cost-meter.js';
import { traceCounts } from '../workload/traces.js';
import { insightsSeries } from '../cloudwatch/insights-series.js';
import { resolvePath } from '../ecs/integrations/file-access.js';
import type { SecondRecord } from '../workload/load-generator.js';
import { validateImageBehaviour } from '../ecs/task-definitions/image-behaviour.js';
import { optionalString, requireObject, requireString } from '../kernel/fields.js';
import { interruptFargateSpotTasks, setFargateCapacity } from './fargate-spot.js';
import { setLambdaAnswer, type LambdaAnswerRequest } from './lambda-hook-control.js';
import { replaceManagedInstances, type ReplaceManagedInstancesRequest } from './managed-instances-control.js';
import { configureSubnet, createVpcEndpoint, type ConfigureSubnetRequest, type CreateVpcEndpointRequest } from '../vpc/vpc-api.js';

/** The longest a single run-until may simulate: a guard against a scenario waiting forever. */
const MAX_RUN_SECONDS = 30 * 24 * 3600;

function checkSeconds(seconds: unknown, field: string): number {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_RUN_SECONDS) {
    throw invalidParameter(`${field} must be a number of seconds from 0 to ${MAX_RUN_SECONDS}.`, field);
  }
  return seconds;
}

/**
 * What a simulator can do that ECS cannot: add capacity by hand, say how images behave, move time,
 * and look at the whole history. Kept apart from the ECS API on purpose.
 */
export class SimulationControl {
  constructor(
    private readonly ctx: SimContext,
    private readonly options: SimulatorOptions,
  ) {}

  /** Everything needed to rebuild this simulator exactly (see journal.ts); `restoreSimulator` reads it. */
  snapshot(): SimulatorSnapshot {
    return this.ctx.journal.snapshot(this.options);
  }

  /** Runs everything due up to virtual time `virtualMs` (how snapshots replay the clock). */
  advanceTo(virtualMs: number): { now: number } {
    const now = this.ctx.clock.now;
    if (typeof virtualMs !== 'number' || !Number.isInteger(virtualMs) || virtualMs < now || virtualMs - now > MAX_RUN_SECONDS * 1000) {
      throw invalidParameter(`advanceTo needs a whole number of virtual ms from now (${now}) to ${MAX_RUN_SECONDS} s later.`, 'virtualMs');
    }
    this.ctx.clock.runUntil(virtualMs);
    this.ctx.journal.recordTime(this.ctx.clock.now);
    return { now: this.now };
  }

  /** Journals a successful change made through the control. */
  private changed<T>(name: string, args: unknown[], result: T): T {
    this.ctx.journal.record(`control.${name}`, args);
    return result;
  }

  private timeMoved<T>(result: T): T {
    this.ctx.journal.recordTime(this.ctx.clock.now);
    return result;
  }

  /** Virtual seconds since the start. */
  get now(): number {
    return this.ctx.clock.now / 1000;
  }

  /** The current virtual time as the API writes timestamps: epoch seconds. */
  get nowEpochSeconds(): number {
    return epochSeconds(this.ctx, this.ctx.clock.now);
  }

  addInstances(request: AddInstancesRequest): { containerInstanceArns: string[] } {
    return this.changed('addInstances', [request], addInstances(this.ctx, request));
  }

  /** Servers of your own join the cluster through ECS Anywhere; they take EXTERNAL tasks only. */
  addExternalInstances(request: AddExternalInstancesRequest): { containerInstanceArns: string[] } {
    return this.changed('addExternalInstances', [request], addExternalInstances(this.ctx, request));
  }

  /** Where a subnet's route table sends internet traffic (0.0.0.0/0): what a Fargate task there can reach. */
  configureSubnet(request: ConfigureSubnetRequest): void {
    this.changed('configureSubnet', [request], configureSubnet(this.ctx, request));
  }

  /** EC2's CreateVpcEndpoint in the simulator's one VPC: ECR's and S3's let tasks with no internet pull from ECR. */
  createVpcEndpoint(request: CreateVpcEndpointRequest): ReturnType<typeof createVpcEndpoint> {
    return this.changed('createVpcEndpoint', [request], createVpcEndpoint(this.ctx, request));
  }

  /** An instance's agent loses its connection to ECS: no placements there, stops wait for it. */
  disconnectAgent(request: AgentConnectionRequest): void {
    this.changed('disconnectAgent', [request], disconnectAgent(this.ctx, request));
  }

  /** The agent is back: it carries out the stops it missed. */
  reconnectAgent(request: AgentConnectionRequest): void {
    this.changed('reconnectAgent', [request], reconnectAgent(this.ctx, request));
  }

  /** EC2 reclaims a Spot Instance: two minutes' notice, then the instance is gone. */
  interruptSpotInstance(request: { cluster?: string; instance: string }): { terminatesAt: number } {
    return this.changed('interruptSpotInstance', [request], interruptSpotInstance(this.ctx, request));
  }

  /** AWS reclaims Fargate Spot capacity from running FARGATE_SPOT tasks (oldest first). */
  interruptFargateSpotTasks(request: { cluster?: string; service?: string; count?: number }): { taskArns: string[] } {
    return this.changed('interruptFargateSpotTasks', [request], interruptFargateSpotTasks(this.ctx, request));
  }

  /** Caps how many tasks FARGATE or FARGATE_SPOT can run at once; null lifts the cap. */
  setFargateCapacity(request: { capacityProvider: 'FARGATE' | 'FARGATE_SPOT'; maxTasks: number | null }): void {
    this.changed('setFargateCapacity', [request], setFargateCapacity(this.ctx, request));
  }

  /** A CloudWatch alarm changes state (deployment alarms watch these). */
  setAlarmState(request: { alarmName: string; state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA' }): void {
    this.changed('setAlarmState', [request], setAlarmState(this.ctx, request));
  }

  /** What a blue/green lifecycle hook's simulated Lambda function answers ECS from now on. */
  setLambdaAnswer(request: LambdaAnswerRequest): void {
    this.changed('setLambdaAnswer', [request], setLambdaAnswer(this.ctx, request));
  }

  /** An upstream producer puts messages on an SQS queue: a burst (`count`) or `messagesPerSecond` for `forSeconds`. */
  produceMessages(request: ProduceMessagesRequest): { messages: number } {
    return this.changed('produceMessages', [request], produceMessages(this.ctx, request));
  }

  /** A client starts calling a service through a load balancer, DNS (Cloud Map) or Service Connect. */
  startTraffic(request: StartTrafficRequest): void {
    this.changed('startTraffic', [request], startTraffic(this.ctx, request));
  }

  stopTraffic(request: { name: string }): void {
    this.changed('stopTraffic', [request], stopTraffic(this.ctx, request));
  }

  /** One-minute CloudWatch datapoints of a service metric (CPUUtilization or MemoryUtilization), oldest first. */
  metricHistory(input: { cluster?: string; service: string; metric: 'CPUUtilization' | 'MemoryUtilization' }): Array<{ time: number; value: number }> {
    const request = requireObject(input, 'request');
    const cluster = resolveCluster(this.ctx, request.cluster);
    const service = requireString(request.service, 'service');
    const metric = requireString(request.metric, 'metric');
    return (this.ctx.state.metrics.get(serviceMetricKey(cluster.name, service, metric)) ?? []).map((d) => ({ ...d }));
  }

  /**
   * One-minute Container Insights datapoints (namespace ECS/ContainerInsights) of a metric with exactly
   * these dimensions, oldest first: { ClusterName } | { ClusterName, ServiceName } | { ClusterName, TaskDefinitionFamily, TaskId }.
   */
  containerInsightsMetric(request: { metric: string; dimensions: Record<string, string> }): Array<{ time: number; value: number }> {
    return insightsSeries(this.ctx, request);
  }

  /** Trace segments the X-Ray daemon sidecars of a cluster's (or a service's) tasks received. */
  traces(request: { cluster?: string; service?: string } = {}): { segments: number; tasks: Array<{ taskArn: string; segments: number }> } {
    const checked = requireObject(request ?? {}, 'request');
    const cluster = resolveCluster(this.ctx, checked.cluster);
    return traceCounts(this.ctx, cluster.name, checked.service === undefined ? undefined : resolveService(cluster, checked.service).name);
  }

  /** What a running task's container reads at a path (its own layer, a task volume, or EFS). */
  readFile(input: { cluster?: string; task: string; container?: string; path: string }): string | undefined {
    const request = requireObject(input, 'request');
    const cluster = resolveCluster(this.ctx, request.cluster);
    const id = requireString(request.task, 'task').split('/').pop();
    const path = requireString(request.path, 'path');
    const task = [...cluster.tasks.values()].find((t) => t.id === id && t.lastStatus !== 'STOPPED');
    if (!task) throw invalidParameter('The referenced task was not found or is stopped: its storage is gone.', 'task');
    const name = optionalString(request.container, 'container') ?? task.containers[0].name;
    const container = task.containers.find((c) => c.name === name);
    if (!container) throw invalidParameter(`No container ${name} in the task.`, 'container');
    const { files, key } = resolvePath(this.ctx, task, container, path);
    return files.get(key);
  }

  /** What the run has cost so far, at illustrative 2026 us-east-1 prices. */
  costReport(): CostReport {
    return costReport(this.ctx);
  }

  /** The clients running now (started and not stopped), each with its route, rate and pattern. */
  trafficClients(): TrafficClient[] {
    return trafficClients(this.ctx);
  }

  /** Requests, errors and latency of a client, second by second. */
  trafficHistory(name: string): SecondRecord[] {
    return trafficHistory(this.ctx, name);
  }

  /** A task's process is killed (exit 137). */
  killTask(request: { cluster?: string; task: string }): void {
    this.changed('killTask', [request], killTask(this.ctx, request));
  }

  /** One container of a running task exits with a code: an essential one stops the task, another does not. */
  exitContainer(request: { cluster?: string; task: string; container: string; exitCode?: number }): void {
    this.changed('exitContainer', [request], exitContainer(this.ctx, request));
  }

  /** An instance fails: it leaves the cluster and its tasks stop at once. */
  failInstance(request: { cluster?: string; instance: string }): void {
    this.changed('failInstance', [request], failInstance(this.ctx, request));
  }

  /** An Availability Zone is lost: its instances and Fargate tasks go. */
  failZone(request: { availabilityZone: string }): void {
    this.changed('failZone', [request], failZone(this.ctx, request));
  }

  /** ECS drains Managed Instances to patch or repair them, and launches their replacements. */
  replaceManagedInstances(request: ReplaceManagedInstancesRequest): { containerInstanceArns: string[] } {
    return this.changed('replaceManagedInstances', [request], replaceManagedInstances(this.ctx, request));
  }

  /** An EC2 Auto Scaling group that joins the cluster; CreateCapacityProvider puts ECS in charge of it. */
  createAutoScalingGroup(request: CreateAutoScalingGroupRequest): { autoScalingGroupArn: string } {
    return this.changed('createAutoScalingGroup', [request], createAutoScalingGroup(this.ctx, request));
  }

  /** CapacityProviderReservation, one datapoint a minute, as CloudWatch would graph it. */
  capacityProviderReservations(name: string): Array<{ time: number; value: number }> {
    const provider = this.ctx.state.capacityProviders.get(name);
    if (!provider) throw invalidParameter(`No capacity provider named ${JSON.stringify(name)}.`, 'name');
    return provider.reservations.map((r) => ({ ...r }));
  }

  registerImage(image: string, behaviour: ImageBehaviour): void {
    if (typeof image !== 'string' || image === '' || image.length > 255) throw invalidParameter('image must be an image name of 1 to 255 characters.', 'image');
    const valid = validateImageBehaviour(behaviour);
    this.changed('registerImage', [image, valid], this.ctx.images.register(image, valid));
  }

  /** Moves virtual time forward, running everything due on the way. */
  advance(seconds: number): { now: number } {
    this.ctx.clock.runUntil(this.ctx.clock.now + checkSeconds(seconds, 'seconds') * 1000);
    return this.timeMoved({ now: this.now });
  }

  /** Runs until `condition` holds or `maxSeconds` pass; returns whether it held. */
  runUntil(condition: () => boolean, maxSeconds: number): boolean {
    if (typeof condition !== 'function') throw invalidParameter('condition must be a function that says when to stop.', 'condition');
    return this.timeMoved(this.ctx.clock.runUntilCondition(condition, this.ctx.clock.now + checkSeconds(maxSeconds, 'maxSeconds') * 1000));
  }

  /** Runs until the service's PRIMARY deployment is COMPLETED with every task healthy and nothing else left. */
  runUntilSteady(request: { cluster?: string; service: string; maxSeconds?: number }): boolean {
    const checked = requireObject(request, 'request');
    const service = resolveService(resolveCluster(this.ctx, checked.cluster), checked.service);
    // A pass still to come may find work (a new instance for a daemon, say): not steady until it has run.
    return this.runUntil(() => service.steady && !service.passScheduled, request.maxSeconds ?? 3600);
  }

  events(): readonly SimEvent[] {
    return this.ctx.log.all();
  }

  eventsSince(seq: number): SimEvent[] {
    if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0) throw invalidParameter('seq must be a whole number of 0 or more.', 'seq');
    return this.ctx.log.since(seq);
  }

  subscribe(listener: (event: SimEvent) => void): () => void {
    return this.ctx.log.subscribe(listener);
  }

  /** Called after every processed action (virtual milliseconds). */
  onStep(listener: (timeMs: number) => void): () => void {
    return this.ctx.clock.onAfterStep(listener);
  }

  /** A point in the history to read from later: `taskHistory(service, cluster, mark)`. */
  historyMark(): { sample: number; time: number } {
    return { sample: this.ctx.census.mark, time: this.ctx.clock.now };
  }

  /**
   * Every recorded state of a service's task counts, per task definition, oldest first; from a mark,
   * starting with the state at that mark.
   */
  taskHistory(service: string, cluster = 'default', since?: { sample: number; time: number }): ServiceCensusPoint[] {
    if (typeof service !== 'string' || typeof cluster !== 'string') throw invalidParameter('service and cluster must be names.', 'service');
    if (since !== undefined && (typeof since?.sample !== 'number' || typeof since.time !== 'number')) {
      throw invalidParameter('since must be a mark from historyMark().', 'since');
    }
    return this.ctx.census.seriesFor(cluster, service, since?.sample ?? 0, since?.time ?? 0);
  }

  /** Why a task went where it went: instances rejected by which rule, and the strategy stages. */
  explainPlacement(request: { cluster?: string; task: string }): PlacementExplanation {
    requireObject(request, 'request');
    const cluster = resolveCluster(this.ctx, request.cluster);
    const id = typeof request.task === 'string' ? request.task.slice(request.task.lastIndexOf('/') + 1) : '';
    const task = [...cluster.tasks.values()].find((t) => t.id === id);
    if (!task) throw invalidParameter('The referenced task was not found.', 'task');
    if (!task.placement) throw invalidParameter(`Task ${id} was not placed on a container instance (Fargate tasks choose only a zone).`, 'task');
    return structuredClone(task.placement);
  }

  view(): ClusterViewSnapshot {
    return clusterView(this.ctx);
  }
}
