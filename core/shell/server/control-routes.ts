import { EcsError, describeEvent, formatVirtualTime, type EcsSimulator, type ImageBehaviour } from '../../index.js';
import type { AddInstancesRequest } from '../../index.js';
import { isAccountId } from './accounts.js';
import { ProtocolError } from './aws-json-protocol.js';
import { callSimulator } from '../../../scenarios/port/call-simulator.js';
import { parseWireCall } from './control-call.js';
import type { RegionalSimulators } from './regional-simulators.js';

/** What a control route needs besides the request: the simulators and a way to say time jumped. */
export interface ControlContext {
  simulators: RegionalSimulators;
  /** Called after a route moved virtual time by itself, so a running clock counts on from there. */
  timeJumped: () => void;
}

export interface ControlRequest {
  method: string;
  /** The path after /_sim/, e.g. "advance". */
  route: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** The account the control acts in (see controlAccount). */
  accountId: string;
}

/** Faults the engine models, and the control call each maps to. The body minus `type` is the request. */
const FAULTS: Record<string, (simulator: EcsSimulator, request: Record<string, unknown>) => unknown> = {
  'spot-interruption': (simulator, request) => simulator.control.interruptSpotInstance(request as { instance: string }),
  'fargate-spot-interruption': (simulator, request) => simulator.control.interruptFargateSpotTasks(request),
  'fargate-spot-capacity': (simulator, request) => {
    simulator.control.setFargateCapacity(request as { capacityProvider: 'FARGATE'; maxTasks: number | null });
    return {};
  },
  'container-exit': (simulator, request) => {
    simulator.control.exitContainer(request as { task: string; container: string; exitCode?: number });
    return {};
  },
  'task-crash': (simulator, request) => {
    simulator.control.killTask(request as { task: string });
    return {};
  },
  'zone-outage': (simulator, request) => {
    simulator.control.failZone(request as { availabilityZone: string });
    return {};
  },
  'instance-failure': (simulator, request) => {
    simulator.control.failInstance(request as { instance: string });
    return {};
  },
};

const invalid = (message: string) => new EcsError('InvalidParameterException', message);

/** At most this many events in one answer: a long run must not produce a response of many megabytes. */
const MAX_EVENTS = 1000;

/**
 * The `/_sim/*` routes: simulation controls ECS itself does not have. Each returns the JSON to answer with;
 * failures are EcsError (400 with `__type`), or ProtocolError for an unknown route.
 */
