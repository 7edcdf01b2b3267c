import { ref, shallowRef } from 'vue';
import { parseFeature, type ParsedFeature } from '../../scenarios/runner/parse-feature.js';
import { DEFAULT_SEED, playFeature, writtenScenario, type ScenarioRun } from '../../scenarios/runner/run-feature.js';
import { loadFeatureSource } from './feature-sources.js';
import type { Recording } from './playback.js';

/** What a recording runs: a scenario of the feature (its index), with which Examples values, from which seed. */
export interface RecordingRequest {
  index: number;
  seed: number;
  /** Examples values in place of the scenario's own (a Scenario Outline's row); none: as written. */
  values?: Record<string, string>;
}

/** Lets the page draw (and take a click) between two steps of a recording. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Thrown into the runner, between two steps, to stop a recording that a newer one replaces. */
class Replaced extends Error {}

const errorText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/**
 * A feature for the player: its scenarios as written (`plans`), known as soon as the file is parsed, and one
 * scenario at a time recorded step by step (`recording` grows as each step runs, so playback can start at
 * once). Only the scenario asked for runs; a finished recording is kept, so coming back to it is instant.
 */
export function useRecording(feature: string, given?: ScenarioRun) {
  const plans = shallowRef<ScenarioRun[]>([]);
  /** The scenario on screen as written with the values it runs with: its steps show before they have run. */
  const plan = shallowRef<ScenarioRun>();
  const recording = shallowRef<Recording>();
  const error = ref<string>();
  let source = '';
  let parsed: ParsedFeature | undefined;
  let recordings = 0;
  const finished = new Map<string, ScenarioRun>();

  /** Fetches the feature and parses it. */
  async function load(): Promise<{ defaultSeed: number } | undefined> {
    if (given) {
      plans.value = [given];
      return { defaultSeed: 0 };
    }
    try {
      source = await loadFeatureSource(feature);
      parsed = parseFeature(source);
      plans.value = parsed.pickles.map((pickle) => writtenScenario(parsed!, pickle));
      return { defaultSeed: DEFAULT_SEED };
    } catch (e) {
      error.value = errorText(e);
      return undefined;
    }
  }

  /**
   * Starts recording a scenario, replacing the one on screen at once (its steps pending), and resolves with
   * the finished run, or undefined when it threw (the error is shown) or a newer recording replaced it.
   */
  async function record(request: RecordingRequest): Promise<ScenarioRun | undefined> {
    const id = ++recordings;
    if (given) {
      plan.value = given;
      recording.value = { id, run: given, complete: true };
      return given;
    }
    if (!parsed) return undefined;
    const key = JSON.stringify(request);
    try {
      const withValues = request.values ? parseFeature(source, request.values, request.index) : parsed;
      const pickle = withValues.pickles[request.index];
      plan.value = writtenScenario(withValues, pickle);
      error.value = undefined;
      const known = finished.get(key);
      if (known) {
        recording.value = { id, run: known, complete: true };
        return known;
      }
      recording.value = { id, run: { ...plan.value, steps: [] }, complete: false };
      // The page draws the scenario's steps, and enables Play, before the first step runs.
      await nextTask();
      const feature = await playFeature(
        { ...withValues, pickles: [pickle] },
        {
          seed: request.seed,
          onStep: async (run) => {
            if (id !== recordings) throw new Replaced();
            recording.value = { id, run, complete: false };
            await nextTask();
          },
        },
      );
      const [run] = feature.scenarios;
      if (id !== recordings) return undefined;
      finished.set(key, run);
      recording.value = { id, run, complete: true };
      return run;
    } catch (e) {
      if (!(e instanceof Replaced) && id === recordings) error.value = errorText(e);
      return undefined;
    }
  }

  return { plans, plan, recording, error, load, record };
}
