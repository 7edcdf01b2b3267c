import { describeError } from './describe-error.js';
import type { CheckInfo, CheckReport, CheckResult, InputProblem, LabChecks, LearnerFiles, Prepared, Verdict } from './check-types.js';

/**
 * Runs a lab's checks on the learner's files. Never throws: whatever goes wrong, in the learner's files or
 * in a check, ends up as a failed check with a message, because a learner can act on a message, not on a crash.
 */
export function runChecks<Run>(lab: LabChecks<Run>, files: LearnerFiles): CheckReport {
  const prepared = attempt<Prepared<Run>>(
    () => lab.prepare(files),
    (message) => ({ ok: false, problem: { message } }),
  );
  if (!prepared.ok) return unjudgedReport(lab.input, lab.checks, prepared.problem);
  const results: CheckResult[] = [
    passed(lab.input, prepared.observed),
    ...lab.checks.map((check) => {
      const verdict = attempt<Verdict>(
        () => check.verify(prepared.run),
        (message) => ({ passed: false, observed: message }),
      );
      return verdict.passed ? passed(check, verdict.observed) : failed(check, { message: verdict.observed });
    }),
  ];
  return { results, passed: results.every((r) => r.status === 'passed') };
}

/** The report when the learner's files could not be judged: the first check says why, the others were not run. */
export function unjudgedReport(input: CheckInfo, checks: readonly CheckInfo[], problem: InputProblem): CheckReport {
  const notRun = { message: `Not run: fix the first check (${input.title}) first.` };
  return { results: [failed(input, problem), ...checks.map((check) => failed(check, notRun))], passed: false };
}

function attempt<T>(action: () => T, onCrash: (message: string) => T): T {
  try {
    return action();
  } catch (error) {
    return onCrash(`The check itself crashed (a bug in the lab, not in your work): ${describeError(error)}`);
  }
}

function passed(check: CheckInfo, message: string): CheckResult {
  return { id: check.id, title: check.title, status: 'passed', message };
}

function failed(check: CheckInfo, problem: InputProblem): CheckResult {
  return {
    id: check.id,
    title: check.title,
    status: 'failed',
    message: problem.message,
    hint: check.hint,
    ...(problem.location ? { location: problem.location } : {}),
  };
}
