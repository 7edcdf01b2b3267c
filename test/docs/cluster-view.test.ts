// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ClusterView from '../../docs/components/ClusterView.vue';
import InstanceDetails from '../../docs/components/InstanceDetails.vue';
import TaskDetails from '../../docs/components/TaskDetails.vue';
import { runFeature, type ScenarioRun } from '../../scenarios/runner/run-feature.js';
import { createSimulator } from '../../core/index.js';

const scenario = async (feature: string, name: RegExp): Promise<ScenarioRun> => {
  const source = readFileSync(`scenarios/features/${feature}.feature`, 'utf8');
  return (await runFeature(source)).scenarios.find((s) => name.test(s.name))!;
};
/** The cluster as it is when the given step has run. */
const viewAfterStep = (run: ScenarioRun, step: number) => run.frames[run.steps[step - 1].framesTo - 1].view;

describe('the cluster view', () => {
  it('draws Fargate tasks by zone and capacity provider, Spot ones marked SPOT', async () => {
    const run = await scenario('spot-reclamation', /on-demand base/);
    const wrapper = mount(ClusterView, { props: { view: viewAfterStep(run, 3) } });
    expect(wrapper.findAll('[data-testid="zone"]')).toHaveLength(3);
    const groups = wrapper.findAll('[data-testid="fargate-group"]');
    const tasksOn = (provider: string) =>
      groups.filter((g) => g.attributes('data-provider') === provider).reduce((n, g) => n + g.findAll('[data-testid="task"]').length, 0);
    expect([tasksOn('FARGATE'), tasksOn('FARGATE_SPOT')]).toEqual([4, 6]);
    expect(groups.every((g) => g.text().startsWith(g.attributes('data-provider')!))).toBe(true);
    expect(wrapper.findAll('.spot-mark:not(.sample)')).toHaveLength(6);
    expect(wrapper.findAll('[data-testid="instance"]')).toHaveLength(0);
  });

  it('shows a draining instance as DRAINING and selects an instance on click', async () => {
    const run = await scenario('draining', /Service tasks move/);
    const wrapper = mount(ClusterView, { props: { view: viewAfterStep(run, 7) } });
    const instances = wrapper.findAll('[data-testid="instance"]');
    expect(instances.map((i) => i.attributes('data-status'))).toEqual(['DRAINING', 'ACTIVE']);
    expect(instances[0].classes()).toContain('draining');
    expect(instances[0].text()).toContain('DRAINING');
    expect(wrapper.find('.legend').text()).toContain('instance DRAINING');
    await instances[0].get('[data-testid="instance-head"]').trigger('click');
    expect(wrapper.emitted('select')![0][0]).toMatchObject({ kind: 'instance' });
  });
});

describe('the details of a selection', () => {
  it("explains an EC2 task's placement: the instances ruled out, by which rule, and the one chosen", async () => {
    const run = await scenario('rolling-update', /defaults/);
    const task = run.frames.at(-1)!.view.clusters[0].instances.flatMap((i) => i.tasks).find((t) => t.placement)!;
    const text = mount(TaskDetails, { props: { task } }).get('[data-testid="placement"]').text();
    expect(text).toContain(`placed on ${task.placement!.chosen!.ec2InstanceId}`);
    for (const stage of task.placement!.stages) expect(text).toContain(stage.rule);
  });

  it('counts the instances a large cluster\'s explanation does not list', () => {
    const sim = createSimulator();
    sim.createCluster({ clusterName: 'big' });
    sim.control.addInstances({ cluster: 'big', instanceType: 't3.micro', count: 30 });
    sim.control.addInstances({ cluster: 'big', instanceType: 'm5.xlarge', count: 25 });
    sim.registerTaskDefinition({ family: 'fat', containerDefinitions: [{ name: 'fat', image: 'fat:1', memory: 2048 }] });
    const [task] = sim.runTask({ cluster: 'big', taskDefinition: 'fat' }).tasks;
    const tile = sim.control.view().clusters[0].instances.flatMap((i) => i.tasks).find((t) => t.taskArn === task.taskArn)!;
    const text = mount(TaskDetails, { props: { task: tile } }).get('[data-testid="placement"]').text();
    // 30 micro instances lack the memory; the explanation lists 20 of them and counts the other 10.
    expect(text).toContain('and 10 more instances ruled out');
    expect(text).toMatch(/kept (i-[0-9a-f]+, ){19}i-[0-9a-f]+\s+and 5 more/);
  });

  it("gives a Fargate task's zone and capacity provider", async () => {
    const run = await scenario('spot-reclamation', /on-demand base/);
    const task = viewAfterStep(run, 3).clusters[0].fargateTasks.find((t) => t.capacityProviderName === 'FARGATE_SPOT')!;
    const wrapper = mount(TaskDetails, { props: { task } });
    expect(wrapper.get('[data-testid="task-capacity-provider"]').text()).toBe('FARGATE_SPOT');
    expect(wrapper.get('[data-testid="placement"]').text()).toContain(task.availabilityZone!);
  });

  it('says what a DRAINING instance does with its tasks', async () => {
    const run = await scenario('draining', /Service tasks move/);
    const instance = viewAfterStep(run, 7).clusters[0].instances[0];
    expect(mount(InstanceDetails, { props: { instance } }).text()).toContain('DRAINING: takes no new tasks');
  });
});
