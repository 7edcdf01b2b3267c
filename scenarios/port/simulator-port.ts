import type { EcsSimulator } from '../../core/index.js';
import type { EcsActionMethods } from '../../core/sim/ecs-operations.js';
import type { SimulationControl } from '../../core/sim/simulation-control.js';
import type { Frame } from './cluster-frame.js';
import type { ControlName, Neighbour } from './wire-call.js';

/**
 * All the step library asks of a simulator, every answer a promise, so that the steps run the same against
 * the engine in this process (in-process-port.ts, the browser and cucumber) and against an endpoint over HTTP
 * (core/shell/remote/http-port.ts, `ecs-lab run --endpoint`):
 *
 * - `call('ecs', 'createService', {...})`: an AWS operation, by service and operation, with its JSON request.
 *   Operations are spelt as the simulator's facade spells them (the AWS name, first letter in lower case), and
 *   take and give what the facade does; ECS's own are `ecs`, the neighbours go by their facade (`elbv2`, `iam`...).
 * - `callAs(role, 'updateService', {...})`: an ECS operation made as an IAM role.
 * - `control('advance', 60)`: a simulation control ECS does not have (wire-call.ts lists them).
 * - `runUntil(condition, maxSeconds)`: time runs until an asynchronous condition holds.
 * - `frame()`: the picture of the cluster the scenario player draws.
 */
export interface SimulatorPort {
  /** False for an ECS endpoint without ecs-lab's /_sim routes: the controls, frames and neighbours then fail. */
  readonly simulated: boolean;
  call<S extends ServiceName, O extends OperationName<S>>(service: S, operation: O, ...request: OperationRequest<S, O>): Promise<OperationResult<S, O>>;
  callAs<O extends OperationName<'ecs'>>(role: string, operation: O, ...request: OperationRequest<'ecs', O>): Promise<OperationResult<'ecs', O>>;
  control<K extends ControlName>(name: K, ...args: ControlArguments<K>): Promise<ControlResult<K>>;
  /** Whether the condition held within `maxSeconds` of virtual time; it stops at the very engine step it first holds. */
  runUntil(condition: () => Promise<boolean>, maxSeconds: number): Promise<boolean>;
  frame(): Promise<Frame>;
  /** In-process only: a frame after every engine step, until the returned function is called. */
  onFrame?(listener: (frame: Frame) => void): () => void;
}

type Method = (...args: never[]) => unknown;

/** ECS's operations are the operation table's (core/sim/ecs-operations.ts); a neighbour's, its facade's methods. */
export type ServiceApis = { ecs: EcsActionMethods } & Pick<EcsSimulator, Neighbour>;
export type ServiceName = keyof ServiceApis;
export type OperationName<S extends ServiceName> = keyof ServiceApis[S] & string;
type Operation<S extends ServiceName, O extends OperationName<S>> = Extract<ServiceApis[S][O], Method>;
export type OperationRequest<S extends ServiceName, O extends OperationName<S>> = Parameters<Operation<S, O>>;
export type OperationResult<S extends ServiceName, O extends OperationName<S>> = ReturnType<Operation<S, O>>;

type Control<K extends ControlName> = SimulationControl[K];
export type ControlArguments<K extends ControlName> = Control<K> extends Method ? Parameters<Control<K>> : [];
export type ControlResult<K extends ControlName> = Control<K> extends Method ? ReturnType<Control<K>> : Control<K>;
