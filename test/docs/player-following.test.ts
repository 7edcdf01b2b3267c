// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ScenarioPlayer from '../../docs/components/ScenarioPlayer.vue';
import { until } from '../until.js';

// chart.js needs a real canvas and the charts read VitePress's theme: both belong to the browser test.
const stubs = { TaskChart: true, HealthChart: true, ErrorRateChart: true, ScalingChart: true };

const byTestId = (wrapper: VueWrapper, id: string) => wrapper.findAll(`[data-testid="${id}"]`);
const one = (wrapper: VueWrapper, id: string) => wrapper.get(`[data-testid="${id}"]`);
const statuses = (wrapper: VueWrapper) => byTestId(wrapper, 'step').map((s) => s.attributes('data-status'));
const disabled = (wrapper: VueWrapper, id: string) => (one(wrapper, id).element as HTMLButtonElement).disabled;

/** The player, once it shows its first scenario (`complete`: once that scenario is recorded to the end). */
async function mountPlayer(feature: string, props: Record<string, unknown> = {}, complete = true): Promise<VueWrapper> {
  const wrapper = mount(ScenarioPlayer, { props: { feature, ...props }, global: { stubs } });
  const ready = complete ? '[data-recording="complete"] [data-testid="player-play"]' : '[data-testid="player-play"]';
  await until(async () => {
    await flushPromises();
    expect(wrapper.find(ready).exists()).toBe(true);
  });
  return wrapper;
}

async function choose(wrapper: VueWrapper, label: RegExp) {
  const picker = one(wrapper, 'scenario-picker');
  const index = picker.findAll('option').findIndex((o) => label.test(o.text()));
  expect(index, `a scenario labelled ${label}`).toBeGreaterThanOrEqual(0);
  await picker.setValue(String(index));
}

async function playToEnd(wrapper: VueWrapper) {
  await one(wrapper, 'player-speed').setValue('1000');
  await one(wrapper, 'player-play').trigger('click');
  await until(() => expect(byTestId(wrapper, 'player-verdict')).toHaveLength(1));
}

