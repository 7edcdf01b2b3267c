// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ScenarioPlayer from '../../docs/components/ScenarioPlayer.vue';
import { until } from '../until.js';

// chart.js needs a real canvas and the charts read VitePress's theme: both belong to the browser test.
const stubs = { TaskChart: true, HealthChart: true, ErrorRateChart: true, ScalingChart: true };

async function mountPlayer(props: Record<string, unknown>): Promise<VueWrapper> {
  const wrapper = mount(ScenarioPlayer, { props: { feature: 'task-vs-service', ...props }, global: { stubs } });
  await until(async () => {
    await flushPromises();
    expect(wrapper.find('[data-testid="player-play"]').exists()).toBe(true);
  });
  return wrapper;
}

const takeAway = (wrapper: VueWrapper) => wrapper.find('[data-testid="player-take-away"]');

describe("the player's take-away", () => {
  it('shows the chosen scenario\'s take-away under its name, and changes with the scenario', async () => {
    const wrapper = await mountPlayer({});
    expect(takeAway(wrapper).text()).toBe('Take away: Nobody restarts a standalone task: RunTask is for work that ends.');
    await wrapper.find('[data-testid="scenario-picker"]').setValue('1');
    expect(takeAway(wrapper).text()).toBe('Take away: A service keeps its desired count by starting a replacement for every task that stops.');
    wrapper.unmount();
  });

  it('keeps it back in a quiz until the scenario has played, since it would give the answer away', async () => {
    const wrapper = await mountPlayer({ scenario: 'A service replaces a task that stops', embedded: true });
    expect(takeAway(wrapper).exists()).toBe(false);
    await wrapper.find('[data-testid="player-speed"]').setValue('1000');
    await wrapper.find('[data-testid="player-play"]').trigger('click');
    await until(() => expect(wrapper.emitted('end')).toHaveLength(1));
    expect(takeAway(wrapper).text()).toContain('A service keeps its desired count');
    wrapper.unmount();
  });
});
