import type { EcsSimulator } from '../../core/index.js';
import { callSimulator } from './call-simulator.js';
import { clusterFrame } from './cluster-frame.js';
import { createPort } from './create-port.js';
import type { SimulatorPort } from './simulator-port.js';

/**
 * The port over a simulator in this process: the browser's scenario player, cucumber and `ecs-lab run`. Each
 * call runs at once; only its answer waits for the next microtask.
 */
export function inProcessPort(simulator: EcsSimulator): SimulatorPort {
  return createPort({
    simulated: true,
    send: async (call) => callSimulator(simulator, call),
    onFrame: (listener) => simulator.control.onStep(() => listener(clusterFrame(simulator))),
  });
}
