import { createSimulator, type JournalEntry, type SimulatorSnapshot } from '../../core/index.js';
import { callSimulator } from '../port/call-simulator.js';
import { clusterFrame, type Frame } from '../port/cluster-frame.js';
import { inProcessPort } from '../port/in-process-port.js';
import { ScenarioWorld } from '../world/scenario-world.js';
import type { RunStatus, ScenarioRun, StepRun } from './run-feature.js';
import { captureTraffic, scalingOf } from './run-series.js';

/**
 * A saved run (a simulator snapshot: every call that changed it and every move of its clock) replayed for the
 * scenario player, so a learner can watch a run that no feature file describes, such as the one a lab's checks
 * made of their files. Each call is a step that shows its request, each move of the clock a step of its own;
 * the engine being deterministic, the replay is the run itself, event for event.
 */
export interface ReplayedRun {
  /** What the player calls the run ("Your run: 2 of 3 checks passed"). */
  name: string;
  /** The verdict the player shows at the end: the run's own judge's (a lab's checks), not the replay's. */
  status: RunStatus;
  /** Requests to name as the learner's: a call whose request is one of these says "your <file>". */
  yours?: Record<string, unknown>;
}

/** "4 min 30 s", "2 h 5 min": a stretch of virtual time as the steps say it. */
export function formatSpan(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  return [h && `${h} h`, m && `${m} min`, (s || seconds === 0) && `${s} s`].filter(Boolean).join(' ');
}

/** `createService` → ECS; `elbv2.createRule` → a neighbour; `control.addInstances` → the simulation's controls. */
function wireCall(entry: JournalEntry) {
  const dot = entry.call.indexOf('.');
  return dot < 0 ? { target: 'ecs', method: entry.call, args: entry.args } : { target: entry.call.slice(0, dot), method: entry.call.slice(dot + 1), args: entry.args };
}

function describeCall(entry: JournalEntry, yours: Record<string, unknown>): Pick<StepRun, 'keyword' | 'text' | 'docString'> {
  const request = entry.args.length === 1 ? entry.args[0] : entry.args;
  const file = Object.keys(yours).find((name) => JSON.stringify(yours[name]) === JSON.stringify(request));
  const text = file ? `your ${file} is sent as ${entry.call}` : `the lab calls ${entry.call}`;
  return { keyword: 'When', text, ...(entry.args.length > 0 ? { docString: JSON.stringify(request, null, 2) } : {}) };
}

export async function replaySnapshot(snapshot: SimulatorSnapshot, about: ReplayedRun): Promise<ScenarioRun> {
  const sim = createSimulator(snapshot.options);
  const world = new ScenarioWorld(snapshot.options.seed ?? 0, inProcessPort(sim));
  const frames: Frame[] = [];
  // As the runner records a scenario: one picture per instant, and each step's last picture kept as it is.
  let stepEndFrames = 0;
  const stopRecording = sim.control.onStep(() => {
    const frame = clusterFrame(sim);
    const last = frames.length - 1;
    if (last >= stepEndFrames && frames[last].time === frame.time) frames[last] = frame;
    else frames.push(frame);
  });
  const steps: StepRun[] = [];
  const traffic = new Map<string, ScenarioRun['traffic'][number]>();
  for (const [index, entry] of snapshot.journal.entries()) {
    const startedAt = sim.control.now * 1000;
    const eventsFrom = (await world.events()).length;
    const framesFrom = frames.length;
    callSimulator(sim, wireCall(entry));
    const endedAt = sim.control.now * 1000;
    const said =
      entry.call === 'control.advanceTo'
        ? { keyword: 'And', text: `${formatSpan(endedAt - startedAt)} pass` }
        : describeCall(entry, about.yours ?? {});
    frames.push(clusterFrame(sim));
    stepEndFrames = frames.length;
    const eventsTo = (await world.events()).length;
    steps.push({ ...said, line: index + 1, status: 'passed', startedAt, endedAt, eventsFrom, eventsTo, framesFrom, framesTo: frames.length });
    await captureTraffic(world, traffic);
  }
  stopRecording();
  return {
    name: about.name,
    line: 0,
    outline: false,
    status: about.status,
    steps,
    frames,
    events: [...(await world.events())],
    traffic: [...traffic.values()],
    scaling: await scalingOf(world),
  };
}
