import { describe, expect, it, vi } from 'vitest';
import { createSimulator } from '../../core/index.js';
import type { SimContext } from '../../core/kernel/context.js';
import { applyPlan } from '../../core/ecs/services/apply-plan.js';
import type { ServicePlan, StopOrder } from '../../core/ecs/services/service-plan.js';

type Simulator = ReturnType<typeof createSimulator>;

/** The applier works on the engine's records: the simulator's context, reached past its TypeScript privacy. */
const contextOf = (sim: Simulator) => (sim as unknown as { ctx: SimContext }).ctx;

/** One m5.large (2048 CPU units) running one 1024-unit task of the service "web" (controller ECS or EXTERNAL). */
function oneInstance(controller: 'ECS' | 'EXTERNAL' = 'ECS') {
  const sim = createSimulator({ seed: 3 });
  sim.createCluster({ clusterName: 'c' });
  sim.control.addInstances({ cluster: 'c', instanceType: 'm5.large', count: 1 });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', cpu: 1024, memory: 512 }] });
  sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 1, deploymentController: { type: controller } });
  const ctx = contextOf(sim);
  const cluster = ctx.state.clusters.get('c')!;
  const service = cluster.services.get('web')!;
  const apply = (plan: Partial<ServicePlan>, later = () => {}) =>
    applyPlan(ctx, cluster, service, { wakeAt: [], steps: [], conditions: [], ...plan }, later);
  return { sim, cluster, service, apply };
}

const messages = (sim: Simulator) => sim.describeServices({ cluster: 'c', services: ['web'] }).services[0].events.map((e) => e.message);
const placementFailures = (sim: Simulator) =>
  sim.control.events().filter((e) => e.kind === 'eventbridge' && e.event.detail.eventName === 'SERVICE_TASK_PLACEMENT_FAILURE');
const unableToPlace = /^\(service web\) was unable to place a task because no container instance met all of its requirements\. The closest matching \(container-instance [0-9a-f]+\) has insufficient CPU units available\./;

