import { StepFailure } from '../../../scenarios/steps/step-registry.js';
import { PAGED_LISTS } from '../server/paginate.js';
import { SyncChannel, type ChannelOptions, type WireReply } from './sync-channel.js';
import { isRead, operationName, type WireCall } from './wire-calls.js';
import { controlError, engineValue, wireError } from './wire-values.js';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * One connection to an ECS endpoint for `ecs-lab run --endpoint`: ECS actions go through
 * @aws-sdk/client-ecs, simulation controls through `POST /_sim/control`, each a synchronous round trip.
 */
export class RemoteEndpoint {
  private readonly channel: SyncChannel;
  /** Whether the endpoint answered /_sim/reset as ecs-lab does; real AWS does not. */
  private simulationControl = false;
  /** While a runUntil condition runs: the calls it makes, which the server then watches. */
  private recording?: WireCall[];

  constructor(
    readonly endpoint: string,
    readonly region = process.env.AWS_REGION ?? 'us-east-1',
  ) {
    const options: ChannelOptions = { endpoint, region, maxAttempts: 3 };
    // A simulator on this machine checks no signature and must see each call once (a retried change would
    // run twice); anything else gets the credentials and retries the SDK would use.
    if (LOOPBACK_HOSTS.has(new URL(endpoint).hostname)) Object.assign(options, { credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
    this.channel = new SyncChannel(options);
  }

  get hasSimulationControl(): boolean {
    return this.simulationControl;
  }

  /**
   * Starts a scenario on a fresh simulator, as in-process runs do: the server is reset to `seed`. An endpoint
   * without /_sim is no failure here: only the steps that need the controls will fail.
   */
  reset(seed: number): void {
    const reply = this.channel.request({ kind: 'http', url: `${this.endpoint}/_sim/reset`, body: JSON.stringify({ seed }) });
    if (reply.error) throw wireError(reply.error, this.endpoint);
    const { status, text } = reply.value as { status: number; text: string };
    this.simulationControl = status === 200 && isResetAnswer(text, seed);
  }

  /** One ECS action, e.g. `describeServices`; paged lists come back whole, as the in-process facade gives them. */
  ecs(method: string, input: unknown): unknown {
    this.recording?.push({ target: 'ecs', method, args: input === undefined ? [] : [input] });
    const operation = operationName(method);
    return this.value(this.channel.request({ kind: 'ecs', operation, input: input ?? {}, pagedMember: PAGED_LISTS[operation]?.member }));
  }

  /** One call on the simulation control or a neighbour facade (elbv2, iam...), or an ECS action as a role. */
  control(target: string, method: string, args: unknown[], role?: string): unknown {
    if (!this.simulationControl) throw this.unavailable(role === undefined ? target : 'IAM roles', method);
    // JSON writes a left-out argument as null; trailing ones are simply not sent, so defaults apply.
    while (args.length > 0 && args[args.length - 1] === undefined) args = args.slice(0, -1);
    const call: WireCall = { target, method, args, ...(role === undefined ? {} : { role }) };
    this.recording?.push(call);
    const reply = this.channel.request({
      kind: 'http',
      url: `${this.endpoint}/_sim/control?region=${encodeURIComponent(this.region)}`,
      body: JSON.stringify(call),
    });
    if (reply.error) throw wireError(reply.error, this.endpoint);
    const { status, text } = reply.value as { status: number; text: string };
    if (status !== 200) throw controlError(status, text) ?? this.unavailable(target, method);
    return (JSON.parse(text) as { result?: unknown }).result;
  }

  /** Runs `look` and returns what it answered and the calls it made, or null if one of them was not a read. */
  recorded<T>(look: () => T): { value: T; reads: WireCall[] | null } {
    const calls: WireCall[] = [];
    this.recording = calls;
    try {
      const value = look();
      return { value, reads: calls.every(isRead) ? calls : null };
    } finally {
      this.recording = undefined;
    }
  }

  close(): Promise<number> {
    return this.channel.close();
  }

  private value(reply: WireReply): unknown {
    if (reply.error) throw wireError(reply.error, this.endpoint);
    return engineValue(reply.value);
  }

  private unavailable(target: string, method: string): StepFailure {
    const what = target === 'control' ? `simulation control (/_sim, ${method})` : `simulated ${target} (/_sim, ${method})`;
    return new StepFailure(`This step needs ecs-lab's ${what}, which ${this.endpoint} does not offer: run it against \`ecs-lab serve\`.`);
  }
}

function isResetAnswer(text: string, seed: number): boolean {
  try {
    const body = JSON.parse(text) as { seed?: unknown; now?: unknown };
    return body.seed === seed && body.now === 0;
  } catch {
    return false;
  }
}
