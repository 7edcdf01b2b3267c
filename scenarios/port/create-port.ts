import type { Frame } from './cluster-frame.js';
import type { ReadsChangeRequest, ReadsChangeResult } from './reads-change.js';
import type { ControlArguments, ControlResult, OperationName, OperationRequest, OperationResult, ServiceName, SimulatorPort } from './simulator-port.js';
import { FRAME, RUN_UNTIL_READS_CHANGE, isRead, type ControlName, type WireCall } from './wire-call.js';

/** How a port's calls reach a simulator: the only part the in-process and the HTTP port do differently. */
export interface PortTransport {
  simulated: boolean;
  send(call: WireCall): Promise<unknown>;
  onFrame?: SimulatorPort['onFrame'];
}

/**
 * A SimulatorPort over a transport. Both ports share this, runUntil above all: its condition runs here, the
 * calls it makes are recorded, and the simulator runs time until those reads answer differently
 * (reads-change.ts); then the condition looks again. In-process and over HTTP alike, a run stops at the
 * engine step where the engine's own runUntil would.
 */
export function createPort(transport: PortTransport): SimulatorPort {
  return new Port(transport);
}

class Port implements SimulatorPort {
  readonly simulated: boolean;
  readonly onFrame?: SimulatorPort['onFrame'];
  /** While a runUntil condition runs: the calls it makes. */
  private recording?: WireCall[];

  constructor(private readonly transport: PortTransport) {
    this.simulated = transport.simulated;
    if (transport.onFrame) this.onFrame = transport.onFrame;
  }

  call<S extends ServiceName, O extends OperationName<S>>(service: S, operation: O, ...request: OperationRequest<S, O>): Promise<OperationResult<S, O>> {
    return this.travel({ target: service, method: operation, args: request }) as Promise<OperationResult<S, O>>;
  }

  callAs<O extends OperationName<'ecs'>>(role: string, operation: O, ...request: OperationRequest<'ecs', O>): Promise<OperationResult<'ecs', O>> {
    return this.travel({ target: 'ecs', method: operation, args: request, role }) as Promise<OperationResult<'ecs', O>>;
  }

  control<K extends ControlName>(name: K, ...args: ControlArguments<K>): Promise<ControlResult<K>> {
    return this.travel({ target: 'control', method: name, args }) as Promise<ControlResult<K>>;
  }

  frame(): Promise<Frame> {
    return this.travel({ target: 'control', method: FRAME, args: [] }) as Promise<Frame>;
  }

  async runUntil(condition: () => Promise<boolean>, maxSeconds: number): Promise<boolean> {
    let look = await this.watched(condition);
    if (look.value) return true;
    let startedAtMs: number | undefined;
    for (;;) {
      const request: ReadsChangeRequest = { watch: look.reads, startedAtMs, maxSeconds };
      const round = (await this.transport.send({ target: 'control', method: RUN_UNTIL_READS_CHANGE, args: [request] })) as ReadsChangeResult;
      startedAtMs = round.startedAtMs;
      look = await this.watched(condition);
      if (look.value) return true;
      if (round.deadlineReached) return false;
    }
  }

  private travel(call: WireCall): Promise<unknown> {
    this.recording?.push(call);
    return this.transport.send(call);
  }

  /** Runs `look` and returns what it answered and the calls it made, or null if one of them was not a read. */
  private async watched<T>(look: () => Promise<T>): Promise<{ value: T; reads: WireCall[] | null }> {
    const calls: WireCall[] = [];
    this.recording = calls;
    try {
      const value = await look();
      return { value, reads: calls.every(isRead) ? calls : null };
    } finally {
      this.recording = undefined;
    }
  }
}
