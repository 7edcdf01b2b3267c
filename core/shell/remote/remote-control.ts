import { invalidParameter } from '../../kernel/errors.js';
import type { ClusterViewSnapshot, SimEvent } from '../../index.js';
import type { SimulatorSnapshot } from '../../kernel/journal.js';
import type { SimulationControl } from '../../sim/simulation-control.js';
import type { TrafficClient } from '../../sim/traffic-control.js';
import type { ReadsChangeResult } from '../server/control-call.js';
import type { RemoteEndpoint } from './remote-endpoint.js';
import { CONTROL_METHODS, RUN_UNTIL_READS_CHANGE } from './wire-calls.js';

type Control = Pick<SimulationControl, keyof SimulationControl>;

/** What the runner draws and reads when the endpoint has no simulator behind it: no clusters, no history. */
const NO_VIEW: ClusterViewSnapshot = { time: 0, clusters: [] };
const NO_SNAPSHOT: SimulatorSnapshot = { format: 'ecs-lab-snapshot', version: 1, options: {}, journal: [] };

/**
 * SimulationControl over the wire: every method a round trip to `POST /_sim/control`; here only those that
 * cannot be a plain call. Against an endpoint without /_sim (real AWS), what the runner observes after each
 * step (time, events, the picture, the journal, the traffic clients) reads as empty, so the run goes on; what a step needs fails
 * with a message saying so.
 */
class RemoteControl implements Partial<Control> {
  /** The event log so far: append-only, so only what is new is fetched. */
  private readonly log: SimEvent[] = [];

  constructor(private readonly endpoint: RemoteEndpoint) {}

  get now(): number {
    return this.endpoint.hasSimulationControl ? (this.endpoint.control('control', 'now', []) as number) : 0;
  }

  get nowEpochSeconds(): number {
    return this.endpoint.control('control', 'nowEpochSeconds', []) as number;
  }

  events(): readonly SimEvent[] {
    if (this.endpoint.hasSimulationControl) this.log.push(...(this.endpoint.control('control', 'eventsSince', [this.log.length]) as SimEvent[]));
    return this.log;
  }

  view(): ClusterViewSnapshot {
    return this.endpoint.hasSimulationControl ? (this.endpoint.control('control', 'view', []) as ClusterViewSnapshot) : NO_VIEW;
  }

  snapshot(): SimulatorSnapshot {
    return this.endpoint.hasSimulationControl ? (this.endpoint.control('control', 'snapshot', []) as SimulatorSnapshot) : NO_SNAPSHOT;
  }

  trafficClients(): TrafficClient[] {
    return this.endpoint.hasSimulationControl ? (this.endpoint.control('control', 'trafficClients', []) as TrafficClient[]) : [];
  }

  /**
   * The condition is a function here, so it cannot travel: it is run here, recording the reads it makes, and
   * the server runs time until those reads answer differently, then it is run again. It is looked at after
   * every step that could change its answer, so it stops where the in-process runUntil stops.
   */
  runUntil(condition: () => boolean, maxSeconds: number): boolean {
    if (typeof condition !== 'function') throw invalidParameter('condition must be a function that says when to stop.', 'condition');
    let look = this.endpoint.recorded(condition);
    if (look.value) return true;
    let startedAtMs: number | undefined;
    for (;;) {
      const round = this.endpoint.control('control', RUN_UNTIL_READS_CHANGE, [{ watch: look.reads, startedAtMs, maxSeconds }]) as ReadsChangeResult;
      startedAtMs = round.startedAtMs;
      look = this.endpoint.recorded(condition);
      if (look.value) return true;
      if (round.deadlineReached) return false;
    }
  }

  /** Steps happen on the server; the runner keeps one picture per step instead of one per instant. */
  onStep(): () => void {
    return () => {};
  }

  subscribe(): () => void {
    throw new Error('Events cannot be pushed over the wire: read them with events() or eventsSince().');
  }
}

/** The control of a remote simulator: the methods above, and every other wire control as a plain round trip. */
export function remoteControl(endpoint: RemoteEndpoint): SimulationControl {
  const control = new RemoteControl(endpoint) as unknown as Record<string, unknown>;
  for (const method of CONTROL_METHODS) {
    if (!(method in control)) control[method] = (...args: unknown[]) => endpoint.control('control', method, args);
  }
  return control as unknown as SimulationControl;
}
