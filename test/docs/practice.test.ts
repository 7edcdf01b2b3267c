import { describe, expect, it } from 'vitest';
import { chapterLink } from '../../docs/.vitepress/practice-at-chapter-end.js';
import { readLabManifests } from '../../docs/.vitepress/data/practice.data.js';
import { computePractice } from '../../docs/.vitepress/data/practice.js';
import { readSection, type PageInfo } from '../../docs/.vitepress/data/pages.js';
import { progressMarks } from '../../docs/components/progress-marks.js';
import type { Progress } from '../../docs/components/progress-store.js';
import type { LabManifest } from '../../labs/lab-kit/lab-manifest.js';

const page = (slug: string, order: number): PageInfo => ({ link: `/chapters/${slug}`, slug, title: slug.replace(/-/g, ' '), order, concepts: [] });
const chapters = [page('task-definitions', 40), page('rolling-updates', 110), page('spot', 180)];
const lab = (id: string, chapter: string, order: number): LabManifest => ({
  id,
  title: `Lab ${id}`,
  summary: 'Do it.',
  concepts: ['C13'],
  order,
  minutes: [15],
  difficulty: 'introductory',
  chapter,
  points: 10,
  files: ['service.json'],
  hints: ['one'],
});

describe('what each chapter practises', () => {
  const practice = computePractice(
    chapters,
    [lab('survive-spot', '/chapters/spot', 70), lab('spot-draining', '/chapters/spot', 75), lab('rolling', '/chapters/rolling-updates', 30), lab('first', '/chapters/task-definitions', 10)],
    [
      { id: 'q-r-1', chapter: '/chapters/rolling-updates', file: 'rolling-updates.json' },
      { id: 'q-s-1', chapter: '/chapters/spot', file: 'spot.json' },
      { id: 'q-r-2', chapter: '/chapters/rolling-updates', file: 'exam-style.json' },
    ],
  );

  it('gives each chapter its questions (with the files that hold them) and its labs, in learning-path order', () => {
    expect(practice.chapters.map((c) => [c.chapter, c.questions, c.questionFiles, c.labs.map((l) => l.id)])).toEqual([
      ['/chapters/task-definitions', [], [], ['first']],
      ['/chapters/rolling-updates', ['q-r-1', 'q-r-2'], ['rolling-updates.json', 'exam-style.json'], ['rolling']],
      ['/chapters/spot', ['q-s-1'], ['spot.json'], ['survive-spot', 'spot-draining']],
    ]);
  });

  it('lists the labs in the order of their chapters, then their own, each with its chapter title and page', () => {
    expect(practice.labs.map((l) => [l.id, l.chapterTitle, l.link])).toEqual([
      ['first', 'task definitions', '/labs/first'],
      ['rolling', 'rolling updates', '/labs/rolling'],
      ['survive-spot', 'spot', '/labs/survive-spot'],
      ['spot-draining', 'spot', '/labs/spot-draining'],
    ]);
  });
});

describe('the labs as the site reads them', () => {
  const labs = readLabManifests('.');
  const chapterLinks = new Set(readSection('docs', 'chapters').map((c) => c.link));

  it('each has a difficulty and a chapter of the site that it practises', () => {
    expect(labs.length).toBeGreaterThan(10);
    for (const l of labs) expect(chapterLinks.has(l.chapter), `${l.id}: ${l.chapter}`).toBe(true);
  });
});

describe('the Practice block at the end of every chapter', () => {
  it('goes after chapters only, named by their link', () => {
    expect(chapterLink('chapters/rolling-updates.md')).toBe('/chapters/rolling-updates');
    expect(chapterLink('labs/rolling-update.md')).toBeUndefined();
    expect(chapterLink('index.md')).toBeUndefined();
  });
});

describe('progress marks in the sidebar', () => {
  const practiceRefs = [
    { chapter: '/chapters/rolling-updates', questions: ['q1', 'q2'], labs: [{ id: 'rolling-update', link: '/labs/rolling-update' }] },
    { chapter: '/chapters/spot', questions: [], labs: [] },
  ];
  const progress = (over: Partial<Progress>): Progress => ({ chaptersRead: {}, scenariosPlayed: {}, quiz: {}, labsPassed: {}, ...over });
  const at = '2026-01-01T00:00:00.000Z';

  it('marks a chapter read, its quiz done when every question was last answered right, its lab passed', () => {
    const marks = progressMarks(
      progress({ chaptersRead: { '/chapters/rolling-updates': at }, quiz: { q1: { correct: true, at }, q2: { correct: true, at } }, labsPassed: { 'rolling-update': at } }),
      practiceRefs,
    );
    expect(marks.get('/chapters/rolling-updates')).toEqual(['read', 'quiz', 'lab']);
    expect(marks.get('/labs/rolling-update')).toEqual(['lab']);
  });

  it('gives no quiz mark while a question is unanswered or last answered wrong, and none to a chapter without questions', () => {
    const oneWrong = progressMarks(progress({ quiz: { q1: { correct: true, at }, q2: { correct: false, at } } }), practiceRefs);
    expect(oneWrong.has('/chapters/rolling-updates')).toBe(false);
    const oneMissing = progressMarks(progress({ chaptersRead: { '/chapters/spot': at }, quiz: { q1: { correct: true, at } } }), practiceRefs);
    expect(oneMissing.get('/chapters/rolling-updates')).toBeUndefined();
    expect(oneMissing.get('/chapters/spot')).toEqual(['read']);
  });
});
