import type { CheckResult } from '../check-types.js';
import { partScores, type PartScore } from '../lab-parts.js';
import { earnedPoints, labOutcome, type LabRun } from './lab-run.js';

/**
 * Lab runs as JSON for scripts (a gradebook, a dashboard). The shape is stable: fields are only ever added,
 * and `version` changes if one is removed or changes meaning (2: a check not run is `skipped`, not `failed`,
 * and a lab not submitted fails nothing). docs/instructors/guide.md documents it.
 */
export interface JsonReport {
  format: 'ecs-lab-check-report';
  version: 2;
  /** No submitted lab failed a check. */
  passed: boolean;
  /** Whose folder was checked, with `--all --dir <student>`. */
  student?: string;
  summary: { labs: number; labsPassed: number; labsFailed: number; labsNotSubmitted: number; checks: number; checksFailed: number; checksSkipped: number };
  labs: Array<{
    id: string;
    title: string;
    folder: string;
    submitted: boolean;
    passed: boolean;
    points: number;
    /** The points it earned: all of them when it passed; for a lab graded in parts, those of its parts that passed. */
    earned: number;
    /** A lab graded in parts: each part's score. */
    parts?: PartScore[];
    seconds: number;
    checks: CheckResult[];
  }>;
}

const toMs = (seconds: number) => Math.round(seconds * 1000) / 1000;

export function jsonReport(runs: readonly LabRun[]): JsonReport {
  const checks = runs.flatMap((run) => run.report.results);
  const outcomes = runs.map(labOutcome);
  const count = <T>(list: readonly T[], wanted: T) => list.filter((item) => item === wanted).length;
  const student = runs.find((run) => run.student !== undefined)?.student;
  return {
    format: 'ecs-lab-check-report',
    version: 2,
    passed: !outcomes.includes('failed'),
    ...(student === undefined ? {} : { student }),
    summary: {
      labs: runs.length,
      labsPassed: count(outcomes, 'passed'),
      labsFailed: count(outcomes, 'failed'),
      labsNotSubmitted: count(outcomes, 'not submitted'),
      checks: checks.length,
      checksFailed: count(checks.map((r) => r.status), 'failed'),
      checksSkipped: count(checks.map((r) => r.status), 'skipped'),
    },
    labs: runs.map((run) => ({
      id: run.id,
      title: run.title,
      folder: run.folder,
      submitted: run.submitted,
      passed: labOutcome(run) === 'passed',
      points: run.points,
      earned: earnedPoints(run),
      ...(run.parts ? { parts: partScores(run, run.report) } : {}),
      seconds: toMs(run.seconds),
      checks: run.report.results.map((check) => ({ ...check, seconds: toMs(check.seconds) })),
    })),
  };
}
