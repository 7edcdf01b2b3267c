import { deploymentBounds, formatVirtualTime, type SimEvent } from '../../core/index.js';
import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { messagePattern } from './message-pattern.js';
import { describeCounts, describeService, totals } from './service-inspection.js';

/**
 * Assertions over the whole recorded history since the last update step, never over a sample:
 * every change of every task counts.
 */
function historySinceUpdate(world: ScenarioWorld, service: string) {
  return world.sim.control('taskHistory', service, world.cluster, world.updateStartedAt);
}

async function serviceMessagesSinceUpdate(world: ScenarioWorld, service: string): Promise<string[]> {
  const events: SimEvent[] = await world.sim.control('eventsSince', world.updateStartedAtEvent);
  return events.flatMap((e) => (e.kind === 'service-event' && e.service === service && e.cluster === world.cluster ? [e.message] : []));
}

defineSteps('History and events', {
  'at no time during the update are more than {int} tasks of {string} running or pending': async (world, limit: number, service: string) => {
    const worst = (await historySinceUpdate(world, service)).find((p) => {
      const t = totals(p.byTaskDefinition);
      return t.running + t.pending > limit;
    });
    expect(!worst, () => `At ${formatVirtualTime(worst!.time)} there were more than ${limit}: ${describeCounts(worst!.byTaskDefinition)}.`);
  },
  'at no time during the update are fewer than {int} tasks of {string} healthy': async (world, limit: number, service: string) => {
    const worst = (await historySinceUpdate(world, service)).find((p) => totals(p.byTaskDefinition).healthy < limit);
    expect(!worst, () => `At ${formatVirtualTime(worst!.time)} only ${totals(worst!.byTaskDefinition).healthy} were healthy: ${describeCounts(worst!.byTaskDefinition)}.`);
  },
  '{string} stops {int} tasks before it starts any': async (world, service: string, count: number) => {
    // Watch the update until the scheduler has started something (or ten minutes pass).
    await world.sim.runUntil(async () => (await serviceMessagesSinceUpdate(world, service)).some((m) => / has started \d+ tasks:/.test(m)), 600);
    const messages = await serviceMessagesSinceUpdate(world, service);
    const firstStop = messages.findIndex((m) => m.includes('running tasks:'));
    const firstStart = messages.findIndex((m) => / has started \d+ tasks:/.test(m));
    expect(firstStop >= 0 && (firstStart < 0 || firstStop < firstStart), () => `The first events were: ${messages.slice(0, 2).join(' | ') || 'none'}.`);
    expect(messages[firstStop].includes(`has stopped ${count} running tasks:`), () => `The first stop was: ${messages[firstStop]}`);
  },
  'the service {string} reports:': async (world, service: string, expected: string) => {
    const pattern = messagePattern(expected);
    const messages = await serviceMessagesSinceUpdate(world, service);
    expect(messages.some((m) => pattern.test(m)), () => `No event matched. Events since the update:\n${messages.join('\n') || '(none)'}`);
  },
  'the events of {string} since the update are, in order:': async (world, service: string, table: string[][]) => {
    const messages = await serviceMessagesSinceUpdate(world, service);
    const patterns = table.map((row) => messagePattern(row[0]));
    const mismatch = patterns.findIndex((p, i) => !p.test(messages[i] ?? ''));
    expect(mismatch < 0 && messages.length === patterns.length, () =>
      `Expected ${patterns.length} events; got ${messages.length}:\n${messages.join('\n')}${mismatch >= 0 ? `\nfirst difference at line ${mismatch + 1}: expected "${table[mismatch][0]}"` : ''}`,
    );
  },
});

defineSteps('Deployment bounds', {
  '{string} stayed within its deployment bounds during the update': async (world, service: string) => {
    const { desiredCount, deploymentConfiguration } = await describeService(world, service);
    const { lower, upper } = deploymentBounds(desiredCount, deploymentConfiguration.minimumHealthyPercent, deploymentConfiguration.maximumPercent);
    for (const point of await historySinceUpdate(world, service)) {
      const t = totals(point.byTaskDefinition);
      expect(t.running + t.pending <= upper, () => `At ${formatVirtualTime(point.time)} ${t.running + t.pending} tasks were running or pending, above the upper bound floor(${desiredCount} × ${deploymentConfiguration.maximumPercent}%) = ${upper}.`);
      expect(t.healthy >= lower, () => `At ${formatVirtualTime(point.time)} only ${t.healthy} tasks were healthy, below the lower bound ceil(${desiredCount} × ${deploymentConfiguration.minimumHealthyPercent}%) = ${lower}.`);
    }
  },
});
