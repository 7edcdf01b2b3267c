import { createPort } from '../../../scenarios/port/create-port.js';
import type { SimulatorPort } from '../../../scenarios/port/simulator-port.js';
import type { WireCall } from '../../../scenarios/port/wire-call.js';
import type { ServerContents } from '../server/regional-simulators.js';
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
    /** The instructor's token, for a server whose /_sim/ controls need one (`ecs-lab serve --control-token`). */
    private readonly controlToken?: string,
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

  /**
   * What a reset would delete, every account and region (`GET /_sim/contents`); undefined from an endpoint
   * without ecs-lab's controls (real AWS), which a run does not reset. Throws when the controls refuse the call.
   */
  async contents(): Promise<ServerContents | undefined> {
    const response = await reach(this.endpoint, () => fetch(`${this.endpoint}/_sim/contents`, { headers: this.controlHeaders() }));
    const text = await response.text();
    const body = parsed(text) as (ServerContents & { __type?: unknown }) | undefined;
    if (response.status === 200 && typeof body?.empty === 'boolean') return body;
    if (response.status === 403 && body?.__type === 'AccessDeniedException') {
      throw new Error(
        this.controlToken === undefined
          ? `${this.endpoint} lets only its instructor reset it or move its time: give the control token that \`npx ecs-lab serve\` printed with --control-token (or ECS_LAB_CONTROL_TOKEN). A run resets the whole server, every student's account with it: run against a server of your own instead (\`npx ecs-lab serve --clock manual\`).`
          : `${this.endpoint} refused the control token given: it is not the one \`npx ecs-lab serve\` printed when it started.`,
      );
    }
    return undefined;
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
    // In the account the ECS requests are signed in: each access key id is an account of its own.
    const where = new URLSearchParams({ region: this.region, accessKeyId: this.ecs.credentials().accessKeyId });
    const response = await this.post(`/_sim/control?${where}`, { ...call, args });
    const text = await response.text();
    if (response.status === 200) return (parsed(text) as { result?: unknown }).result;
    throw (response.status === 404 ? undefined : answerError(response, text)) ?? this.unavailable(call);
  }

  private post(path: string, body: unknown): Promise<Response> {
    return reach(this.endpoint, () => fetch(`${this.endpoint}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...this.controlHeaders() }, body: JSON.stringify(body) }));
  }

  private controlHeaders(): Record<string, string> {
    return this.controlToken === undefined ? {} : { authorization: `Bearer ${this.controlToken}` };
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
