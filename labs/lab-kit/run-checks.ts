import { describeError } from './describe-error.js';
import type { CheckInfo, CheckReport, CheckResult, InputProblem, LabChecks, LearnerFiles, Prepared, Verdict } from './check-types.js';

/**
 * Runs a lab's checks on the learner's files. Never throws: whatever goes wrong, in the learner's files or
 * in a check, ends up as a failed check with a message, because a learner can act on a message, not on a crash.
 */
export function runChecks<Run>(lab: LabChecks<Run>, files: LearnerFiles): CheckReport {
  const preparing = timed(() =>
    attempt<Prepared<Run>>(
      () => lab.prepare(files),
      (message) => ({ ok: false, problem: { message } }),
    ),
  );
  const prepared = preparing.value;
  if (!prepared.ok) return unjudgedReport(lab.input, lab.checks, prepared.problem, preparing.seconds);
  const results: CheckResult[] = [
    passed(lab.input, prepared.observed, preparing.seconds),
    ...lab.checks.map((check) => {
      const { value: verdict, seconds } = timed(() =>
        attempt<Verdict>(
          () => check.verify(prepared.run),
          (message) => ({ passed: false, observed: message }),
        ),
      );
      if (verdict.passed) return passed(check, verdict.observed, seconds);
      if (verdict.skipped) return notRun(check, verdict.observed, seconds);
      return failed(check, { message: verdict.observed, location: verdict.location }, seconds);
    }),
  ];
  return { results, passed: results.every((r) => r.status === 'passed') };
}

/** The report when the learner's files could not be judged: the first check says why, the others are skipped. */
export function unjudgedReport(input: CheckInfo, checks: readonly CheckInfo[], problem: InputProblem, seconds: number): CheckReport {
  const skipped = (check: CheckInfo) => notRun(check, `Not run: fix the first check (${input.title}) first.`, 0);
  return { results: [failed(input, problem, seconds), ...checks.map(skipped)], passed: false };
}

function timed<T>(action: () => T): { value: T; seconds: number } {
  const started = performance.now();
  const value = action();
  return { value, seconds: (performance.now() - started) / 1000 };
}

function attempt<T>(action: () => T, onCrash: (message: string) => T): T {
  try {
    return action();
  } catch (error) {
    return onCrash(`The check itself crashed (a bug in the lab, not in your work): ${describeError(error)}`);
  }
}

function passed(check: CheckInfo, message: string, seconds: number): CheckResult {
  return { id: check.id, title: check.title, status: 'passed', message, seconds };
}

function notRun(check: CheckInfo, message: string, seconds: number): CheckResult {
  return { id: check.id, title: check.title, status: 'skipped', message, seconds };
}

function failed(check: CheckInfo, problem: InputProblem, seconds: number): CheckResult {
  return {
    id: check.id,
    title: check.title,
    status: 'failed',
    message: problem.message,
    hint: problem.hint ?? check.hint,
    ...(problem.location ? { location: problem.location } : {}),
    seconds,
  };
}
