import type { CheckResult, LearnerFiles } from '../../labs/lab-kit/check-types.js';
import { parseJson } from '../../labs/lab-kit/parse-json.js';

/** A problem to show at a place in one of the learner's files. */
export interface EditorProblem {
  line: number;
  column: number;
  message: string;
}

/**
 * The problems to show in `file` now: broken JSON as the learner types, and the located failures of the last
 * Check, which hold only while the file is as it was checked.
 */
export function problemsIn(file: string, texts: LearnerFiles, checked: { texts: LearnerFiles; results: CheckResult[] } | null): EditorProblem[] {
  const text = texts[file] ?? '';
  if (file.endsWith('.json')) {
    const parsed = parseJson(text);
    if (!parsed.ok) return [{ line: parsed.error.line, column: parsed.error.column, message: parsed.error.message }];
  }
  if (!checked || checked.texts[file] !== text) return [];
  return checked.results
    .filter((r) => r.status === 'failed' && r.location?.file === file)
    .map((r) => ({ line: r.location!.line, column: r.location!.column, message: r.message }));
}
