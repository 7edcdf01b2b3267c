import type { EcsSimulator, SimEvent, TaskTile } from '../../core/index.js';
import { targetGroupArn, TARGET_GROUPS } from './apply-neighbour-op.js';
import { CLUSTER, type Op } from './chaos-ops.js';
import { at, type Look, type Watch } from './look.js';

/** Where a task answers for its load balancer (instance id and host port), and the target groups it belongs in. */
interface Binding {
  key?: string;
  groups: string[];
}

/** A task's targets drain from the moment it is DEACTIVATING, each for its group's deregistration delay then. */
interface Drain {
  since: number;
  delays: Map<string, number>;
  /** Set once the task has left DEACTIVATING. */
  over?: boolean;
}

/** Lifecycle states in which a task has been placed and its host ports are set. */
const PLACED = new Set(['RUNNING', 'DEACTIVATING', 'STOPPING', 'DEPROVISIONING']);

/**
 * Load balancer targets against the tasks behind them:
 * - a target that is not draining belongs to a task of a service (or task set) behind its group, and
 *   that task is RUNNING;
 * - every RUNNING task that ECS wants running is registered in each of its groups;
 * - a draining target goes within the group's deregistration delay, never drains a task that still
 *   serves, and is gone before its task is sent SIGTERM (STOPPING): only a task whose host is gone
 *   stops under a draining target;
 * - a task stays DEACTIVATING no longer than the deregistration delay.
 */
export class TargetWatch implements Watch {
  readonly perInstant = true;
  private readonly bindings = new Map<string, Binding>();
  private readonly delays = new Map<string, number>();
  private readonly drains = new Map<string, Drain>();
  /** By group and target: when the target was first seen draining, and when it must be gone by. */
  private readonly draining = new Map<string, { since: number; deadline: number }>();
  private readonly problems: string[] = [];
  private groups: string[] = [];

  constructor(private readonly sim: EcsSimulator) {}

  private readDelays(): void {
    this.groups = TARGET_GROUPS.map((_, i) => targetGroupArn(this.sim, i as 0 | 1));
    for (const arn of this.groups) {
      const { Attributes } = this.sim.elbv2.describeTargetGroupAttributes({ TargetGroupArn: arn });
      this.delays.set(arn, Number(Attributes.find((a) => a.Key === 'deregistration_delay.timeout_seconds')?.Value));
    }
  }

  onEvent(event: SimEvent): void {
    if (event.kind !== 'eventbridge' || event.event['detail-type'] !== 'ECS Task State Change') return;
    const { taskArn, lastStatus } = event.event.detail as { taskArn: string; lastStatus: string };
    const drain = this.drains.get(taskArn);
    if (lastStatus === 'STOPPED') this.drains.delete(taskArn);
    if (lastStatus === 'DEACTIVATING') {
      if (!drain) this.drains.set(taskArn, { since: event.time, delays: new Map(this.delays) });
      return;
    }
    if (!drain || drain.over) return;
    drain.over = true;
    const seconds = (event.time - drain.since) / 1000;
    const longest = Math.max(0, ...drain.delays.values());
    if (seconds > longest) this.problems.push(`t=${event.time / 1000}s: task ${taskArn} stayed DEACTIVATING ${seconds} s, longer than the longest deregistration delay (${longest} s)`);
  }

  /** Caches where each newly placed task of a service answers, and which groups it belongs in. */
  private bind(look: Look): void {
    const fresh = look.tiles.filter(({ task }) => task.serviceName && PLACED.has(task.lastStatus) && !this.bindings.has(task.taskArn));
    for (let i = 0; i < fresh.length; i += 100) {
      const described = this.sim.describeTasks({ cluster: CLUSTER, tasks: fresh.slice(i, i + 100).map(({ task }) => task.taskArn) }).tasks;
      for (const task of described) {
        const service = look.services.find((s) => `service:${s.serviceName}` === task.group);
        const set = service?.taskSets?.find((s) => s.id === task.startedBy);
        const entries = set ? set.loadBalancers : (service?.loadBalancers ?? []);
        const instance = look.picture.instances.find((i) => i.containerInstanceArn === task.containerInstanceArn);
        const entry = entries[0];
        const binding = entry && task.containers.find((c) => c.name === entry.containerName)?.networkBindings?.find((b) => b.containerPort === entry.containerPort);
        // A task whose containers never started has no binding: it answers nowhere.
        const key = instance && binding ? `${instance.ec2InstanceId}:${binding.hostPort}` : undefined;
        this.bindings.set(task.taskArn, { key, groups: entries.map((e) => e.targetGroupArn) });
      }
    }
  }

