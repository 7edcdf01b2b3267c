import type { CheckResult } from '../check-types.js';
import type { LabRun } from './lab-run.js';

/**
 * Lab runs as JSON for scripts (a gradebook, a dashboard). The shape is stable: fields are only ever added,
 * and `version` changes if one is removed or changes meaning. docs/instructors/guide.md documents it.
 */
export interface JsonReport {
  format: 'ecs-lab-check-report';
  version: 1;
  passed: boolean;
  summary: { labs: number; labsPassed: number; checks: number; checksFailed: number };
  labs: Array<{
    id: string;
    title: string;
    folder: string;
    passed: boolean;
    seconds: number;
    checks: CheckResult[];
  }>;
}

export function jsonReport(runs: readonly LabRun[]): JsonReport {
  const checks = runs.flatMap((run) => run.report.results);
  return {
    format: 'ecs-lab-check-report',
    version: 1,
    passed: runs.every((run) => run.report.passed),
    summary: {
      labs: runs.length,
      labsPassed: runs.filter((run) => run.report.passed).length,
      checks: checks.length,
      checksFailed: checks.filter((r) => r.status === 'failed').length,
    },
    labs: runs.map((run) => ({
      id: run.id,
      title: run.title,
      folder: run.folder,
      passed: run.report.passed,
      seconds: Math.round(run.seconds * 1000) / 1000,
      checks: run.report.results,
    })),
  };
}
