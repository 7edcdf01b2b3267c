import { createSimulator, type SimEvent } from '../../core/index.js';
import type { Pickle, PickleStep } from '@cucumber/messages';
import { EMPTY_FRAME, type Frame } from '../port/cluster-frame.js';
import { inProcessPort } from '../port/in-process-port.js';
import type { SimulatorPort } from '../port/simulator-port.js';
import { ScenarioWorld } from '../world/scenario-world.js';
import type { ExampleColumn } from './example-columns.js';
import { parseFeature, type FeatureParameter, type ParsedFeature } from './parse-feature.js';
import { captureTraffic, scalingOf, type ScalingRun, type TrafficRun } from './run-series.js';
import { matchStep, suggestSteps } from './step-matcher.js';

/**
 * Runs a feature, step by step, with the same step library cucumber uses, and records what a player needs to
 * replay it: each step's outcome and virtual time, the event log, and a picture of the cluster at every
 * instant something changed. Browser-safe: it runs in the page as in Node, against the engine in-process
 * unless given another port (`ecs-lab run --endpoint`).
 */
export type { ExampleColumn, FeatureParameter };
export type { Frame, ServiceBounds } from '../port/cluster-frame.js';
export type { ScaledMetric, ScalingRun, TrafficRun, TrafficSecond } from './run-series.js';

export interface RunFeatureOptions {
  seed?: number;
  /** Overrides the first Examples row of Scenario Outlines, by column name. */
  exampleValues?: Record<string, string>;
  /** The port each scenario starts on, to a fresh simulator with the seed (default: a new one in-process). */
  port?: (seed: number) => Promise<SimulatorPort>;
  /**
   * Called after each step with the scenario's recording so far (the player plays it while the rest runs);
   * the next step waits for the promise it returns, and a throw stops the run.
   */
  onStep?: (run: ScenarioRun) => void | Promise<void>;
  /**
   * false: no pictures of the cluster (`frames` stays empty), for a run that shows none (`ecs-lab run`). The
   * player's picture after every engine step is most of a feature's run, and over the wire each step's is a
   * request. Pictures change nothing else: the determinism property compares runs with and without.
   */
  pictures?: boolean;
}

export type StepStatus = 'passed' | 'failed' | 'skipped' | 'undefined';

export interface StepRun {
  keyword: string;
  text: string;
  line: number;
  status: StepStatus;
  error?: string;
  suggestions?: string[];
  /** Virtual milliseconds. */
  startedAt: number;
  endedAt: number;
  /** The events this step caused: `events.slice(eventsFrom, eventsTo)` of its scenario. */
  eventsFrom: number;
  eventsTo: number;
  /** The pictures of the cluster while it ran: `frames.slice(framesFrom, framesTo)`; the last is its end state. */
  framesFrom: number;
  framesTo: number;
  /** The step's doc string or data table, as written in the feature. */
  docString?: string;
  dataTable?: string[][];
}

export type RunStatus = 'passed' | 'failed' | 'undefined';

export interface ScenarioRun {
  name: string;
  line: number;
  /** Comes from a Scenario Outline: its Examples values are the feature's parameters. */
  outline: boolean;
  /** The one sentence to remember, from the scenario's description ("Take away: ..."), where it has one. */
  takeAway?: string;
  /** A Scenario Outline's example: its row's columns, with the values this run used. */
  example?: ExampleColumn[];
  status: RunStatus;
  steps: StepRun[];
  frames: Frame[];
  events: SimEvent[];
  /** Whole-run series, kept out of the frames: the player slices them at the playhead. Empty without traffic. */
  traffic: TrafficRun[];
  /** Empty unless the scenario registers a scalable target. */
  scaling: ScalingRun[];
}

export interface FeatureRun {
  name: string;
  description: string;
  status: RunStatus;
  scenarios: ScenarioRun[];
  parameters: FeatureParameter[];
}

export const DEFAULT_SEED = 1;

const inProcess = async (seed: number) => inProcessPort(createSimulator({ seed }));

export async function runFeature(source: string, options: RunFeatureOptions = {}): Promise<FeatureRun> {
  return playFeature(parseFeature(source, options.exampleValues), options);
}

