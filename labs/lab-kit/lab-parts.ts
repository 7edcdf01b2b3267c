import type { CheckReport } from './check-types.js';

/**
 * A lab graded in parts (the capstone): lab.json's `parts` groups its checks, each part with its own points.
 * A part earns its points when every one of its checks passed; the lab's points are the parts' sum. A lab
 * without parts is one part: all its checks, all its points.
 */
export interface LabPart {
  /** Names the part on the command line (`lab check <lab> --part <id>`) and in reports. */
  id: string;
  /** "Part 2: Networking". */
  title: string;
  points: number;
  /** The ids of its checks (the input check belongs to every part: nothing is judged without it). */
  checks: string[];
}

export interface PartScore {
  id: string;
  title: string;
  points: number;
  earned: number;
  passed: boolean;
}

/** Reads lab.json's `parts`, if any; they must share out the lab's `points` exactly and name each check once. */
export function parseLabParts(raw: unknown, points: number, source: string): LabPart[] | undefined {
  if (raw === undefined) return undefined;
  const fail = (message: string): never => {
    throw new Error(`${source}: "parts" ${message}`);
  };
  if (!Array.isArray(raw) || raw.length === 0) fail('must be a non-empty list of { id, title, points, checks }.');
  const parts = (raw as unknown[]).map((item, i): LabPart => {
    const part = (item ?? {}) as Record<string, unknown>;
    const text = (field: string) => (typeof part[field] === 'string' && part[field] !== '' ? (part[field] as string) : fail(`[${i}].${field} must be a non-empty string.`));
    const checks = part.checks;
    if (!Array.isArray(checks) || checks.length === 0 || checks.some((c) => typeof c !== 'string' || c === '')) fail(`[${i}].checks must be a non-empty list of check ids.`);
    if (!Number.isInteger(part.points) || (part.points as number) < 0) fail(`[${i}].points must be a whole number.`);
    return { id: text('id'), title: text('title'), points: part.points as number, checks: checks as string[] };
  });
  const ids = parts.map((p) => p.id);
  if (new Set(ids).size !== ids.length) fail('must give each part its own id.');
  const checks = parts.flatMap((p) => p.checks);
  if (new Set(checks).size !== checks.length) fail('must name each check in one part only.');
  const sum = parts.reduce((total, p) => total + p.points, 0);
  if (sum !== points) fail(`share out ${sum} points; the lab's "points" is ${points}.`);
  return parts;
}

/** Each part's score on a report; a lab without parts scores as one part named after the lab. */
export function partScores(lab: { id: string; title: string; points: number; parts?: LabPart[] }, report: CheckReport): PartScore[] {
  const parts = lab.parts ?? [{ id: lab.id, title: lab.title, points: lab.points, checks: report.results.map((r) => r.id) }];
  return parts.map((part) => {
    const passed = report.results.length > 0 && part.checks.every((id) => report.results.find((r) => r.id === id)?.status === 'passed') && report.results[0].status === 'passed';
    return { id: part.id, title: part.title, points: part.points, earned: passed ? part.points : 0, passed };
  });
}
