import type { PhaseCounts, SimEvent } from '../../core/index.js';
import { CLUSTER, SERVICES, type Op } from './chaos-ops.js';
import { at, type Look, type Watch } from './look.js';

type Phase = 'pending' | 'running' | 'stopping';
/** A task's phase as the census counts it, from its lastStatus and desiredStatus. */
const phaseOf = (lastStatus: string, desiredStatus: string): Phase | undefined =>
  lastStatus === 'STOPPED' ? undefined : desiredStatus === 'STOPPED' ? 'stopping' : lastStatus === 'RUNNING' ? 'running' : 'pending';

type Counts = Map<string, Record<Phase, number>>;
/** Pending, running and stopping counts per task definition ARN, as text, so that two states compare as strings. */
const render = (counts: Counts | Record<string, PhaseCounts>) =>
  JSON.stringify(
    (counts instanceof Map ? [...counts.entries()] : Object.entries(counts))
      .map(([arn, c]) => [arn, c.pending, c.running, c.stopping] as const)
      .filter(([, p, r, s]) => p + r + s > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

/**
 * No task counted twice, or not at all: what the task state change events say each task is, the
 * services' running and pending counts (of the service, of its deployments, of its task sets), the cluster
 * picture, and (once the run is over) the task census behind "at no time ..." assertions all agree.
 */
export class TaskCountWatch implements Watch {
  /** Each task that has not reached STOPPED, as its last state change says: its service, task definition, and phase. */
  private readonly tasks = new Map<string, { service: string; definition: string; phase: Phase }>();
  /** The same, counted per service and task definition. */
  private readonly counts = new Map<string, Counts>();
  /** Whether a task changed since the last check, and since the history last recorded the counts. */
  private changed = true;
  private unrecorded = true;
  /** Per service, each state the events gave it after a processed event, when it changed (time, counts). */
  private readonly history = new Map<string, Array<{ time: number; counts: string }>>();

  onEvent(event: SimEvent): void {
    if (event.kind !== 'eventbridge' || event.event['detail-type'] !== 'ECS Task State Change') return;
    const detail = event.event.detail as { taskArn: string; group: string; taskDefinitionArn: string; lastStatus: string; desiredStatus: string };
    if (!detail.group.startsWith('service:')) return;
    const before = this.tasks.get(detail.taskArn);
    if (before) this.countsOf(before.service, before.definition)[before.phase]--;
    const task = { service: detail.group.slice('service:'.length), definition: detail.taskDefinitionArn, phase: phaseOf(detail.lastStatus, detail.desiredStatus) };
    if (task.phase) {
      this.tasks.set(detail.taskArn, task as { service: string; definition: string; phase: Phase });
      this.countsOf(task.service, task.definition)[task.phase]++;
    } else this.tasks.delete(detail.taskArn);
    this.changed = true;
    this.unrecorded = true;
  }

  private countsOf(service: string, definition: string): Record<Phase, number> {
    const byDefinition = this.counts.get(service) ?? new Map<string, Record<Phase, number>>();
    this.counts.set(service, byDefinition);
    const c = byDefinition.get(definition) ?? { pending: 0, running: 0, stopping: 0 };
    byDefinition.set(definition, c);
    return c;
  }

  check(look: Look, op: Op | undefined): string[] {
    // The census samples after each processed event, never after a call: so does this history.
    if (op === undefined && this.unrecorded) this.record(look);
    if (!this.changed) return [];
    this.changed = false;
    const found: string[] = [];
    const placed = new Map<string, number>();
    for (const { task } of look.tiles) placed.set(task.taskArn, (placed.get(task.taskArn) ?? 0) + 1);
    for (const [arn, n] of placed) if (n > 1) found.push(`${at(look)}: task ${arn} is drawn ${n} times in the cluster picture`);
    for (const name of SERVICES) {
      const counts = this.counts.get(name) ?? new Map();
      const service = look.services.find((s) => s.serviceName === name);
      if (!service) continue;
      const announced = (phase: Phase) => [...counts.values()].reduce((sum, c) => sum + c[phase], 0);
      const running = look.tiles.filter(({ task }) => task.serviceName === name && task.desiredStatus === 'RUNNING' && task.lastStatus === 'RUNNING').length;
      const where = `${at(look)}: service ${name}`;
      if (service.runningCount !== announced('running') || service.pendingCount !== announced('pending')) {
        found.push(`${where} says ${service.runningCount} running and ${service.pendingCount} pending; its tasks' state changes say ${announced('running')} and ${announced('pending')}`);
      }
      if (service.runningCount !== running) found.push(`${where} says ${service.runningCount} running; the cluster has ${running} of its tasks RUNNING`);
      const parts = [...service.deployments, ...(service.taskSets ?? [])];
      const byParts = (key: 'runningCount' | 'pendingCount') => parts.reduce((sum, p) => sum + p[key], 0);
      if (byParts('runningCount') !== service.runningCount || byParts('pendingCount') !== service.pendingCount) {
        found.push(`${where} counts ${service.runningCount} running and ${service.pendingCount} pending, its deployments and task sets ${byParts('runningCount')} and ${byParts('pendingCount')}`);
      }
      for (const set of service.taskSets ?? []) {
        const computed = set.status === 'DRAINING' ? 0 : Math.ceil((service.desiredCount * set.scale.value) / 100);
        if (set.computedDesiredCount !== computed) found.push(`${where}: task set ${set.id} (${set.status}, ${set.scale.value} %) wants ${set.computedDesiredCount} tasks of ${service.desiredCount}, not ${computed}`);
      }
    }
    return found;
  }

  private record(look: Look): void {
    this.unrecorded = false;
    for (const name of SERVICES) {
      const series = this.history.get(name) ?? [];
      const state = render(this.counts.get(name) ?? new Map());
      if ((series.at(-1)?.counts ?? '[]') !== state) series.push({ time: look.now, counts: state });
      this.history.set(name, series);
    }
  }

  /** The task census (taskHistory) went through the same states, at the same times, as the events say. */
  finish(look: Look): string[] {
    const found: string[] = [];
    for (const name of SERVICES) {
      const census: Array<{ time: number; counts: string }> = [];
      for (const point of look.sim.control.taskHistory(name, CLUSTER)) {
        const counts = render(point.byTaskDefinition);
        if ((census.at(-1)?.counts ?? '[]') !== counts) census.push({ time: point.time, counts });
      }
      const events = this.history.get(name) ?? [];
      const first = census.findIndex((p, i) => p.time !== events[i]?.time || p.counts !== events[i]?.counts);
      if (first >= 0 || census.length !== events.length) {
        const i = first >= 0 ? first : Math.min(census.length, events.length);
        found.push(`service ${name}: the task census says ${JSON.stringify(census[i] ?? 'nothing more')}, the task state changes ${JSON.stringify(events[i] ?? 'nothing more')}`);
      }
    }
    return found;
  }
}
