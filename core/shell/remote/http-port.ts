import { createPort } from '../../../scenarios/port/create-port.js';
import type { SimulatorPort } from '../../../scenarios/port/simulator-port.js';
import type { WireCall } from '../../../scenarios/port/wire-call.js';
import { StepFailure } from '../../../scenarios/steps/step-registry.js';
import { EcsJsonClient, answerError, reach } from './ecs-json-client.js';

/**
 * The simulator port over HTTP, for `ecs-lab run --endpoint`: ECS operations as AWS JSON 1.1 requests, as the
 * SDKs send them (ecs-json-client.ts); everything else (the simulation controls, the neighbour services, calls
 * as a role, runUntil's rounds) as `POST /_sim/control {target, method, args, role?}`, which the endpoint runs
 * with the same dispatch as the in-process port (scenarios/port/call-simulator.ts).
 */
export class HttpEndpoint {
  private readonly ecs: EcsJsonClient;

  constructor(
    readonly endpoint: string,
    readonly region = process.env.AWS_REGION ?? 'us-east-1',
  ) {
    this.ecs = new EcsJsonClient(endpoint, region);
  }

  /**
   * A port to the endpoint's simulator, reset to `seed` as each in-process scenario starts on a fresh one. An
   * endpoint without /_sim (real AWS) is no failure here: only the steps that need the simulation will fail.
   */
  async port(seed: number): Promise<SimulatorPort> {
    const simulated = await this.reset(seed);
    return createPort({
      simulated,
      send: (call) => (call.target === 'ecs' && call.role === undefined ? this.ecs.call(call.method, call.args[0]) : this.control(call, simulated)),
    });
  }

  /** Whether the endpoint answered /_sim/reset as ecs-lab does; real AWS does not. */
  private async reset(seed: number): Promise<boolean> {
    const response = await this.post('/_sim/reset', { seed });
    const body = parsed(await response.text()) as { seed?: unknown; now?: unknown } | undefined;
    return response.status === 200 && body?.seed === seed && body.now === 0;
  }

  private async control(call: WireCall, simulated: boolean): Promise<unknown> {
    if (!simulated) throw this.unavailable(call);
    // JSON writes a left-out argument as null; trailing ones are simply not sent, so defaults apply.
    let { args } = call;
    while (args.length > 0 && args[args.length - 1] === undefined) args = args.slice(0, -1);
    const response = await this.post(`/_sim/control?region=${encodeURIComponent(this.region)}`, { ...call, args });
    const text = await response.text();
    if (response.status === 200) return (parsed(text) as { result?: unknown }).result;
    throw (response.status === 404 ? undefined : answerError(response, text)) ?? this.unavailable(call);
  }

  private post(path: string, body: unknown): Promise<Response> {
    return reach(this.endpoint, () => fetch(`${this.endpoint}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
  }

  private unavailable({ target, method, role }: WireCall): StepFailure {
    const what = role !== undefined ? 'simulated IAM roles' : target === 'control' ? 'simulation control' : `simulated ${target}`;
    return new StepFailure(`This step needs ecs-lab's ${what} (/_sim, ${method}), which ${this.endpoint} does not offer: run it against \`ecs-lab serve\`.`);
  }
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
