import { describe, expect, it } from 'vitest';
import { createSimulator, type EcsSimulator } from '../../core/index.js';
import { SimulationControl } from '../../core/sim/simulation-control.js';
import { inProcessPort } from '../../scenarios/port/in-process-port.js';
import { runUntilReadsChange } from '../../scenarios/port/reads-change.js';
import type { SimulatorPort } from '../../scenarios/port/simulator-port.js';
import { CONTROL_METHODS, CONTROL_PROPERTIES, NEIGHBOURS } from '../../scenarios/port/wire-call.js';

function deployWeb(sim: EcsSimulator): void {
  sim.createCluster({ clusterName: 'demo' });
  sim.control.addInstances({ cluster: 'demo', instanceType: 'm5.large', count: 2 });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', cpu: 256, memory: 512, portMappings: [{ containerPort: 80 }] }] });
  sim.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2 });
}

const runningCount = async (port: SimulatorPort) => (await port.call('ecs', 'describeServices', { cluster: 'demo', services: ['web'] })).services[0].runningCount;

describe('the in-process simulator port', () => {
  it('answers an AWS operation by service and name as the facade does', async () => {
    const sim = createSimulator({ seed: 3 });
    const twin = createSimulator({ seed: 3 });
    deployWeb(sim);
    deployWeb(twin);
    const port = inProcessPort(sim);
    expect(await port.call('ecs', 'describeServices', { cluster: 'demo', services: ['web'] })).toEqual(twin.describeServices({ cluster: 'demo', services: ['web'] }));
    expect(await port.call('elbv2', 'describeTargetGroups', {})).toEqual(twin.elbv2.describeTargetGroups({}));
    expect(await port.control('now')).toBe(twin.control.now);
  });

  it('stops a runUntil at the very engine step, and at the very limit, where the engine itself stops', async () => {
    const engine = createSimulator();
    const ported = createSimulator();
    deployWeb(engine);
    deployWeb(ported);
    const port = inProcessPort(ported);
    const reached = engine.control.runUntil(() => engine.describeServices({ cluster: 'demo', services: ['web'] }).services[0].runningCount === 2, 600);
    expect(reached).toBe(true);
    expect(await port.runUntil(async () => (await runningCount(port)) === 2, 600)).toBe(true);
    expect(ported.control.now).toBe(engine.control.now);
    // 1.234 s in, a limit of 61.5 s: the rounds must add up to the limit exactly.
    engine.control.advance(1.234);
    await port.control('advance', 1.234);
    expect(engine.control.runUntil(() => engine.describeServices({ cluster: 'demo', services: ['web'] }).services[0].runningCount > 5, 61.5)).toBe(false);
    expect(await port.runUntil(async () => (await runningCount(port)) > 5, 61.5)).toBe(false);
    expect(ported.control.now).toBe(engine.control.now);
    expect(ported.control.events().length).toBe(engine.control.events().length);
  });

  it('shows a frame after every engine step while a step runs, and not once stopped', async () => {
    const sim = createSimulator();
    deployWeb(sim);
    const port = inProcessPort(sim);
    const times: number[] = [];
    const stop = port.onFrame!((frame) => times.push(frame.time));
    await port.control('advance', 60);
    stop();
    await port.control('advance', 60);
    expect(times.length).toBeGreaterThan(1);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.at(-1)).toBeLessThanOrEqual(60_000);
    expect((await port.frame()).bounds.web).toEqual({ desiredCount: 2, lower: 2, upper: 4, deployments: 1 });
  });

  it('refuses what is not an operation of the table, a facade method or a control, naming what is', async () => {
    const port = inProcessPort(createSimulator());
    const refusal = (call: Promise<unknown>) => call.then(() => 'allowed', (error: Error) => `${error.name}: ${error.message}`);
    expect(await refusal(port.call('ecs', 'change' as 'listClusters'))).toBe('InvalidParameterException: Change is not an ECS operation ecs-lab simulates.');
    expect(await refusal(port.call('elbv2', 'toString' as 'describeTargetGroups', {}))).toMatch(/^InvalidParameterException: elbv2 has no method toString; it has .*createLoadBalancer/);
    expect(await refusal(port.control('changed' as 'now'))).toMatch(/^InvalidParameterException: changed is not a simulation control a port offers; the controls are .*addInstances/);
  });
});

describe('the controls a port offers', () => {
  it('are all methods and getters of the simulation control (a renamed one must be renamed here too)', () => {
    const missing = CONTROL_METHODS.filter((name) => typeof Object.getOwnPropertyDescriptor(SimulationControl.prototype, name)?.value !== 'function');
    const notGetters = CONTROL_PROPERTIES.filter((name) => typeof Object.getOwnPropertyDescriptor(SimulationControl.prototype, name)?.get !== 'function');
    expect({ missing, notGetters }).toEqual({ missing: [], notGetters: [] });
  });

  it('leave out only the controls that cannot travel (a new control must be offered here or listed as one)', () => {
    // Internal helpers; callbacks, which cannot cross the wire (runUntil has the port's own); and the whole
    // log, which eventsSince reads a piece at a time.
    const stayLocal = new Set(['constructor', 'changed', 'timeMoved', 'runUntil', 'subscribe', 'onStep', 'events']);
    const offered = new Set<string>([...CONTROL_METHODS, ...CONTROL_PROPERTIES]);
    const names = Object.getOwnPropertyNames(SimulationControl.prototype);
    expect(names.filter((n) => !stayLocal.has(n) && !offered.has(n))).toEqual([]);
  });

  it('reach every neighbour facade of the simulator (a new one must be listed)', () => {
    // A facade is a plain object of functions; the control is a class, the simulator's other members state.
    const isFacade = (value: unknown) => value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every((m) => typeof m === 'function');
    const facades = Object.entries(createSimulator()).filter(([, value]) => isFacade(value));
    expect(facades.map(([name]) => name).sort()).toEqual([...NEIGHBOURS].sort());
  });
});

describe('a runUntil resumed in rounds', () => {
  // (1002 - 1) / 1000 * 1000 falls a hair short of 1001; (65003 - 2) / 1000 * 1000 a hair past 65001.
  it.each([
    [1, 1002],
    [2, 65003],
  ])('ends exactly on its limit from %i ms to %i ms, where the remaining seconds cannot say it exactly', (nowMs, deadlineMs) => {
    const sim = createSimulator();
    sim.control.advanceTo(nowMs);
    const result = runUntilReadsChange(sim, { watch: [], startedAtMs: 0, maxSeconds: deadlineMs / 1000 }, () => undefined);
    expect(result).toEqual({ changed: false, startedAtMs: 0, deadlineReached: true });
    expect(sim.control.now * 1000).toBe(deadlineMs);
  });
});
