import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLabChecks } from '../../labs/lab-kit/node/check-lab-folder.js';
import { LABS_ROOT, labIds, readLearnerFiles, readManifest } from '../../labs/lab-kit/node/lab-folders.js';
import { watchLabRun } from '../../labs/lab-kit/lab-simulator.js';
import { runChecks } from '../../labs/lab-kit/run-checks.js';
import { parseJson } from '../../labs/lab-kit/parse-json.js';
import { formatSpan, replaySnapshot } from '../../scenarios/runner/replay-snapshot.js';

/**
 * "Watch your run": the simulation a lab's checks judged comes back with their report, and replays in the
 * player as the same run, step by step.
 */
const labsRoot = fileURLToPath(LABS_ROOT);

async function checkWatching(id: string, folder: string) {
  const lab = await loadLabChecks(labsRoot, id);
  const files = readLearnerFiles(join(labsRoot, id, folder), readManifest(labsRoot, id).files);
  return { files, ...watchLabRun(() => runChecks(lab, files)) };
}

describe.each(labIds(labsRoot))('lab %s', (id) => {
  it('hands back the run its checks judged of the solution, so the page can play it', async () => {
    const { value: report, run } = await checkWatching(id, 'solution');
    expect(report.passed).toBe(true);
    expect(run?.journal.length, 'the lab makes its simulator with createLabSimulator').toBeGreaterThan(0);
  });
});

describe('a lab run replayed for the player', () => {
  it('plays the rolling-update solution as the checks saw it: the learner\'s service.json sent, web:2 rolled out', async () => {
    const { files, value: report, run } = await checkWatching('rolling-update', 'solution');
    const yours = { 'service.json': (parseJson(files['service.json']) as { ok: true; value: unknown }).value };
    const replayed = await replaySnapshot(run!, { name: 'Your run', status: report.passed ? 'passed' : 'failed', yours });
    expect(replayed.status).toBe('passed');
    const sent = replayed.steps.find((s) => s.text === 'your service.json is sent as createService')!;
    expect(JSON.parse(sent.docString!)).toEqual(yours['service.json']);
    expect(replayed.steps.some((s) => s.text === 'the lab calls updateService')).toBe(true);
    expect(replayed.steps.some((s) => /^\d.* pass$/.test(s.text))).toBe(true);
    // The replay is the run itself: it ends with the 6 tasks of web on revision 2, as the checks found.
    const last = replayed.frames.at(-1)!;
    expect(Object.keys(last.tasksByRevision.web)).toEqual(['web:2']);
    expect(last.tasksByRevision.web['web:2'].running).toBe(6);
    expect(replayed.events.length).toBeGreaterThan(0);
    // Steps cover the run end to end, in order.
    expect(replayed.steps.at(-1)!.endedAt).toBe(last.time);
    for (const [i, step] of replayed.steps.entries()) if (i > 0) expect(step.startedAt).toBe(replayed.steps[i - 1].endedAt);
  });

  it('says a stretch of virtual time in hours, minutes and seconds', () => {
    expect(formatSpan(0)).toBe('0 s');
    expect(formatSpan(90_000)).toBe('1 min 30 s');
    expect(formatSpan(2 * 3600_000 + 5 * 60_000)).toBe('2 h 5 min');
  });
});
