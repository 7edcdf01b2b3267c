import { formatVirtualTime } from '../../core/index.js';
import type { RunStatus, ScenarioRun, StepRun } from '../../scenarios/runner/run-feature.js';
import { stepStatus, type Playhead } from './playback.js';

/** What the player's status line says: the step that matters now, the verdict at the end, and what it is doing. */
export interface StatusLine {
  verdict?: RunStatus;
  step?: { number: number; total: number; keyword: string; text: string; failed: boolean; error?: string };
  note?: string;
}

export interface StatusInput {
  /** The run as recorded so far, and the scenario as written (all its steps). */
  run: ScenarioRun;
  plan: ScenarioRun;
  head: Playhead;
  atEnd: boolean;
  /** Playing, and waiting for the next step to be worked out. */
  waiting: boolean;
  /** The end of the quiet stretch being skipped, when playing crosses one. */
  quietUntil?: number;
}

/**
 * The step the status line names: a failed step once it is shown (the steps after it are skipped, so it is the
 * one that explains the run), else the step whose time is passing, else the last one shown.
 */
function stepShown({ run, head }: StatusInput): number | undefined {
  const failed = run.steps.findIndex((s, i) => i < head.shownSteps && (s.status === 'failed' || s.status === 'undefined'));
  if (failed >= 0) return failed;
  if (stepStatus(run, head, head.shownSteps) === 'running') return head.shownSteps;
  return head.shownSteps > 0 ? head.shownSteps - 1 : undefined;
}

const firstLine = (text: string | undefined) => text?.split('\n')[0];

export function statusLine(input: StatusInput): StatusLine {
  const index = stepShown(input);
  const written = index === undefined ? undefined : input.plan.steps[index];
  const recorded: StepRun | undefined = index === undefined ? undefined : input.run.steps[index];
  const failed = index !== undefined && index < input.head.shownSteps && (recorded?.status === 'failed' || recorded?.status === 'undefined');
  const note = input.waiting
    ? 'Working out the next step…'
    : input.quietUntil !== undefined
      ? `Skipping quiet time: nothing happens until ${formatVirtualTime(input.quietUntil)}.`
      : index === undefined
        ? 'Press Play to run the scenario, or Step to go one line at a time.'
        : undefined;
  return {
    ...(input.atEnd ? { verdict: input.run.status } : {}),
    ...(written && index !== undefined
      ? {
          step: {
            number: index + 1,
            total: input.plan.steps.length,
            keyword: written.keyword,
            text: written.text,
            failed,
            ...(failed && recorded?.error ? { error: firstLine(recorded.error) } : {}),
          },
        }
      : {}),
    ...(note ? { note } : {}),
  };
}