  check(look: Look, op: Op | undefined): string[] {
    if (this.groups.length === 0 || op?.op === 'setDeregistrationDelay') this.readDelays();
    this.bind(look);
    const owners = new Map<string, TaskTile>();
    for (const { task } of look.tiles) {
      const binding = this.bindings.get(task.taskArn);
      for (const group of binding?.groups ?? []) if (binding?.key) owners.set(`${group}|${binding.key}`, task);
    }
    const registered = new Set<string>();
    const found = [...this.problems.splice(0), ...this.groups.flatMap((group) => this.checkGroup(look, group, owners, registered))];
    for (const { task } of look.tiles) {
      const binding = this.bindings.get(task.taskArn);
      if (task.lastStatus !== 'RUNNING' || task.desiredStatus !== 'RUNNING' || !binding?.key) continue;
      for (const group of binding.groups) {
        if (!registered.has(`${group}|${binding.key}`)) found.push(`${at(look)}: task ${task.taskArn} of ${task.serviceName} is RUNNING but not registered in ${this.nameOf(group)}`);
      }
    }
    return found;
  }

  private nameOf(group: string): string {
    return TARGET_GROUPS[this.groups.indexOf(group)];
  }

  /** Each target of a group against the task that answers there; adds the registered ones to `registered`. */
  private checkGroup(look: Look, group: string, owners: Map<string, TaskTile>, registered: Set<string>): string[] {
    const found: string[] = [];
    const seen = new Set<string>();
    for (const { Target, TargetHealth } of this.sim.elbv2.describeTargetHealth({ TargetGroupArn: group }).TargetHealthDescriptions) {
      const id = `${group}|${Target.Id}:${Target.Port}`;
      const target = `${at(look)}: target ${Target.Id}:${Target.Port} of ${this.nameOf(group)}`;
      const owner = owners.get(id);
      seen.add(id);
      if (TargetHealth.State !== 'draining') {
        this.draining.delete(id);
        registered.add(id);
        if (owner?.lastStatus !== 'RUNNING') found.push(`${target} is ${TargetHealth.State}, but ${owner ? `its task ${owner.taskArn} is ${owner.lastStatus}` : 'no task of a service behind the group answers there'}`);
        continue;
      }
      const draining = this.draining.get(id) ?? { since: look.now, deadline: look.now + (this.delays.get(group) ?? 0) * 1000 };
      this.draining.set(id, draining);
      if (look.now > draining.deadline) found.push(`${target} has been draining since t=${draining.since / 1000}s, past its deregistration delay`);
      if (owner?.lastStatus === 'RUNNING' && owner.desiredStatus === 'RUNNING') found.push(`${target} is draining while its task ${owner.taskArn} still serves`);
      const drain = owner && this.drains.get(owner.taskArn);
      // SIGTERM comes once the delay is over: at that very instant the target may still be leaving.
      const drainEnd = drain ? drain.since + (drain.delays.get(group) ?? 0) * 1000 : Infinity;
      if ((owner?.lastStatus === 'STOPPING' || owner?.lastStatus === 'DEPROVISIONING') && look.now < drainEnd) {
        found.push(`${target} is still draining (since t=${drain!.since / 1000}s) while its task ${owner.taskArn} is already ${owner.lastStatus}`);
      }
    }
    for (const id of this.draining.keys()) if (id.startsWith(`${group}|`) && !seen.has(id)) this.draining.delete(id);
    return found;
  }
}
