import { describe, expect, it } from 'vitest';
import { createSimulator, restoreSimulator, type EcsSimulator } from '../../core/index.js';

function buildBusyCluster(seed: number): EcsSimulator {
  const sim = createSimulator({ seed });
  sim.createCluster({ clusterName: 'demo' });
  sim.control.addInstances({ cluster: 'demo', instanceType: 'm5.large', count: 2 });
  sim.control.addInstances({ cluster: 'demo', instanceType: 'm5.large', count: 1, lifecycle: 'spot', spotInstanceDraining: true });
  sim.control.registerImage('web:2', { crashAfterSeconds: 30 });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', cpu: 256, memory: 512 }] });
  sim.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 4 });
  sim.control.runUntilSteady({ cluster: 'demo', service: 'web' });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:2', cpu: 256, memory: 512 }] });
  sim.updateService({ cluster: 'demo', service: 'web', taskDefinition: 'web:2', deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } });
  sim.control.advance(45);
  return sim;
}

function carryOn(sim: EcsSimulator): string {
  const [spot] = sim.listContainerInstances({ cluster: 'demo' }).containerInstanceArns.slice(-1);
  sim.control.interruptSpotInstance({ cluster: 'demo', instance: spot });
  sim.control.advance(900);
  return JSON.stringify({ events: sim.control.events(), view: sim.control.view() });
}

describe('snapshots', () => {
  it('restore to the same state: continuing a restored run gives the same event log byte for byte', () => {
    const original = buildBusyCluster(5);
    const snapshot = JSON.parse(JSON.stringify(original.control.snapshot()));
    const restored = restoreSimulator(snapshot);
    expect(JSON.stringify(restored.control.events())).toBe(JSON.stringify(original.control.events()));
    expect(carryOn(restored)).toBe(carryOn(original));
  });

  it('keep only the calls that changed something, and collapse consecutive clock moves', () => {
    const sim = createSimulator();
    sim.createCluster({ clusterName: 'a' });
    sim.listClusters();
    expect(() => sim.createService({ cluster: 'nope', serviceName: 's', taskDefinition: 'x', desiredCount: 1 })).toThrow();
    sim.control.advance(10);
    sim.control.advance(20);
    expect(sim.control.snapshot().journal).toEqual([
      { call: 'createCluster', args: [{ clusterName: 'a' }] },
      { call: 'control.advanceTo', args: [30_000] },
    ]);
  });

  it('refuse something that is not a snapshot, or a journal entry that is not a known call, naming it', () => {
    expect(() => restoreSimulator({ format: 'x' } as never)).toThrow(/not an ecs-lab snapshot/);
    const bad = { format: 'ecs-lab-snapshot', version: 1, options: {}, journal: [{ call: 'constructor', args: [] }] } as const;
    expect(() => restoreSimulator(bad as never)).toThrow(/snapshot.journal\[0\] is not a call a snapshot can hold/);
  });
});
