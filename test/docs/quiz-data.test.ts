import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../docs/.vitepress/data/coverage.js';
import { readCoverageInputs, readCurriculum } from '../../docs/.vitepress/data/coverage-sources.js';
import { parseFeature } from '../../scenarios/runner/parse-feature.js';

/**
 * The quiz bank's data contract (docs/quiz/questions/<topic>.json, rendered by the quiz UI):
 * { id: "q-<topic>-<n>", concepts, chapter, scenario?, exams, type, style?, prompt, items?, choices, answer,
 * explanation, predict? }.
 * A predict question pauses the player after step `pauseAfterStep` (1-based, counting the Background's steps,
 * as the player lists them) of a real scenario, so the learner can answer before it plays on.
 * An ordering question's `answer` lists every choice index in the right order; a matching question's gives,
 * for each of its `items`, the index of its choice. `style: "exam"` marks a question written as the
 * certification exams write them (a scenario, a requirement, plausible options).
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const questionsDir = `${repoRoot}docs/quiz/questions/`;
const EXAMS = new Set(['SAA', 'DVA', 'SOA']);
const TYPES = new Set(['single', 'multiple', 'predict', 'ordering', 'matching']);
const KEYS = new Set(['id', 'concepts', 'chapter', 'scenario', 'exams', 'type', 'style', 'prompt', 'items', 'choices', 'answer', 'explanation', 'predict']);
/** Two choices that differ only in case, spacing or punctuation are the same choice. */
const normalised = (text: string) => text.toLowerCase().replace(/[^a-z0-9%]+/g, ' ').trim();

interface Question {
  id: string;
  concepts: string[];
  chapter: string;
  scenario?: string;
  exams: string[];
  type: string;
  style?: string;
  prompt: string;
  items?: string[];
  choices: string[];
  answer: number[];
  explanation: string;
  predict?: { feature: string; scenario: string; pauseAfterStep: number };
}

const files = readdirSync(questionsDir).filter((f) => f.endsWith('.json')).sort();
const byFile = files.map((file) => ({ topic: file.slice(0, -'.json'.length), questions: JSON.parse(readFileSync(questionsDir + file, 'utf8')) as Question[] }));
const all = byFile.flatMap((f) => f.questions.map((q) => ({ topic: f.topic, q })));
const conceptIds = new Set(readCurriculum(repoRoot).map((c) => c.id));
const stepCounts = new Map<string, Map<string, number>>();

function scenarioSteps(feature: string): Map<string, number> {
  let counts = stepCounts.get(feature);
  if (!counts) {
    const parsed = parseFeature(readFileSync(`${repoRoot}scenarios/features/${feature}.feature`, 'utf8'));
    counts = new Map(parsed.pickles.map((p) => [p.name, p.steps.length]));
    stepCounts.set(feature, counts);
  }
  return counts;
}

const featureExists = (name: string) => existsSync(`${repoRoot}scenarios/features/${name}.feature`);

describe('quiz question files', () => {
  it('are arrays of questions', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of byFile) expect(Array.isArray(f.questions), f.topic).toBe(true);
  });

  it('hold at least 80 questions', () => {
    expect(all.length).toBeGreaterThanOrEqual(80);
  });

  it('use unique ids of the form q-<topic>-<n>, topic being the file name', () => {
    const ids = all.map(({ q }) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { topic, q } of all) expect(q.id).toMatch(new RegExp(`^q-${topic}-\\d+$`));
  });
});

