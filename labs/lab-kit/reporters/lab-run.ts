import type { CheckReport } from '../check-types.js';
import { partScores, type LabPart } from '../lab-parts.js';

/** One lab checked on one learner's files: what the reporters turn into JUnit XML, JSON or a gradebook. */
export interface LabRun {
  id: string;
  title: string;
  /** Where the learner's files were read, as the user named it. */
  folder: string;
  /** Whose work it is, in a class (the name of their folder): merged reports must tell students apart. */
  student?: string;
  /**
   * False when the lab's folder does not exist (never submitted, never started): its checks are all skipped,
   * and it counts as neither passed nor failed.
   */
  submitted: boolean;
  report: CheckReport;
  /** Wall-clock seconds the checks took. */
  seconds: number;
  /** What passing the lab is worth (lab.json). */
  points: number;
  /** A lab graded in parts (lab.json): each part earns its points on its own. */
  parts?: LabPart[];
}

export type LabOutcome = 'passed' | 'failed' | 'not submitted';

export function labOutcome(run: LabRun): LabOutcome {
  if (!run.submitted) return 'not submitted';
  return run.report.passed ? 'passed' : 'failed';
}

/** Some submitted lab failed a check: what makes a grading job fail. */
export const anyFailed = (runs: readonly LabRun[]) => runs.some((run) => labOutcome(run) === 'failed');

/** The points a run earned: each passed part's (the whole lab's when it has no parts); none when not submitted. */
export function earnedPoints(run: LabRun): number {
  return run.submitted ? partScores(run, run.report).reduce((sum, part) => sum + part.earned, 0) : 0;
}
