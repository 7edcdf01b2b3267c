import type { EcsSimulator, SimEvent, TaskTile } from '../../core/index.js';
import type { Op } from './chaos-ops.js';
import { BlueGreenWatch } from './blue-green-watch.js';
import type { ChaosState } from './chaos-state.js';
import { Look, type Watch } from './look.js';
import { QueueLedger } from './queue-ledger.js';
import { RuleWatch } from './rule-watch.js';
import { ScalingWatch } from './scaling-watch.js';
import { mostDesired, mostTasks } from './service-intents.js';
import { TargetWatch } from './target-watch.js';
import { TaskCountWatch } from './task-count-watch.js';
import { TerminationProtectionWatch } from './termination-protection-watch.js';

export class InvariantViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantViolation';
  }
}

/** The last ECS Task / Container Instance State Change seen for each ARN. */
export interface LastSeen {
  tasks: Map<string, Record<string, unknown>>;
  instances: Map<string, Record<string, unknown>>;
}

const at = (sim: EcsSimulator) => `t=${sim.control.now}s`;

/**
 * Checks the invariants that must hold after every processed event (and after every API call, which
 * changes state outside the clock):
 * - no instance has negative remaining CPU or memory, and what it has left is exactly what its tasks take;
 * - no two tasks that have not reached STOPPED hold the same static host port on one instance;
 * - a service never grows above floor(desired × maximumPercent / 100) tasks PENDING or RUNNING (desired: the
 *   most its auto scaling may set, when it has any), or two full task sets for a blue/green service. It may
 *   be above it just after a scale-in or a lower maximumPercent, while it sheds tasks: then it must not grow;
 * - no task is placed on an instance that is not ACTIVE (checked on the task's first state change);
 * - every STOPPED task state change has a stopCode and a stoppedReason;
 * and the watches' invariants on the services around ECS: load balancer targets, task counts, auto
 * scaling, queues, rules, termination protection.
 */
export class InvariantMonitor {
  readonly lastSeen: LastSeen = { tasks: new Map(), instances: new Map() };
  private readonly violations: string[] = [];
  private readonly staticPorts = new Map<string, string[]>();
  private readonly liveCounts = new Map<string, number>();
  private readonly detach: Array<() => void>;
  private readonly watches: Watch[];
  private lastInstant = -1;

  constructor(
    private readonly sim: EcsSimulator,
    private readonly state: ChaosState,
  ) {
    this.watches = [new TargetWatch(sim), new TaskCountWatch(), new ScalingWatch(sim), new QueueLedger(sim), new RuleWatch(sim, state), new TerminationProtectionWatch(state), new BlueGreenWatch(sim)];
    this.detach = [
      sim.control.subscribe((e) => {
        this.onEvent(e);
        for (const watch of this.watches) watch.onEvent?.(e);
      }),
      sim.control.onStep(() => this.check('after a processed event')),
    ];
  }

  stop(): void {
    for (const d of this.detach) d();
  }

  private onEvent(event: SimEvent): void {
    if (event.kind !== 'eventbridge') return;
    const detail = event.event.detail;
    if (event.event['detail-type'] === 'ECS Container Instance State Change') {
      this.lastSeen.instances.set(String(detail.containerInstanceArn), detail);
      return;
    }
    if (event.event['detail-type'] !== 'ECS Task State Change') return;
    const arn = String(detail.taskArn);
    if (!this.lastSeen.tasks.has(arn) && detail.containerInstanceArn) {
      const status = this.lastSeen.instances.get(String(detail.containerInstanceArn))?.status;
      if (status !== 'ACTIVE') this.violations.push(`${at(this.sim)}: task ${arn} was placed on ${String(detail.containerInstanceArn)}, which is ${String(status)}`);
    }
    if (detail.lastStatus === 'STOPPED' && (!detail.stopCode || !detail.stoppedReason)) {
      this.violations.push(`${at(this.sim)}: task ${arn} STOPPED without stopCode/stoppedReason: ${JSON.stringify({ stopCode: detail.stopCode, stoppedReason: detail.stoppedReason })}`);
    }
    this.lastSeen.tasks.set(arn, detail);
  }

