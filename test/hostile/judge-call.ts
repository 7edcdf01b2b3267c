import { EcsError } from '../../core/index.js';
import { ECS_API_MODEL } from '../../core/ecs/api-model/ecs-api-model.js';
import type { HostileCall } from './hostile-calls.js';
import type { Populated } from './populated-simulator.js';
import { stateDump } from './state-dump.js';

/**
 * The exception names the APIs answer with: ECS's from its model, the neighbours' by hand. ServerException is
 * left out: for bad input it is an engine bug.
 */
const CLIENT_EXCEPTIONS = new Set([
  ...ECS_API_MODEL.exceptions.filter((name) => name !== 'ServerException'),
  'ValidationException',
  'ObjectNotFoundException',
  'QueueDoesNotExist',
  'QueueNameExists',
  'InvalidAttributeName',
  'InvalidAttributeValue',
  'ReceiptHandleIsInvalid',
  'InvalidParameterValue',
  'ResourceAlreadyExistsException',
  'TargetGroupNotFoundException',
  'LoadBalancerNotFoundException',
  'DuplicateTargetGroupNameException',
  'DuplicateLoadBalancerNameException',
  'ValidationError',
  'InvalidInput',
  'ServiceNotFound',
  'NamespaceNotFound',
  'InvalidServiceName',
  'InvalidParameter',
  'UnknownParameter',
]);

export class HostileFailure extends Error {
  constructor(call: string, args: unknown[], problem: string) {
    const shown = JSON.stringify(args, (_k, v) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
    super(`${call}(${shown?.slice(1, -1) ?? ''}): ${problem}`);
    this.name = 'HostileFailure';
  }
}

const describeError = (error: unknown) => (error instanceof Error ? `${error.constructor.name} ${error.name}: ${error.message.slice(0, 300)}` : String(error));
const polluted = () => Object.keys(Object.prototype).length > 0 || ({} as Record<string, unknown>).polluted !== undefined;

/**
 * Calls `call` with hostile `args` and holds the engine to its contract: a refusal is an EcsError with a
 * client-side ECS exception name, and leaves every observable thing as it was; an acceptance leaves an
 * engine that can still start a task, move time and describe itself, with numeric resources. Nothing may
 * touch Object.prototype. `before` is the simulator's state dump, when the caller has it already.
 */
export function judgeHostileCall(p: Populated, call: HostileCall, args: unknown[], before = stateDump(p.sim)): 'rejected' | 'accepted' {
  try {
    call.invoke(p.sim, args);
  } catch (error) {
    if (polluted()) throw new HostileFailure(call.name, args, 'polluted Object.prototype');
    if (!(error instanceof EcsError)) throw new HostileFailure(call.name, args, `raw error escaped: ${describeError(error)}`);
    if (!CLIENT_EXCEPTIONS.has(error.name)) throw new HostileFailure(call.name, args, `answered ${error.name} (an engine bug for bad input): ${error.message.slice(0, 300)}`);
    if (stateDump(p.sim) !== before) throw new HostileFailure(call.name, args, `refused with ${error.name} but changed state: ${error.message.slice(0, 200)}`);
    return 'rejected';
  }
  if (polluted()) throw new HostileFailure(call.name, args, 'polluted Object.prototype');
  try {
    p.sim.runTask({ taskDefinition: 'job' });
  } catch (error) {
    if (!(error instanceof EcsError) || error.name === 'ServerException') throw new HostileFailure(call.name, args, `was accepted, then RunTask failed: ${describeError(error)}`);
  }
  try {
    p.sim.control.advance(600);
    stateDump(p.sim);
  } catch (error) {
    throw new HostileFailure(call.name, args, `was accepted, then moving time or describing state failed: ${describeError(error)}`);
  }
  const broken = p.sim.control.view().clusters.flatMap((c) => c.instances).find((i) => ![i.registeredCpu, i.registeredMemory, i.remainingCpu, i.remainingMemory].every(Number.isFinite));
  if (broken) throw new HostileFailure(call.name, args, `was accepted and left instance ${broken.ec2InstanceId} with non-numeric resources (${broken.registeredCpu} CPU, ${broken.registeredMemory} MiB)`);
  return 'accepted';
}
