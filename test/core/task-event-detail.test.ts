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

describe('a task state change event read after the task changed', () => {
  it('shows the tags and containers the task had when it happened', () => {
    const sim = createSimulator({ seed: 2 });
    sim.createCluster({ clusterName: 'c' });
    sim.control.addInstances({ cluster: 'c', instanceType: 'm5.large', count: 1 });
    sim.registerTaskDefinition({
      family: 'app',
      containerDefinitions: [
        { name: 'app', image: 'app:1', memory: 128 },
        { name: 'helper', image: 'helper:1', memory: 128, essential: false },
      ],
    });
    const [task] = sim.runTask({ cluster: 'c', taskDefinition: 'app', tags: [{ key: 'team', value: 'a' }] }).tasks;
    sim.control.advance(60);
    sim.tagResource({ resourceArn: task.taskArn!, tags: [{ key: 'team', value: 'b' }] });
    sim.control.exitContainer({ cluster: 'c', task: task.taskArn!, container: 'helper', exitCode: 3 });
    const details = sim.control
      .events()
      .flatMap((e) => (e.kind === 'eventbridge' && e.event['detail-type'] === 'ECS Task State Change' ? [e.event.detail as { tags: unknown; containers: Array<{ name: string; lastStatus: string }> }] : []));
    const running = details[3];
    const afterExit = details.at(-1)!;
    expect(running.tags).toEqual([{ key: 'team', value: 'a' }]);
    expect(running.containers.map((c) => c.lastStatus)).toEqual(['RUNNING', 'RUNNING']);
    expect(afterExit.tags).toEqual([{ key: 'team', value: 'b' }]);
    expect(afterExit.containers.map((c) => `${c.name} ${c.lastStatus}`)).toEqual(['app RUNNING', 'helper STOPPED']);
  });
});