  private portsOf(task: TaskTile): string[] {
    const key = `${task.family}:${task.revision}`;
    let ports = this.staticPorts.get(key);
    if (!ports) {
      const { taskDefinition } = this.sim.describeTaskDefinition({ taskDefinition: key });
      ports = [];
      for (const c of taskDefinition.containerDefinitions) {
        for (const m of c.portMappings ?? []) {
          const port = taskDefinition.networkMode === 'host' ? (m.hostPort ?? m.containerPort) : taskDefinition.networkMode === 'bridge' ? m.hostPort : 0;
          if (port) ports.push(`${port}/${m.protocol ?? 'tcp'}`);
        }
      }
      this.staticPorts.set(key, ports);
    }
    return ports;
  }

  /** After a processed event, or after `op` was applied. */
  check(where: string, op?: Op): void {
    const look = new Look(this.sim, this.state);
    const picture = look.picture;
    const perService = new Map<string, number>();
    for (const instance of picture.instances) {
      const name = `${instance.ec2InstanceId} (${instance.instanceType}, ${instance.status})`;
      if (instance.remainingCpu < 0 || instance.remainingMemory < 0) {
        this.violations.push(`${at(this.sim)} ${where}: ${name} has ${instance.remainingCpu} CPU and ${instance.remainingMemory} MiB left`);
      }
      const cpu = instance.tasks.reduce((s, t) => s + t.cpu, 0);
      const memory = instance.tasks.reduce((s, t) => s + t.memory, 0);
      if (instance.registeredCpu - instance.remainingCpu !== cpu || instance.registeredMemory - instance.remainingMemory !== memory) {
        this.violations.push(`${at(this.sim)} ${where}: ${name} accounts ${instance.registeredCpu - instance.remainingCpu} CPU / ${instance.registeredMemory - instance.remainingMemory} MiB used, its tasks take ${cpu} / ${memory}`);
      }
      const holders = new Map<string, string>();
      for (const task of instance.tasks) {
        for (const port of this.portsOf(task)) {
          const other = holders.get(port);
          if (other) this.violations.push(`${at(this.sim)} ${where}: tasks ${other} and ${task.taskId} both hold port ${port} on ${name}`);
          holders.set(port, task.taskId);
        }
      }
    }
    for (const { task } of look.tiles) {
      if (task.serviceName && task.desiredStatus === 'RUNNING') perService.set(task.serviceName, (perService.get(task.serviceName) ?? 0) + 1);
    }
    for (const [service, intent] of this.state.intents) {
      if (intent.daemon || intent.deleted) continue;
      const count = perService.get(service) ?? 0;
      const upper = mostTasks(intent);
      const before = this.liveCounts.get(service) ?? 0;
      if (count > upper && count > before) {
        this.violations.push(`${at(this.sim)} ${where}: service ${service} grew from ${before} to ${count} tasks PENDING or RUNNING, above its upper bound ${upper} (desired ${mostDesired(intent)}, maximumPercent ${intent.maximumPercent})`);
      }
      this.liveCounts.set(service, count);
    }
    const newInstant = look.now !== this.lastInstant;
    this.lastInstant = look.now;
    // After an advance, the watches see the state its last processed event left, as after any event.
    const call = op?.op === 'advance' ? undefined : op;
    for (const watch of this.watches) {
      if (op === undefined && watch.perInstant && !newInstant) continue;
      this.violations.push(...watch.check(look, call).map((v) => `${v} (${where})`));
    }
    this.throwIfBroken();
  }

  /** What only a whole run shows, once it has settled. */
  finish(): void {
    const look = new Look(this.sim, this.state);
    for (const watch of this.watches) this.violations.push(...(watch.finish?.(look) ?? []));
    this.throwIfBroken();
  }

  throwIfBroken(): void {
    if (this.violations.length > 0) throw new InvariantViolation(this.violations.slice(0, 5).join('\n'));
  }
}