describe('a player you can follow', () => {
  it('shows Play, enabled, before the scenario has finished recording, and plays it as the steps come', async () => {
    const wrapper = mount(ScenarioPlayer, { props: { feature: 'rolling-update' }, global: { stubs } });
    // What the page shows the first time Play is there, before anything else can run.
    const firstSeen = new Promise<{ enabled: boolean; recording?: string }>((resolve) => {
      const observer = new MutationObserver(() => {
        const play = (wrapper.element as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="player-play"]');
        if (!play) return;
        observer.disconnect();
        resolve({ enabled: !play.disabled, recording: wrapper.element.getAttribute('data-recording') ?? undefined });
      });
      observer.observe(wrapper.element, { subtree: true, childList: true, attributes: true });
    });
    expect(await firstSeen).toEqual({ enabled: true, recording: 'recording' });
    await playToEnd(wrapper);
    expect(wrapper.attributes('data-recording')).toBe('complete');
    expect(new Set(statuses(wrapper))).toEqual(new Set(['passed']));
    wrapper.unmount();
  });

  it("shows each step's doc string and data table under it", async () => {
    const breaker = await mountPlayer('circuit-breaker');
    const docStrings = byTestId(breaker, 'step-doc-string').map((d) => d.text());
    expect(docStrings).toContain('(service web) (deployment ecs-svc/…) deployment failed: tasks failed to start.');
    breaker.unmount();

    const fargate = await mountPlayer('fargate');
    await choose(fargate, /documented cpu\/memory pairs/);
    expect(byTestId(fargate, 'step-doc-string').map((d) => d.text())).toEqual([
      'ClientException: No Fargate configuration exists for given values.',
      'ClientException: No Fargate configuration exists for given values.',
    ]);
    fargate.unmount();

    const scaling = await mountPlayer('autoscaling');
    await choose(scaling, /^Step scaling/);
    const table = one(scaling, 'step-data-table');
    expect(table.findAll('th').length).toBeGreaterThan(1);
    expect(table.findAll('tr').length).toBeGreaterThan(1);
    scaling.unmount();
  });

  it("labels an Outline's examples by their values, shows the chosen one's in the form, its expected results as text", async () => {
    const wrapper = await mountPlayer('load-balancer');
    const labels = one(wrapper, 'scenario-picker').findAll('option').map((o) => o.text()).filter((t) => t.startsWith('Slow start'));
    expect(labels).toEqual([
      'Slow start ramps a new task up, so the tasks already there carry more for a while (slow start 0, at least 30, at most 45)',
      'Slow start ramps a new task up, so the tasks already there carry more for a while (slow start 120, at least 60, at most 90)',
    ]);
    await choose(wrapper, /slow start 120/);
    expect((one(wrapper, 'param-slow start').element as HTMLInputElement).value).toBe('120');
    expect(byTestId(wrapper, 'param-at least')).toHaveLength(0);
    expect(one(wrapper, 'param-expected').text()).toMatch(/at least\s60, at most\s90$/);
    expect(statuses(wrapper)).toHaveLength(byTestId(wrapper, 'step').length);
    expect(byTestId(wrapper, 'step').map((s) => s.text()).join('\n')).toContain('slow start on "web-tg" lasts 120 seconds');
    wrapper.unmount();
  });

  it('plays the values in the form when Play is pressed, without the form being sent first', async () => {
    const wrapper = await mountPlayer('rolling-update');
    await choose(wrapper, /Try your own/);
    await one(wrapper, 'param-maximumPercent').setValue('150');
    expect(one(wrapper, 'player-play').text()).toContain('Play new values');
    expect([disabled(wrapper, 'player-step'), disabled(wrapper, 'player-next-event')]).toEqual([true, true]);
    await one(wrapper, 'player-speed').setValue('1000');
    await one(wrapper, 'player-play').trigger('click');
    await until(() => expect(byTestId(wrapper, 'player-verdict')).toHaveLength(1));
    expect(byTestId(wrapper, 'step').map((s) => s.text()).join('\n')).toContain('maximumPercent 150');
    expect(new URL((one(wrapper, 'player-permalink').element as HTMLInputElement).value).searchParams.get('v.maximumPercent')).toBe('150');
    wrapper.unmount();
  });

  it('keeps the values typed in when the learner picks another seed, and plays them with it', async () => {
    const wrapper = await mountPlayer('rolling-update');
    await choose(wrapper, /Try your own/);
    await one(wrapper, 'param-maximumPercent').setValue('150');
    await one(wrapper, 'player-seed').setValue('9');
    await one(wrapper, 'player-seed').trigger('change');
    expect((one(wrapper, 'param-maximumPercent').element as HTMLInputElement).value).toBe('150');
    expect(one(wrapper, 'player-play').text()).toContain('Play new values');
    await playToEnd(wrapper);
    const link = new URL((one(wrapper, 'player-permalink').element as HTMLInputElement).value);
    expect([link.searchParams.get('seed'), link.searchParams.get('v.maximumPercent')]).toEqual(['9', '150']);
    wrapper.unmount();
  });

  it('jumps to the next event: the clock moves to it and the log shows it', async () => {
    const wrapper = await mountPlayer('rolling-update');
    // The Given steps at 0 ms, then the service's first event.
    for (let i = 0; i < 8; i++) {
      if (byTestId(wrapper, 'event').length > 0) break;
      await one(wrapper, 'player-next-event').trigger('click');
    }
    expect(byTestId(wrapper, 'event')[0].text()).toContain('has started 6 tasks');
    const clock = one(wrapper, 'player-clock').text();
    await one(wrapper, 'player-next-event').trigger('click');
    expect(one(wrapper, 'player-clock').text()).not.toBe(clock);
    wrapper.unmount();
  });

  it('says which step failed, with its error, when the scenario fails', async () => {
    const wrapper = await mountPlayer('rolling-update');
    await choose(wrapper, /Try your own/);
    await one(wrapper, 'param-minimumHealthyPercent').setValue('100');
    await one(wrapper, 'param-maximumPercent').setValue('100');
    await one(wrapper, 'player-speed').setValue('1000');
    await one(wrapper, 'player-replay').trigger('submit');
    await until(() => expect(byTestId(wrapper, 'player-verdict')).toHaveLength(1));
    const status = one(wrapper, 'player-status').text();
    expect(status).toContain('scenario failed');
    expect(status).toMatch(/Step \d+ of \d+\sfailed: Then the deployment of "web" completes within 10 minutes — /);
    wrapper.unmount();
  });

  it("counts the circuit breaker's failed tasks against its threshold while a deployment fails", async () => {
    const wrapper = await mountPlayer('circuit-breaker');
    const stepsTo = async (text: string) => {
      const index = byTestId(wrapper, 'step').findIndex((s) => s.text().includes(text));
      while (statuses(wrapper)[index] !== 'passed') await one(wrapper, 'player-step').trigger('click');
    };
    await stepsTo('When I deploy revision 2 of "web"');
    expect(one(wrapper, 'player-breaker').text()).toMatch(/^Circuit breaker of web: 0 of 3 failed tasks before it fails the deployment\.$/);
    await stepsTo('the deployment of "web" fails within 10 minutes');
    const [, failed] = /Circuit breaker of web: (\d+) of 3 failed tasks: threshold reached/.exec(one(wrapper, 'player-breaker').text()) ?? [];
    expect(Number(failed)).toBeGreaterThanOrEqual(3);
    wrapper.unmount();
  });

  it('keeps a predict question\'s answer back: a neutral title, "?" for the steps to come, locked controls; all shown once answered', async () => {
    const wrapper = await mountPlayer('rolling-update', { embedded: true, holdAfterStep: 4, conceal: true, autoplay: true });
    expect(one(wrapper, 'player-title').text()).toBe('What happens next?');
    expect(['player-play', 'player-step', 'player-next-event', 'player-reset', 'player-speed', 'player-scrub'].map((id) => disabled(wrapper, id))).toEqual(
      Array(6).fill(true),
    );
    await until(() => expect(wrapper.emitted('hold')).toHaveLength(1));
    const steps = byTestId(wrapper, 'step');
    expect(byTestId(wrapper, 'step-hidden')).toHaveLength(steps.length - 4);
    for (const hidden of steps.slice(4)) expect(hidden.text()).toMatch(/^\W*\?A step not shown until you answer$/);
    expect(steps[3].text()).toContain('a new revision of "web"');

    await wrapper.setProps({ conceal: false, holdAfterStep: undefined });
    expect(one(wrapper, 'player-title').text()).toMatch(/^The defaults/);
    expect(byTestId(wrapper, 'step-hidden')).toHaveLength(0);
    expect(disabled(wrapper, 'player-play')).toBe(false);
    wrapper.unmount();
  });
});
