import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runFeature } from '../../scenarios/runner/run-feature.js';

const rollingUpdate = readFileSync(new URL('../../scenarios/features/rolling-update.feature', import.meta.url), 'utf8');

describe('running a feature in-process (the path the page player and the CLI share)', () => {
  it('passes every step of the rolling-update feature and ends with only revision-2 tasks in the cluster picture', async () => {
    const run = await runFeature(rollingUpdate);
    expect(run.status).toBe('passed');
    const first = run.scenarios[0];
    expect(first.steps.every((s) => s.status === 'passed')).toBe(true);
    const lastFrame = first.frames[first.frames.length - 1];
    const tiles = lastFrame.view.clusters[0].instances.flatMap((i) => i.tasks);
    expect(tiles).toHaveLength(6);
    expect(new Set(tiles.map((t) => t.revision))).toEqual(new Set([2]));
    expect(lastFrame.tasksByRevision.web['web:2']).toEqual({ pending: 0, running: 6, healthy: 6, stopping: 0 });
  });

  it('records frames in time order with both revisions side by side during the update', async () => {
    const frames = (await runFeature(rollingUpdate)).scenarios[0].frames;
    expect(frames.map((f) => f.time)).toEqual([...frames.map((f) => f.time)].sort((a, b) => a - b));
    expect(frames.some((f) => f.tasksByRevision.web?.['web:1']?.running > 0 && f.tasksByRevision.web?.['web:2']?.running > 0)).toBe(true);
  });

  it('lists the outline parameters and replays with values the learner typed', async () => {
    const run = await runFeature(rollingUpdate, { exampleValues: { minimumHealthyPercent: '100', maximumPercent: '100' } });
    expect(run.parameters).toEqual([
      { name: 'minimumHealthyPercent', value: '100' },
      { name: 'maximumPercent', value: '100' },
    ]);
    const outline = run.scenarios.find((s) => s.name === 'Try your own deployment configuration')!;
    expect(outline.steps[2].text).toContain('minimumHealthyPercent 100 and maximumPercent 100');
    expect(outline.status).toBe('failed');
    expect(outline.steps.find((s) => s.status === 'failed')!.error).toContain('was unable to stop or start tasks during a deployment');
  });

  it('marks an undefined step, suggests the closest steps and skips the rest', async () => {
    const run = await runFeature(`Feature: typo
  Scenario: one
    Given a cluster "c" with 2 m5.large instances across 2 zones
    When I deploy revison 2 of "web"
    Then 2 minutes pass
`);
    const [scenario] = run.scenarios;
    expect(scenario.steps.map((s) => s.status)).toEqual(['passed', 'undefined', 'skipped']);
    expect(scenario.steps[1].suggestions![0]).toBe('I deploy revision {int} of {string}');
    expect(scenario.steps[1].line).toBe(4);
    expect(run.status).toBe('undefined');
  });

  it('turns an ECS error inside a step into a failed step naming the exception', async () => {
    const run = await runFeature(`Feature: bad input
  Scenario: unknown instance type
    Given a cluster "c" with 2 m9.huge instances across 2 zones
`);
    const step = run.scenarios[0].steps[0];
    expect(step.status).toBe('failed');
    expect(step.error).toMatch(/^InvalidParameterException: instanceType "m9.huge" is not a simulated instance type/);
  });

  it('rejects text that is not Gherkin with a parse error', async () => {
    await expect(runFeature('not a feature')).rejects.toThrow(/expected: #EOF, #Language, #TagLine, #FeatureLine|Feature/);
  });
});
