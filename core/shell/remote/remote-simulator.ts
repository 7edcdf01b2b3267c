import { EcsSimulator } from '../../sim/simulator.js';
import { ECS_OPERATION_NAMES, methodName } from '../../sim/ecs-operations.js';
import { remoteControl } from './remote-control.js';
import type { RemoteEndpoint } from './remote-endpoint.js';
import { facadeTargets } from './wire-calls.js';

type Method = (...args: unknown[]) => unknown;

const ECS_METHODS = ECS_OPERATION_NAMES.map(methodName);

/**
 * The facade reads the runner makes after each scenario (its scaling charts). Against an endpoint without
 * /_sim they answer as an empty simulator does, as the control's observations read as empty there
 * (remote-control.ts), so the run goes on.
 */
const RUNNER_READS: Readonly<Record<string, readonly string[]>> = { applicationAutoScaling: ['describeScalableTargets', 'describeScalingPolicies'] };

/**
 * An EcsSimulator whose every call is a synchronous round trip to an endpoint, for the step library, which is
 * written against the in-process simulator: ECS actions through @aws-sdk/client-ecs, the rest through /_sim.
 * A fresh one per scenario, after the endpoint was reset.
 */
export function remoteSimulator(endpoint: RemoteEndpoint): EcsSimulator {
  // The simulator's own shape says which facade methods exist, so the remote one offers exactly those.
  const shape = new EcsSimulator();
  const simulator: Record<string, unknown> = { control: remoteControl(endpoint) };
  for (const method of ECS_METHODS) simulator[method] = (input?: unknown) => endpoint.ecs(method, input);
  simulator.asRole = (role: string) => {
    const client: Record<string, Method> = {};
    for (const method of ECS_METHODS) client[method] = (input?: unknown) => endpoint.control('ecs', method, input === undefined ? [] : [input], role);
    return client;
  };
  for (const target of facadeTargets(shape)) {
    const empty = shape[target as keyof EcsSimulator] as unknown as Record<string, Method>;
    const facade: Record<string, Method> = {};
    for (const method of Object.keys(empty)) {
      const observed = RUNNER_READS[target]?.includes(method) ?? false;
      facade[method] = (...args) => (observed && !endpoint.hasSimulationControl ? empty[method](...args) : endpoint.control(target, method, args));
    }
    simulator[target] = facade;
  }
  return simulator as unknown as EcsSimulator;
}
