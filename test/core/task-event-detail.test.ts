import { describe, expect, it } from 'vitest';
import { createSimulator, type SimEvent } from '../../core/index.js';

/** A task's state change events: their detail is built when first read, and must read like a plain event's. */
function taskEvents() {
  const sim = createSimulator({ seed: 2 });
  sim.createCluster({ clusterName: 'c' });
  sim.control.addInstances({ cluster: 'c', instanceType: 'm5.large', count: 1 });
  sim.registerTaskDefinition({ family: 'app', containerDefinitions: [{ name: 'app', image: 'app:1', memory: 128 }] });
  sim.runTask({ cluster: 'c', taskDefinition: 'app' });
  sim.control.advance(60);
  return sim.control.events().filter((e): e is Extract<SimEvent, { kind: 'eventbridge' }> => e.kind === 'eventbridge' && e.event['detail-type'] === 'ECS Task State Change');
}

describe('a task state change event', () => {
  it('has the fields of an EventBridge event in their order, detail last, in JSON, spread and clone alike', () => {
    const [provisioning] = taskEvents();
    const keys = ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail'];
    expect(Object.keys(JSON.parse(JSON.stringify(provisioning.event)))).toEqual(keys);
    const [again] = taskEvents();
    expect(Object.keys({ ...again.event })).toEqual(keys);
    const [cloned] = taskEvents();
    expect(structuredClone(cloned.event)).toEqual(JSON.parse(JSON.stringify(provisioning.event)));
    expect(provisioning.event.detail).toMatchObject({ lastStatus: 'PROVISIONING', desiredStatus: 'RUNNING', group: 'family:app' });
  });

  it('shows the task as it was at that instant, whenever it is read', () => {
    const statuses = taskEvents().map((e) => e.event.detail.lastStatus);
    expect(statuses).toEqual(['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING']);
  });

  it('reads through a proxy, as a reactive UI framework wraps what it shows', () => {
    const [first] = taskEvents();
    const seen = new Proxy(first.event, { get: (target, key, receiver) => Reflect.get(target, key, receiver) });
    expect(seen.detail.lastStatus).toBe('PROVISIONING');
    expect(first.event.detail.lastStatus).toBe('PROVISIONING');
  });

  it('takes a detail written over it, as a plain object does', () => {
    const [first] = taskEvents();
    first.event.detail = { replaced: true };
    expect(JSON.parse(JSON.stringify(first.event)).detail).toEqual({ replaced: true });
  });
});
