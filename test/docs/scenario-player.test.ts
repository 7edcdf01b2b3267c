// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ErrorRateChart from '../../docs/components/ErrorRateChart.vue';
import ScalingChart from '../../docs/components/ScalingChart.vue';
import ScenarioPlayer from '../../docs/components/ScenarioPlayer.vue';
import { until } from '../until.js';

// chart.js needs a real canvas and the charts read VitePress's theme: both belong to the browser test.
const stubs = { TaskChart: true, HealthChart: true, ErrorRateChart: true, ScalingChart: true };

/** The player once its first scenario is recorded to the end (or it says why it cannot be). */
async function mountPlayer(feature = 'rolling-update', props: Record<string, unknown> = {}): Promise<VueWrapper> {
  const wrapper = mount(ScenarioPlayer, { props: { feature, ...props }, global: { stubs } });
  await until(async () => {
    await flushPromises();
    expect(wrapper.find('[data-testid="player-error"], [data-recording="complete"] [data-testid="player-play"]').exists()).toBe(true);
  });
  return wrapper;
}

const statuses = (wrapper: VueWrapper) => byTestId(wrapper, 'step').map((s) => s.attributes('data-status'));

const byTestId = (wrapper: VueWrapper, id: string) => wrapper.findAll(`[data-testid="${id}"]`);

async function chooseOutline(wrapper: VueWrapper) {
  const picker = byTestId(wrapper, 'scenario-picker')[0];
  const index = picker.findAll('option').findIndex((o) => o.text().startsWith('Try your own'));
  await picker.setValue(String(index));
}