describe('the plan applier', () => {
  it('asks for the wake-ups, stops and starts what the plan says, and says so in ECS\'s words', () => {
    const { sim, cluster, service, apply } = oneInstance();
    sim.control.runUntilSteady({ cluster: 'c', service: 'web' });
    const [old] = [...cluster.tasks.values()];
    const later = vi.fn();
    const owner = { id: 'ecs-svc/1234567890123456789', taskDefinitionArn: old.taskDefinition.taskDefinitionArn };
    const stop: StopOrder = { taskArn: old.arn, taskId: old.id, why: { kind: 'scaling-activity', deploymentId: 'ecs-svc/0000000000000000001' } };
    apply({ wakeAt: [5_000, 9_000], steps: [{ stop: [stop], start: [{ owner, count: 1, placement: { kind: 'service' } }] }] }, later);

    expect(later.mock.calls).toEqual([[5_000], [9_000]]);
    expect(old).toMatchObject({ desiredStatus: 'STOPPED', stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/0000000000000000001)' });
    const started = [...cluster.tasks.values()].find((t) => t !== old)!;
    expect(started).toMatchObject({ startedBy: owner.id, deploymentId: owner.id });
    expect(service.tasks.has(started.arn)).toBe(true);
    expect(messages(sim).slice(0, 2)).toEqual([`(service web) has started 1 tasks: (task ${started.id}).`, `(service web) has stopped 1 running tasks: (task ${old.id}).`]);
    // No verdict from the decider: a service that started tasks is not steady.
    expect(service.steady).toBe(false);
  });

  it('says why a task that failed its health checks is stopped, as ECS does', () => {
    const { sim, cluster, apply } = oneInstance();
    sim.control.advance(60);
    const [task] = [...cluster.tasks.values()];
    const target = { targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/0123456789abcdef', id: 'i-0123456789abcdef0', port: 32768, description: 'Health checks failed' };
    apply({ steps: [{ stop: [{ taskArn: task.arn, taskId: task.id, why: { kind: 'failed-elb-health-checks', target } }], start: [] }] });
    expect(messages(sim)[0]).toBe(`(service web) (instance i-0123456789abcdef0) (port 32768) is unhealthy in (target-group ${target.targetGroupArn}) due to (reason Health checks failed)`);
    expect(task.stoppedReason).toBe(`Task failed ELB health checks in (target-group ${target.targetGroupArn})`);
  });

  it('reports a placement failure once while it lasts, and again after a pass that placed everything', () => {
    const { sim, cluster, service, apply } = oneInstance();
    sim.control.runUntilSteady({ cluster: 'c', service: 'web' });
    const owner = { id: service.deployments[0].id, taskDefinitionArn: service.deployments[0].taskDefinitionArn };
    const start = (count: number) => ({ steps: [{ stop: [], start: [{ owner, count, placement: { kind: 'service' as const } }] }] });
    apply(start(2)); // room for one more 1024-unit task: the second fails
    apply(start(1));
    expect(messages(sim).filter((m) => unableToPlace.test(m))).toHaveLength(1);
    expect(placementFailures(sim)).toHaveLength(1);

    const [first] = [...cluster.tasks.values()];
    apply({ steps: [{ stop: [{ taskArn: first.arn, taskId: first.id, why: { kind: 'scaling-activity', deploymentId: owner.id } }], start: [] }] });
    sim.control.advance(120); // its room is free once it has stopped
    apply(start(1)); // places everything: the condition ends
    apply(start(1));
    expect(messages(sim).filter((m) => unableToPlace.test(m))).toHaveLength(2);
  });

  it('retires and completes deployments as the plan says, and announces the steady state once, to EventBridge too', () => {
    const { sim, service, apply } = oneInstance();
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:2', cpu: 1024, memory: 512 }] });
    sim.updateService({ cluster: 'c', service: 'web', taskDefinition: 'web:2' });
    const [primary, old] = service.deployments;
    const settle = { deployments: { retire: [old.id], complete: { deploymentId: primary.id, reason: `ECS deployment ${primary.id} completed.` } }, steady: { reached: true, eventBridge: true } };
    apply(settle);
    apply({ steady: settle.steady });
    expect([old.status, primary.rolloutState, primary.rolloutStateReason]).toEqual(['INACTIVE', 'COMPLETED', `ECS deployment ${primary.id} completed.`]);
    expect(messages(sim).slice(0, 2)).toEqual(['(service web) has reached a steady state.', `(service web) (deployment ${primary.id}) deployment completed.`]);
    const sent = sim.control.events().flatMap((e) => (e.kind === 'eventbridge' && e.event.resources.includes(service.arn) ? [e.event.detail.eventName] : []));
    expect(sent.slice(-2)).toEqual(['SERVICE_DEPLOYMENT_COMPLETED', 'SERVICE_STEADY_STATE']);
  });

  it('keeps a task set\'s stability and the service\'s steady state as the decider says, announcing each once', () => {
    const { sim, service, apply } = oneInstance('EXTERNAL');
    const set = sim.createTaskSet({ cluster: 'c', service: 'web', taskDefinition: 'web' }).taskSet;
    const steady = { steps: [{ stop: [], start: [], taskSet: { id: set.id, stabilityStatus: 'STEADY_STATE' as const } }], steady: { reached: true } };
    apply(steady);
    apply(steady);
    expect(messages(sim)).toEqual([`(service web) has reached a steady state.`, `(service web, taskSet ${set.id}) updated state to STEADY_STATE.`]);
    apply({ steps: [{ stop: [], start: [], taskSet: { id: set.id, remove: true } }], steady: { reached: false } });
    expect([service.taskSets, service.steady]).toEqual([[], false]);
  });
});

describe('a task set that cannot place all its tasks', () => {
  it('says so in ECS\'s words and tells EventBridge, exactly as a replica service does', () => {
    const reports = (controller: 'ECS' | 'EXTERNAL') => {
      const { sim } = oneInstance(controller);
      if (controller === 'EXTERNAL') sim.createTaskSet({ cluster: 'c', service: 'web', taskDefinition: 'web' });
      sim.updateService({ cluster: 'c', service: 'web', desiredCount: 3 }); // two 1024-unit tasks fit on the instance
      sim.control.advance(300);
      const failures = placementFailures(sim).map((e) => e.kind === 'eventbridge' && e.event.detail.reason);
      return { events: messages(sim).filter((m) => m.includes('unable to place')), failures, running: sim.listTasks({ cluster: 'c', serviceName: 'web' }).taskArns.length };
    };
    const replica = reports('ECS');
    const taskSet = reports('EXTERNAL');
    expect(taskSet.events).toHaveLength(1);
    expect(taskSet.events[0]).toMatch(unableToPlace);
    expect(taskSet.failures).toEqual(['RESOURCE:CPU']);
    expect(taskSet).toEqual(replica);
  });
});