describe.each(all.map(({ q }) => [q.id, q] as const))('%s', (_id, q) => {
  it('has exactly the contract keys, with the right types', () => {
    for (const key of Object.keys(q)) expect(KEYS.has(key), `unexpected key ${key}`).toBe(true);
    expect(typeof q.prompt === 'string' && q.prompt.trim().length > 0).toBe(true);
    expect(typeof q.explanation === 'string' && q.explanation.trim().length > 0).toBe(true);
    expect(TYPES.has(q.type), q.type).toBe(true);
    expect(q.exams.length).toBeGreaterThan(0);
    for (const exam of q.exams) expect(EXAMS.has(exam), exam).toBe(true);
    expect(q.concepts.length).toBeGreaterThan(0);
    for (const id of q.concepts) expect(conceptIds.has(id), id).toBe(true);
  });

  it('has distinct choices and valid answer indexes', () => {
    expect(q.choices.length).toBeGreaterThanOrEqual(2);
    expect(new Set(q.choices.map(normalised)).size, 'two choices say the same').toBe(q.choices.length);
    for (const choice of q.choices) expect(choice.trim().length, 'an empty choice').toBeGreaterThan(0);
    expect(q.answer.length).toBeGreaterThan(0);
    for (const index of q.answer) expect(Number.isInteger(index) && index >= 0 && index < q.choices.length, String(index)).toBe(true);
    if (q.type !== 'matching') expect(new Set(q.answer).size).toBe(q.answer.length);
    if (q.type === 'single' || q.type === 'predict') expect(q.answer).toHaveLength(1);
    if (q.type === 'multiple') expect(q.answer.length).toBeGreaterThanOrEqual(2);
    if (q.type === 'multiple') expect(q.answer.length).toBeLessThan(q.choices.length);
    if (q.type === 'ordering') {
      expect([...q.answer].sort((a, b) => a - b)).toEqual(q.choices.map((_, i) => i));
      // The page shows the file's order until it comes alive: that order must not be the answer.
      expect(q.answer).not.toEqual(q.choices.map((_, i) => i));
    }
    if (q.type === 'matching') {
      expect(q.items?.length ?? 0).toBeGreaterThanOrEqual(2);
      expect(new Set(q.items!.map(normalised)).size).toBe(q.items!.length);
      expect(q.answer).toHaveLength(q.items!.length);
    } else expect(q.items).toBeUndefined();
  });

  it('is written as the exams write them when it says so', () => {
    if (q.style === undefined) return;
    expect(q.style).toBe('exam');
    expect(['single', 'multiple']).toContain(q.type);
    expect(q.choices.length).toBeGreaterThanOrEqual(4);
    // A scenario and a requirement, not a one-line fact.
    expect(q.prompt.length, 'a short company scenario').toBeGreaterThanOrEqual(120);
    if (q.type === 'multiple') expect(q.prompt).toMatch(/\(Choose (two|three)\.\)$/);
  });

  it('links to an existing chapter', () => {
    expect(q.chapter).toMatch(/^\/chapters\/[a-z0-9-]+$/);
    expect(existsSync(`${repoRoot}docs${q.chapter}.md`), q.chapter).toBe(true);
  });

  it('names only existing feature files and steps', () => {
    if (q.scenario !== undefined) expect(featureExists(q.scenario), q.scenario).toBe(true);
    if (q.type !== 'predict') {
      expect(q.predict).toBeUndefined();
      return;
    }
    expect(q.predict).toBeDefined();
    const { feature, scenario, pauseAfterStep } = q.predict!;
    expect(featureExists(feature), feature).toBe(true);
    const steps = scenarioSteps(feature).get(scenario);
    expect(steps, `scenario "${scenario}" in ${feature}.feature`).toBeDefined();
    // Something must be left to play after the pause.
    expect(Number.isInteger(pauseAfterStep) && pauseAfterStep >= 1 && pauseAfterStep < steps!, `step ${pauseAfterStep} of ${steps}`).toBe(true);
  });
});

describe('exam-style practice', () => {
  const examStyle = all.filter(({ q }) => q.style === 'exam').map(({ q }) => q);

  it('has at least 40 exam-style questions, some of them multiple-response', () => {
    expect(examStyle.length).toBeGreaterThanOrEqual(40);
    expect(examStyle.filter((q) => q.type === 'multiple').length).toBeGreaterThanOrEqual(5);
  });

  it('asks about the SOA-C03 exam in most of them, with its requirement words', () => {
    expect(examStyle.filter((q) => q.exams.includes('SOA')).length).toBeGreaterThanOrEqual(30);
    const requirement = /LEAST|MOST|no downtime|without|must|requires?|Which TWO/;
    expect(examStyle.filter((q) => !requirement.test(q.prompt)).map((q) => q.id)).toEqual([]);
  });

  it('has a few ordering and matching questions for what happens in which order', () => {
    expect(all.filter(({ q }) => q.type === 'ordering' || q.type === 'matching').length).toBeGreaterThanOrEqual(3);
  });

  it('names only services a new customer can use in 2026 as right answers', () => {
    // App Runner is closed to new customers (30 April 2026): a question may name it, but not as the answer.
    for (const { q } of all) for (const index of q.answer) expect(q.choices[index], q.id).not.toMatch(/App Runner/);
  });
});

describe('practice across the curriculum', () => {
  it('gives every concept a question, a scenario or a lab', () => {
    expect(computeCoverage(readCoverageInputs(repoRoot)).withoutPractice).toEqual([]);
  });
});