/** Plays the pickles of a parsed feature: all its scenarios, or the ones left in `parsed.pickles` (`ecs-lab run --tags`). */
export async function playFeature(parsed: ParsedFeature, options: RunFeatureOptions = {}): Promise<FeatureRun> {
  const scenarios: ScenarioRun[] = [];
  // One scenario after the other: over the wire they share the endpoint's one simulator.
  for (const pickle of parsed.pickles) {
    const onStep = options.onStep;
    const report = onStep && ((soFar: Omit<ScenarioRun, 'outline'>) => onStep(scenarioOf(parsed, pickle, soFar)));
    const run = await runScenario(pickle, options, parsed.lines.get(pickle.id) ?? 0, parsed.stepSources, report);
    scenarios.push(scenarioOf(parsed, pickle, run));
  }
  return featureRun(parsed, scenarios);
}

/**
 * A scenario with an undefined step as reported when nothing was run (`ecs-lab run` checks every step first):
 * its undefined steps with the closest known ones, every other step skipped, no time and no events.
 */
export function unplayedScenario(parsed: ParsedFeature, pickle: Pickle): ScenarioRun {
  const written = writtenScenario(parsed, pickle);
  const steps = written.steps.map((step) => (matchStep(step.text).length === 0 ? undefinedStep(step, step.text) : step));
  return { ...written, status: 'undefined', steps };
}

/**
 * A scenario as written, before anything runs: every step skipped, no time, no events, nothing failed yet. The
 * player shows it at once, while the scenario records (matching the steps to the library, the first time, takes
 * longer than the page may wait).
 */
export function writtenScenario(parsed: ParsedFeature, pickle: Pickle): ScenarioRun {
  const steps = pickle.steps.map((step): StepRun => ({ ...stepRecord(step, parsed.stepSources, { endedAt: 0, eventsTo: 0 }), framesFrom: 0, framesTo: 0 }));
  return scenarioOf(parsed, pickle, { name: pickle.name, line: parsed.lines.get(pickle.id) ?? 0, status: 'passed', steps, frames: [], events: [], traffic: [], scaling: [] });
}

/** A feature's run made of the given scenarios (played, or unplayed). */
export function featureRun(parsed: ParsedFeature, scenarios: ScenarioRun[]): FeatureRun {
  return {
    name: parsed.name,
    description: parsed.description,
    status: overallStatus(scenarios.map((s) => s.status)),
    scenarios,
    parameters: parsed.parameters,
  };
}

function scenarioOf(parsed: ParsedFeature, pickle: Pickle, run: Omit<ScenarioRun, 'outline'>): ScenarioRun {
  const takeAway = parsed.takeAways.get(pickle.id);
  const example = parsed.examples.get(pickle.id);
  return { ...run, outline: pickle.astNodeIds.length > 1, ...(takeAway ? { takeAway } : {}), ...(example ? { example } : {}) };
}

function overallStatus(statuses: RunStatus[]): RunStatus {
  if (statuses.includes('failed')) return 'failed';
  if (statuses.includes('undefined')) return 'undefined';
  return 'passed';
}

type Recorded = Omit<ScenarioRun, 'outline'>;

