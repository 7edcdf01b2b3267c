import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { featureConcepts, type Concept, type CoverageInputs, type Ref } from './coverage.js';
import { readSection } from './pages.js';

/**
 * Reads what the coverage matrix counts from the repository's files:
 * - chapters: `docs/chapters/*.md` frontmatter `concepts`;
 * - scenarios: `scenarios/features/*.feature` tags `@concepts:Cxx`;
 * - labs: `labs/<id>/lab.json` `concepts` (linked to `docs/labs/<id>.md` when that page exists);
 * - quiz questions: `docs/quiz/questions/*.json` `concepts`;
 * - the curriculum: `docs/.vitepress/data/curriculum.json`.
 */
export function readCoverageInputs(repoRoot: string): CoverageInputs {
  const docs = join(repoRoot, 'docs');
  return {
    concepts: readCurriculum(repoRoot),
    chapters: readSection(docs, 'chapters').map((page) => ({ name: page.title, link: page.link, concepts: page.concepts })),
    scenarios: readScenarios(repoRoot),
    labs: readLabs(repoRoot),
    questions: readQuestions(repoRoot).map((q) => ({ name: q.id, link: q.chapter, concepts: q.concepts })),
  };
}

export function readCurriculum(repoRoot: string): Concept[] {
  const file = join(repoRoot, 'docs/.vitepress/data/curriculum.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { concepts: Concept[] }).concepts;
}

export function readScenarios(repoRoot: string): Ref[] {
  const dir = join(repoRoot, 'scenarios/features');
  return listFiles(dir, '.feature').map((file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    const title = /^\s*Feature:\s*(.+)$/m.exec(source)?.[1].trim();
    return { name: file.slice(0, -'.feature'.length), link: undefined, concepts: featureConcepts(source), ...(title ? { title } : {}) };
  });
}

export function readLabs(repoRoot: string): Ref[] {
  const dir = join(repoRoot, 'labs');
  const labs: Ref[] = [];
  for (const id of listDirs(dir)) {
    const manifest = join(dir, id, 'lab.json');
    if (!existsSync(manifest)) continue;
    const lab = JSON.parse(readFileSync(manifest, 'utf8')) as { id?: string; title?: string; concepts?: string[] };
    const page = existsSync(join(repoRoot, 'docs/labs', `${id}.md`)) ? `/labs/${id}` : undefined;
    labs.push({ name: lab.title ?? id, link: page, concepts: lab.concepts ?? [] });
  }
  return labs;
}

/** The raw quiz questions, file by file in name order (validated by test/docs/quiz-data.test.ts, not here). */
export interface RawQuestion {
  id: string;
  concepts: string[];
  chapter: string;
  exams: string[];
  [key: string]: unknown;
}

export function readQuestions(repoRoot: string): RawQuestion[] {
  const dir = join(repoRoot, 'docs/quiz/questions');
  return listFiles(dir, '.json').flatMap((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as RawQuestion[]);
}

function listFiles(dir: string, extension: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.endsWith(extension)).sort();
}

function listDirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}
