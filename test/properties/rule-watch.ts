import type { EcsSimulator, SimEvent } from '../../core/index.js';
import type { Op } from './chaos-ops.js';
import type { ChaosState } from './chaos-state.js';
import { at, type Look, type Watch } from './look.js';
import { CUSTOM_DETAIL_TYPE, CUSTOM_SOURCE, RULES } from './neighbour-ops.js';
import { scheduleDue } from './schedule-oracle.js';

/** A rule as the API describes it: a schedule or the kind of events it waits for, and the tasks each invocation runs. */
interface RuleVersion {
  schedule?: string;
  custom?: boolean;
  taskCount: number;
}

/** EventBridge invokes a rule at most this many times a second (the simulator's quota). */
const INVOCATIONS_PER_SECOND = 10;

const MINUTE = 60_000;

/**
 * EventBridge rules that run tasks, against the schedule and the events:
 * - a scheduled rule runs its target at each due minute exactly once (its TaskCount tasks), and at no
 *   other time;
 * - a pattern rule runs its target once for each matching event, in the same instant (up to the quota
 *   of invocations a second), and never without one.
 * A cap on Fargate capacity may make RunTask start fewer tasks; an instant at which a rule was put or
 * deleted may count either way.
 */
export class RuleWatch implements Watch {
  private readonly rules = new Map<string, RuleVersion>();
  /** Per rule, by virtual second not yet checked: the tasks it started, and the events that matched it. */
  private readonly starts = new Map<string, Map<number, number>>();
  private readonly matches = new Map<string, Map<number, number>>();
  /** Per rule, the virtual ms at which the test put or deleted it. */
  private readonly touched = new Map<string, number[]>();
  private readonly known = new Set<string>();
  /** Every second before this one has been checked. */
  private checkedSecond = 0;
  private readonly startEpoch: number;

  constructor(
    private readonly sim: EcsSimulator,
    private readonly state: ChaosState,
  ) {
    this.startEpoch = sim.control.nowEpochSeconds - sim.control.now;
  }

  onEvent(event: SimEvent): void {
    if (event.kind !== 'eventbridge') return;
    const e = event.event;
    const detail = e.detail as { taskArn?: string; startedBy?: string; lastStatus?: string; group?: string };
    if (e['detail-type'] === 'ECS Task State Change' && detail.taskArn && !this.known.has(detail.taskArn)) {
      this.known.add(detail.taskArn);
      const rule = detail.startedBy?.startsWith('events-rule/') ? detail.startedBy.slice('events-rule/'.length) : undefined;
      if (rule) bump(this.starts, rule, Math.floor(event.time / 1000));
    }
    for (const [name, rule] of this.rules) {
      if (rule.schedule !== undefined) continue;
      const matched = rule.custom
        ? e.source === CUSTOM_SOURCE && e['detail-type'] === CUSTOM_DETAIL_TYPE
        : e.source === 'aws.ecs' && e['detail-type'] === 'ECS Task State Change' && detail.lastStatus === 'STOPPED' && Boolean(detail.group?.startsWith('service:'));
      if (matched) bump(this.matches, name, Math.floor(event.time / 1000));
    }
  }

  /** Reads the rules back from the API after a call that puts or deletes `changed`. */
  private readRules(changed: string, now: number): void {
    this.rules.clear();
    for (const rule of this.sim.eventBridge.listRules({ NamePrefix: 'chaos-' }).Rules) {
      const taskCount = this.sim.eventBridge.listTargetsByRule({ Rule: rule.Name }).Targets.reduce((sum, t) => sum + (t.EcsParameters.TaskCount ?? 1), 0);
      const pattern = rule.EventPattern ? (JSON.parse(rule.EventPattern) as { source: string[] }) : undefined;
      this.rules.set(rule.Name, { ...(rule.ScheduleExpression ? { schedule: rule.ScheduleExpression } : { custom: pattern?.source[0] === CUSTOM_SOURCE }), taskCount });
    }
    this.touched.set(changed, [...(this.touched.get(changed) ?? []), now]);
  }

  private fargateCapped(ms: number): boolean {
    const caps = this.state.fargateCaps.filter((c) => c.provider === 'FARGATE' && c.at <= ms);
    return caps.at(-1)?.capped === true;
  }

  check(look: Look, op: Op | undefined): string[] {
    const found: string[] = [];
    const second = Math.floor(look.now / 1000);
    // Every action of a second has run once time is past it: its invocations can be counted.
    for (const name of RULES) found.push(...this.checkSeconds(look, name, this.rules.get(name) ?? { taskCount: 0 }, second));
    this.checkedSecond = Math.max(this.checkedSecond, second);
    if (op?.op === 'putScheduleRule' || op?.op === 'putPatternRule' || op?.op === 'deleteRule') this.readRules(op.rule, look.now);
    return found;
  }

  private checkSeconds(look: Look, name: string, rule: RuleVersion, until: number): string[] {
    const found: string[] = [];
    const starts = this.starts.get(name) ?? new Map<number, number>();
    const matches = this.matches.get(name) ?? new Map<number, number>();
    const seconds = new Set([...starts.keys(), ...matches.keys()].filter((s) => s < until));
    if (rule.schedule) for (let m = Math.ceil((this.checkedSecond * 1000) / MINUTE) * MINUTE; m < until * 1000; m += MINUTE) seconds.add(m / 1000);
    for (const s of seconds) {
      const started = starts.get(s) ?? 0;
      const matched = rule.schedule === undefined ? (matches.get(s) ?? 0) : 0;
      starts.delete(s);
      matches.delete(s);
      if ((this.touched.get(name) ?? []).some((ms) => Math.floor(ms / 1000) === s)) continue;
      const capped = this.fargateCapped(s * 1000) || this.state.fargateCaps.some((c) => Math.floor(c.at / 1000) === s);
      const due = rule.schedule !== undefined && s % 60 === 0 && scheduleDue(rule.schedule, this.startEpoch + s, this.startEpoch);
      const expected = (rule.schedule !== undefined ? (due ? 1 : 0) : Math.min(INVOCATIONS_PER_SECOND, matched)) * rule.taskCount;
      if (started > expected || (!capped && started < expected)) {
        const why = rule.schedule !== undefined ? `${rule.schedule} is ${due ? '' : 'not '}due then` : `${matched} events matched its pattern then`;
        found.push(`${at(look)}: rule ${name} started ${started} tasks at t=${s}s, where ${why} (${rule.taskCount} a run)`);
      }
    }
    return found;
  }
}

function bump<K>(map: Map<string, Map<K, number>>, name: string, key: K): void {
  const counts = map.get(name) ?? new Map<K, number>();
  counts.set(key, (counts.get(key) ?? 0) + 1);
  map.set(name, counts);
}