async function runScenario(
  pickle: Pickle,
  options: RunFeatureOptions,
  line: number,
  stepSources: StepSources,
  report?: (soFar: Recorded) => void | Promise<void>,
): Promise<Recorded> {
  const seed = options.seed ?? DEFAULT_SEED;
  const world = new ScenarioWorld(seed, await (options.port ?? inProcess)(seed));
  const frames: Frame[] = [];
  // Within a step, one picture per instant is enough to draw (the last of the instant wins); the picture
  // at a step's end is kept whatever comes next, so stepping never shows the next step's effects early.
  // Only the in-process port shows the instants; over the wire a step gets the picture of its end.
  let stepEndFrames = 0;
  const pictures = options.pictures ?? true;
  const stopRecording = pictures ? world.sim.onFrame?.((frame) => {
    const last = frames.length - 1;
    if (last >= stepEndFrames && frames[last].time === frame.time) frames[last] = frame;
    else frames.push(frame);
  }) : undefined;
  const steps: StepRun[] = [];
  const traffic = new Map<string, TrafficRun>();
  const recorded = async (): Promise<Recorded> => {
    const status: RunStatus = steps.some((s) => s.status === 'failed')
      ? 'failed'
      : steps.some((s) => s.status === 'undefined')
        ? 'undefined'
        : 'passed';
    const scaling = world.sim.simulated ? await scalingOf(world) : [];
    return { name: pickle.name, line, status, steps: [...steps], frames: [...frames], events: [...(await world.events())], traffic: [...traffic.values()], scaling };
  };
  let failed = false;
  for (const step of pickle.steps) {
    const framesFrom = frames.length;
    const run = failed ? await skipped(step, world, stepSources) : await runStep(step, world, stepSources);
    if (run.status === 'failed' || run.status === 'undefined') failed = true;
    if (pictures) frames.push(world.sim.simulated ? await world.sim.frame() : EMPTY_FRAME);
    stepEndFrames = frames.length;
    steps.push({ ...run, framesFrom, framesTo: frames.length });
    if (world.sim.simulated) await captureTraffic(world, traffic);
    if (report) await report(await recorded());
  }
  stopRecording?.();
  return recorded();
}

type StepSources = ParsedFeature['stepSources'];

async function skipped(step: PickleStep, world: ScenarioWorld, stepSources: StepSources): Promise<Omit<StepRun, 'framesFrom' | 'framesTo'>> {
  return stepRecord(step, stepSources, await ending(world));
}

/** A step as written, skipped at the point the scenario stands. */
function stepRecord(step: PickleStep, stepSources: StepSources, { endedAt: now, eventsTo: events }: { endedAt: number; eventsTo: number }): Omit<StepRun, 'framesFrom' | 'framesTo'> {
  const source = stepSources.get(step.astNodeIds[0]);
  return {
    keyword: source?.keyword ?? '*',
    text: step.text,
    line: source?.line ?? 0,
    status: 'skipped',
    startedAt: now,
    endedAt: now,
    eventsFrom: events,
    eventsTo: events,
    ...(step.argument?.docString ? { docString: step.argument.docString.content } : {}),
    ...(step.argument?.dataTable ? { dataTable: step.argument.dataTable.rows.map((r) => r.cells.map((c) => c.value)) } : {}),
  };
}

async function runStep(step: PickleStep, world: ScenarioWorld, stepSources: StepSources): Promise<Omit<StepRun, 'framesFrom' | 'framesTo'>> {
  const base = await skipped(step, world, stepSources);
  const matches = matchStep(step.text);
  if (matches.length === 0) return undefinedStep(base, step.text);
  if (matches.length > 1) {
    return { ...base, status: 'failed', error: `Ambiguous step: ${step.text} matches ${matches.map((m) => `"${m.definition.expression}"`).join(' and ')}` };
  }
  const extra = base.docString !== undefined ? [base.docString] : base.dataTable ? [base.dataTable] : [];
  try {
    await matches[0].definition.run(world, ...matches[0].args, ...extra);
    return { ...base, status: 'passed', ...(await ending(world)) };
  } catch (error) {
    const message = error instanceof Error ? (error.name === 'StepFailure' || error.name === 'Error' ? error.message : `${error.name}: ${error.message}`) : String(error);
    return { ...base, status: 'failed', error: message, ...(await ending(world)) };
  }
}

function undefinedStep<T extends Omit<StepRun, 'framesFrom' | 'framesTo'>>(base: T, text: string): T {
  return { ...base, status: 'undefined', error: `Undefined step: ${text}`, suggestions: suggestSteps(text) };
}

/** Where the scenario stands: virtual ms (0 without a simulation behind the port) and the events so far. */
async function ending(world: ScenarioWorld): Promise<{ endedAt: number; eventsTo: number }> {
  const now = world.sim.simulated ? await world.sim.control('now') : 0;
  return { endedAt: now * 1000, eventsTo: (await world.events()).length };
}