describe('ScenarioPlayer', () => {
  it('loads the feature, lists its scenarios and starts at virtual time zero with no step run', async () => {
    const wrapper = await mountPlayer();
    expect(byTestId(wrapper, 'scenario-picker')[0].findAll('option').length).toBe(5);
    expect(byTestId(wrapper, 'player-clock')[0].text()).toBe('+00:00:00.000');
    expect(byTestId(wrapper, 'step').map((s) => s.attributes('data-status'))).toEqual(Array(11).fill('pending'));
  });

  it('marks steps passed one by one on Step and moves the clock with them', async () => {
    const wrapper = await mountPlayer();
    for (let i = 0; i < 3; i++) await byTestId(wrapper, 'player-step')[0].trigger('click');
    expect(statuses(wrapper).slice(0, 4)).toEqual(['passed', 'passed', 'passed', 'pending']);
    expect(byTestId(wrapper, 'player-clock')[0].text()).toBe('+00:00:48.000');
    expect(byTestId(wrapper, 'task').filter((t) => t.attributes('data-revision') === '1')).toHaveLength(6);
  });

  it('shows parameter inputs only for the outline, and explains bad values beside them', async () => {
    const wrapper = await mountPlayer();
    expect(byTestId(wrapper, 'param-maximumPercent')).toHaveLength(0);
    await chooseOutline(wrapper);
    const input = byTestId(wrapper, 'param-maximumPercent')[0];
    expect((input.element as HTMLInputElement).value).toBe('200');

    await input.setValue('abc');
    await byTestId(wrapper, 'player-replay')[0].trigger('submit');
    expect(byTestId(wrapper, 'param-error-maximumPercent')[0].text()).toContain('must be a whole number');

    await input.setValue('50');
    await byTestId(wrapper, 'player-replay')[0].trigger('submit');
    // The replay runs the feature again, asynchronously, before the engine's answer can be shown.
    await until(() =>
      expect(byTestId(wrapper, 'param-error-maximumPercent')[0]?.text()).toBe(
        'InvalidParameterException: deploymentConfiguration.maximumPercent must be at least 100 (got 50).',
      ),
    );
    expect(input.attributes('aria-invalid')).toBe('true');
    wrapper.unmount();
  });

  it('adds an error-rate chart only for a scenario with traffic, and a scaling chart only where a service scales', async () => {
    const charts = (wrapper: VueWrapper) => ({
      errorRate: wrapper.findAllComponents(ErrorRateChart).length,
      scaling: wrapper.findAllComponents(ScalingChart).length,
    });
    const rolling = await mountPlayer('rolling-update');
    expect(charts(rolling)).toEqual({ errorRate: 0, scaling: 0 });
    rolling.unmount();
    const failover = await mountPlayer('service-discovery-failover');
    expect(charts(failover)).toEqual({ errorRate: 1, scaling: 0 });
    failover.unmount();
    const autoscaling = await mountPlayer('autoscaling');
    expect(charts(autoscaling)).toEqual({ errorRate: 1, scaling: 1 });
    await byTestId(autoscaling, 'scenario-picker')[0].setValue('1');
    // The night-time scenario scales on a schedule and runs no traffic.
    await until(() => expect(charts(autoscaling)).toEqual({ errorRate: 0, scaling: 1 }));
    autoscaling.unmount();
  });

  it('says so in the player when the feature does not exist', async () => {
    const wrapper = await mountPlayer('no-such-feature');
    expect(byTestId(wrapper, 'player-error')[0].text()).toContain('scenarios/features/no-such-feature.feature');
  });

  it('opens on the run a permalink names: scenario, values and seed, and links back to it', async () => {
    history.replaceState(null, '', '/chapters/rolling-updates?play=rolling-update&scenario=Try+your+own+deployment+configuration&seed=7&v.maximumPercent=150');
    try {
      const wrapper = await mountPlayer();
      const picker = byTestId(wrapper, 'scenario-picker')[0].element as HTMLSelectElement;
      expect(picker.selectedOptions[0].text).toMatch(/^Try your own/);
      expect((byTestId(wrapper, 'param-maximumPercent')[0].element as HTMLInputElement).value).toBe('150');
      expect((byTestId(wrapper, 'player-seed')[0].element as HTMLInputElement).value).toBe('7');
      const link = new URL((byTestId(wrapper, 'player-permalink')[0].element as HTMLInputElement).value);
      expect([link.pathname, link.searchParams.get('seed'), link.searchParams.get('v.maximumPercent')]).toEqual(['/chapters/rolling-updates', '7', '150']);
      expect(byTestId(wrapper, 'step').map((s) => s.text()).join('\n')).toContain('maximumPercent 150');
      wrapper.unmount();
    } finally {
      history.replaceState(null, '', '/');
    }
  });

  it('changes the permalink when the learner picks another seed', async () => {
    const wrapper = await mountPlayer();
    const seed = byTestId(wrapper, 'player-seed')[0];
    expect((seed.element as HTMLInputElement).value).toBe('1');
    await seed.setValue('9');
    await seed.trigger('change');
    expect(new URL((byTestId(wrapper, 'player-permalink')[0].element as HTMLInputElement).value).searchParams.get('seed')).toBe('9');
    wrapper.unmount();
  });

  it('holds after the step a quiz asks about, then plays on to the end', async () => {
    const wrapper = await mountPlayer('rolling-update', { embedded: true, holdAfterStep: 4 });
    expect(byTestId(wrapper, 'scenario-picker')).toHaveLength(0);
    await byTestId(wrapper, 'player-speed')[0].setValue('1000');
    await byTestId(wrapper, 'player-play')[0].trigger('click');
    await until(() => expect(wrapper.emitted('hold')).toHaveLength(1));
    expect(byTestId(wrapper, 'step').map((s) => s.attributes('data-status')).slice(0, 5)).toEqual(['passed', 'passed', 'passed', 'passed', 'pending']);
    await wrapper.setProps({ holdAfterStep: undefined });
    (wrapper.vm as unknown as { play: () => void }).play();
    await until(() => expect(wrapper.emitted('end')).toHaveLength(1));
    wrapper.unmount();
  });
});
