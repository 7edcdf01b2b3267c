import type { CheckReport, CheckResult, SourceLocation } from './check-types.js';
import type { PartScore } from './lab-parts.js';
import type { TextPosition } from './parse-json.js';

/** Colours for a terminal; the CLI passes chalk's, plain text otherwise. */
export interface Paint {
  passed(text: string): string;
  failed(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const same = (text: string) => text;
export const PLAIN: Paint = { passed: same, failed: same, dim: same, bold: same };

/** "line 3, column 5", as the editor beside the text says it. */
export function formatPosition(position: TextPosition): string {
  return `line ${position.line}, column ${position.column}`;
}

/** "service.json, line 3, column 5", where the file is not in view. */
export function formatLocation(location: SourceLocation): string {
  return `${location.file}, ${formatPosition(location)}`;
}

/**
 * A check report as terminal lines: ✔/✘/– and the title, then what was observed, then the hint on failure; for
 * a lab graded in parts, each part's points and the score.
 */
export function formatReport(title: string, report: CheckReport, paint: Paint = PLAIN, parts: readonly PartScore[] = []): string[] {
  const count = (status: CheckResult['status']) => report.results.filter((r) => r.status === status).length;
  const total = report.results.length;
  const notRun = count('skipped') > 0 ? ` (${count('skipped')} not run)` : '';
  return [
    paint.bold(title),
    '',
    ...report.results.flatMap((result) => formatResult(result, paint)),
    '',
    ...formatParts(parts, paint),
    report.passed
      ? paint.passed(`All ${total} checks passed: lab complete.`)
      : paint.failed(`${count('passed')} of ${total} checks passed${notRun}.`),
  ];
}

function formatResult(result: CheckResult, paint: Paint): string[] {
  if (result.status === 'passed') return [`${paint.passed('✔')} ${result.title}`, paint.dim(`    ${result.message}`)];
  if (result.status === 'skipped') return [paint.dim(`– ${result.title}`), paint.dim(`    ${result.message}`)];
  const where = result.location ? `${formatLocation(result.location)}: ` : '';
  return [
    `${paint.failed('✘')} ${result.title}`,
    `    ${where}${result.message}`,
    ...(result.hint ? [paint.dim(`    Hint: ${result.hint}`)] : []),
  ];
}

function formatParts(parts: readonly PartScore[], paint: Paint): string[] {
  if (parts.length === 0) return [];
  const earned = parts.reduce((sum, part) => sum + part.earned, 0);
  const most = parts.reduce((sum, part) => sum + part.points, 0);
  return [
    ...parts.map((part) => `${part.passed ? paint.passed('✔') : paint.failed('✘')} ${part.title}: ${part.earned} of ${part.points} points`),
    paint.bold(`Score: ${earned} of ${most} points.`),
    '',
  ];
}