export function handleControl(context: ControlContext, request: ControlRequest): unknown {
  const { simulators } = context;
  const region = request.query.get('region') ?? undefined;
  const simulator = () => simulators.get(region, request.accountId);
  const key = `${request.method} ${request.route}`;
  switch (key) {
    case 'POST reset': {
      const seed = request.body.seed;
      if (seed !== undefined && (!Number.isInteger(seed) || (seed as number) < 0 || (seed as number) > 2 ** 32 - 1)) {
        throw invalid('seed must be a whole number from 0 to 4294967295.');
      }
      simulators.reset(seed as number | undefined);
      context.timeJumped();
      return { seed: simulators.seed, now: 0 };
    }
    case 'POST advance': {
      const result = simulator().control.advance(request.body.seconds as number);
      simulators.advanceAllTo(result.now * 1000);
      context.timeJumped();
      return result;
    }
    case 'POST run-until-steady': {
      const control = simulator().control;
      const steady = control.runUntilSteady(request.body as { service: string });
      simulators.advanceAllTo(control.now * 1000);
      context.timeJumped();
      return { steady, now: control.now };
    }
    case 'POST instances':
      return simulator().control.addInstances(request.body as unknown as AddInstancesRequest);
    case 'POST images': {
      const { image, behaviour } = request.body;
      if (behaviour === null || typeof behaviour !== 'object' || Array.isArray(behaviour)) throw invalid('behaviour must be an object, e.g. {"crashAfterSeconds": 5}.');
      simulator().control.registerImage(image as string, behaviour as ImageBehaviour);
      return { image, behaviour };
    }
    case 'POST faults': {
      const { type, ...rest } = request.body;
      const fault = typeof type === 'string' ? FAULTS[type] : undefined;
      if (fault) return fault(simulator(), rest);
      throw invalid(`Unknown fault type ${JSON.stringify(type ?? null)}; the simulator models ${Object.keys(FAULTS).join(', ')}.`);
    }
    case 'GET events': {
      const since = Number(request.query.get('since') ?? 0);
      if (!Number.isInteger(since) || since < 0) throw invalid('since must be a whole number (the seq of the first event wanted).');
      const events = simulator().control.eventsSince(since).slice(0, MAX_EVENTS);
      const next = events.length > 0 ? events[events.length - 1].seq + 1 : since;
      return { events: events.map((e) => ({ ...e, at: formatVirtualTime(e.time), text: describeEvent(e) })), next };
    }
    case 'GET state':
      return stateOf(simulators, region, request.accountId);
    case 'GET accounts':
      return { accounts: simulators.accounts() };
    case 'GET contents':
      // What a reset would delete: `ecs-lab run --endpoint` asks before it resets.
      return simulators.contents();
    case 'POST principals': {
      // Calls signed with this access key id are made as the role: cluster access control with the real CLI.
      const { accessKeyId, roleName } = request.body;
      if (typeof accessKeyId !== 'string' || !/^[A-Z0-9]{1,128}$/i.test(accessKeyId)) throw invalid('accessKeyId must be the access key id the client signs with (letters and digits).');
      if (roleName === null) {
        // Back to calling as the account, which one the key was mapped in.
        simulators.principals.set(accessKeyId, { accountId: request.accountId });
        return { accessKeyId, roleName: null };
      }
      if (typeof roleName !== 'string') throw invalid('roleName must be the name of an IAM role, or null to call as the account again.');
      simulator().asRole(roleName);
      // The key acts in the account whose role it took, whatever account its own name would give it.
      simulators.principals.set(accessKeyId, { accountId: request.accountId, roleName });
      return { accessKeyId, roleName };
    }
    case 'POST control': {
      // The step library's simulator port over the wire (`ecs-lab run --endpoint`): see control-call.ts.
      const target = simulator();
      const before = target.control.now;
      const result = callSimulator(target, parseWireCall(request.body));
      if (target.control.now !== before) {
        simulators.advanceAllTo(target.control.now * 1000);
        context.timeJumped();
      }
      return { result };
    }
    default:
      throw new ProtocolError('UnknownOperationException', `No simulation control ${request.method} /_sim/${request.route}.`, 404);
  }
}

/**
 * The account a control acts in: `?account=<12 digits>`, or `?accessKeyId=<key>` (the account that key signs
 * in, as the instructor knows a student by the key they chose), else the server's own account.
 */
export function controlAccount(simulators: RegionalSimulators, query: URLSearchParams): string {
  const account = query.get('account');
  const accessKeyId = query.get('accessKeyId');
  if (account !== null && accessKeyId !== null) throw invalid('Name the account with account or accessKeyId, not both.');
  if (account !== null) {
    if (!isAccountId(account)) throw invalid(`account must be a 12-digit account id (GET /_sim/accounts lists them); got ${JSON.stringify(account)}.`);
    return account;
  }
  return simulators.accountOf(accessKeyId ?? undefined);
}

/** The cluster picture plus the time, in virtual seconds and as the epoch seconds API timestamps use. */
export function stateOf(simulators: RegionalSimulators, region: string | undefined, accountId: string) {
  const { control } = simulators.get(region, accountId);
  return { accountId, region: region ?? simulators.defaultRegion, now: control.now, nowEpochSeconds: control.nowEpochSeconds, ...control.view() };
}
