import { parseLabParts, type LabPart } from './lab-parts.js';
import { parseJson } from './parse-json.js';

/** A lab's lab.json: what the page, the CLI and StackBlitz need to know about it besides its checks. */
export interface LabManifest {
  id: string;
  title: string;
  /** One sentence: the goal. */
  summary: string;
  /** Concept ids from the curriculum, e.g. "C13". */
  concepts: string[];
  /** Where the lab comes in the instructors' guide and the site (docs/labs/<id>.md's order). */
  order: number;
  /** How long it takes a learner who read the chapter: [15] or [20, 25] minutes. */
  minutes: number[];
  /** How much it asks of a learner who read its chapter (the labs index shows it). */
  difficulty: Difficulty;
  /** The chapter that teaches what it practises, as the site links it ("/chapters/rolling-updates"): it ends with this lab. */
  chapter: string;
  /** What passing it is worth in a gradebook (`ecs-lab lab grade`) and a GitHub Classroom autograding test. */
  points: number;
  /** A lab graded in parts: which checks make each part, and what each is worth (see lab-parts.ts). */
  parts?: LabPart[];
  /** The files the learner edits, by name; starter/ and solution/ hold a version of each. */
  files: string[];
  /** Revealed one at a time, mildest first. */
  hints: string[];
}

export const DIFFICULTIES = ['introductory', 'intermediate', 'advanced'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** Reads lab.json; a broken one is a mistake of the lab's author, so this throws and says where. */
export function parseLabManifest(text: string, source: string): LabManifest {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error(`${source}, line ${parsed.error.line}, column ${parsed.error.column}: ${parsed.error.message}`);
  const raw = parsed.value as Record<string, unknown>;
  const requireText = (field: string) => {
    if (typeof raw[field] !== 'string' || raw[field] === '') throw new Error(`${source}: "${field}" must be a non-empty string.`);
    return raw[field] as string;
  };
  const requireList = (field: string) => {
    const value = raw[field];
    if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string' || v === '')) {
      throw new Error(`${source}: "${field}" must be a non-empty list of non-empty strings.`);
    }
    return value as string[];
  };
  const requireWhole = (value: unknown, field: string) => {
    if (!Number.isInteger(value) || (value as number) < 0) throw new Error(`${source}: "${field}" must be a whole number.`);
    return value as number;
  };
  const difficulty = raw.difficulty as Difficulty;
  if (!DIFFICULTIES.includes(difficulty)) throw new Error(`${source}: "difficulty" must be one of ${DIFFICULTIES.join(', ')}.`);
  const chapter = requireText('chapter');
  if (!/^\/chapters\/[a-z0-9-]+$/.test(chapter)) throw new Error(`${source}: "chapter" must be a chapter's link, like "/chapters/rolling-updates".`);
  const minutes = raw.minutes;
  if (!Array.isArray(minutes) || minutes.length < 1 || minutes.length > 2) throw new Error(`${source}: "minutes" must be [minutes] or [fewest, most].`);
  return {
    id: requireText('id'),
    title: requireText('title'),
    summary: requireText('summary'),
    concepts: requireList('concepts'),
    order: requireWhole(raw.order, 'order'),
    minutes: minutes.map((m) => requireWhole(m, 'minutes')),
    difficulty,
    chapter,
    points: requireWhole(raw.points, 'points'),
    ...(raw.parts === undefined ? {} : { parts: parseLabParts(raw.parts, raw.points as number, source) }),
    files: requireList('files'),
    hints: requireList('hints'),
  };
}

/** "15 min", "20–25 min", as the instructors' guide writes a lab's time. */
export function formatMinutes(minutes: readonly number[]): string {
  return `${minutes.join('–')} min`;
}
