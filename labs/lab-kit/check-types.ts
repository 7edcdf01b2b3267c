/**
 * The shapes every lab shares. A lab's checks.ts exports a `LabChecks` as its default: how to turn the
 * learner's files into something to judge (`prepare`), and the checks that judge it.
 */

/** The learner's files, by name in the lab folder (`service.json`), as text. */
export type LearnerFiles = Record<string, string>;

/** 1-based, as editors count. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** Why the learner's files cannot be judged at all (broken JSON, a request ECS rejects, ...). */
export interface InputProblem {
  message: string;
  location?: SourceLocation;
  /** A hint that fits this problem (broken JSON wants a hint about JSON); else the input check's own. */
  hint?: string;
}

export type Prepared<Run> = { ok: true; run: Run; observed: string } | { ok: false; problem: InputProblem };

/** What a check concludes. `observed` is shown whether it passed or not: a learner learns from both. */
export interface Verdict {
  passed: boolean;
  observed: string;
  /** On failure, where in a learner's file the cause is, when it is about one place. */
  location?: SourceLocation;
  /**
   * The check could not judge anything (what it looks at needs another check, or another part of the lab, to
   * pass first): reported as not run, without its hint, `observed` saying what it waits for.
   */
  skipped?: boolean;
}

export interface CheckInfo {
  id: string;
  /** What the check verifies, as a statement that is true when it passes. */
  title: string;
  /** Shown when it fails: a nudge, not the answer. */
  hint: string;
}

export interface Check<Run> extends CheckInfo {
  verify(run: Run): Verdict;
}

export interface LabChecks<Run = unknown> {
  /** The first check: the learner's files can be used. Its verdict is `prepare`'s. */
  input: CheckInfo;
  prepare(files: LearnerFiles): Prepared<Run>;
  checks: Check<Run>[];
}

/** `skipped`: not run, because the learner's files could not be judged at all (the first check says why). */
export type CheckStatus = 'passed' | 'failed' | 'skipped';

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  message: string;
  /** Only on failure. */
  hint?: string;
  /** Where in a learner's file the failure is, when it is about one place. */
  location?: SourceLocation;
  /** Real seconds the check took (for the input check: preparing the run it judges). */
  seconds: number;
}

export interface CheckReport {
  results: CheckResult[];
  passed: boolean;
}
