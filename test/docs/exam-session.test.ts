// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DOMAINS, domainOf } from '../../docs/components/exam-domains.js';
import {
  answerCurrent,
  domainBreakdown,
  drawQuestions,
  examMinutes,
  examPool,
  finish,
  formatClock,
  loadSession,
  nextQuestion,
  parseSession,
  resumePoint,
  reviewQuestions,
  saveSession,
  SESSION_KEY,
  sessionScore,
  startSession,
  timeLeft,
} from '../../docs/components/exam-session.js';
import { EXAMS, type Exam, type QuizQuestion } from '../../docs/components/quiz-question.js';

// happy-dom gives import.meta.url an http: scheme; the tests run from the repository's root.
const root = `${resolve(__dirname, '../..')}/`;
const curriculum = (JSON.parse(readFileSync(`${root}docs/.vitepress/data/curriculum.json`, 'utf8')) as { concepts: Array<{ id: string }> }).concepts;
const bank: QuizQuestion[] = readdirSync(`${root}docs/quiz/questions`)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(`${root}docs/quiz/questions/${f}`, 'utf8')) as QuizQuestion[]);
const byId = new Map(bank.map((q) => [q.id, q]));
const NOW = Date.UTC(2026, 5, 1, 9, 0, 0);

const wrongChoice = (q: QuizQuestion) => [q.choices.findIndex((_, i) => !q.answer.includes(i))];

describe('the exams and their domains', () => {
  it('are SOA-C03, SAA-C03 and DVA-C02, each 65 questions in 130 minutes', () => {
    expect(EXAMS.map((e) => e.code)).toEqual(['SOA-C03', 'SAA-C03', 'DVA-C02']);
    expect(EXAMS.find((e) => e.id === 'SOA')!.name).toBe('CloudOps Engineer – Associate');
    for (const e of EXAMS) expect([e.questions, e.minutes]).toEqual([65, 130]);
  });

  it('weigh each exam’s domains to 100 %, SOA-C03 with its five', () => {
    for (const exam of Object.keys(DOMAINS) as Exam[]) expect(DOMAINS[exam].reduce((sum, d) => sum + d.weight, 0)).toBe(100);
    expect(DOMAINS.SOA.map((d) => [d.name, d.weight])).toEqual([
      ['Monitoring, Logging, Analysis, Remediation, and Performance Optimization', 22],
      ['Reliability and Business Continuity', 22],
      ['Deployment, Provisioning, and Automation', 22],
      ['Security and Compliance', 16],
      ['Networking and Content Delivery', 18],
    ]);
  });

  it('give every curriculum concept exactly one domain per exam', () => {
    for (const exam of Object.keys(DOMAINS) as Exam[]) {
      const mapped = DOMAINS[exam].flatMap((d) => d.concepts);
      expect(new Set(mapped).size, `${exam}: a concept in two domains`).toBe(mapped.length);
      expect([...mapped].sort(), exam).toEqual(curriculum.map((c) => c.id).sort());
    }
  });

  it('put a question in the domain of its first concept', () => {
    expect(domainOf({ concepts: ['C24', 'C13'] }, 'SOA').id).toBe('security');
    expect(domainOf({ concepts: ['C13', 'C24'] }, 'SOA').id).toBe('deployment');
  });

  it('have questions in every SOA-C03 domain', () => {
    const pool = examPool(bank, 'SOA');
    for (const d of DOMAINS.SOA) expect(pool.filter((q) => domainOf(q, 'SOA').id === d.id).length, d.name).toBeGreaterThanOrEqual(5);
  });
});

describe('drawing a session', () => {
  it('asks only multiple-choice and multiple-response questions of the chosen exam', () => {
    const pool = examPool(bank, 'SOA');
    expect(pool.length).toBeGreaterThanOrEqual(65);
    for (const q of pool) {
      expect(q.exams).toContain('SOA');
      expect(['single', 'multiple']).toContain(q.type);
    }
  });

  it('draws the number asked for, without repeats, across many chapters', () => {
    const drawn = drawQuestions(bank, 'SOA', 20, 'abc');
    expect(drawn).toHaveLength(20);
    expect(new Set(drawn.map((q) => q.id)).size).toBe(20);
    expect(new Set(drawn.map((q) => q.chapter)).size).toBeGreaterThanOrEqual(15);
  });

  it('is the same for the same seed and different for another, in a shuffled order', () => {
    const ids = (seed: string) => drawQuestions(bank, 'SOA', 20, seed).map((q) => q.id);
    expect(ids('abc')).toEqual(ids('abc'));
    expect(ids('abd')).not.toEqual(ids('abc'));
    const chapters = drawQuestions(bank, 'SOA', 20, 'abc').map((q) => q.chapter);
    const sorted = [...chapters].sort();
    expect(chapters).not.toEqual(sorted);
  });

  it('stops at the size of the pool', () => {
    const small = bank.filter((q) => q.chapter === '/chapters/storage');
    expect(drawQuestions(small, 'SAA', 65, 's').length).toBe(examPool(small, 'SAA').length);
  });

  it('times the session at the real exam’s pace: two minutes a question', () => {
    expect(examMinutes('SOA', 65)).toBe(130);
    expect(examMinutes('SOA', 10)).toBe(20);
    const timed = startSession({ bank, exam: 'SOA', count: 10, seed: 'abc', timed: true, now: NOW });
    expect(timeLeft(timed, NOW)).toBe(20 * 60_000);
    expect(timeLeft(timed, NOW + 5 * 60_000)).toBe(15 * 60_000);
    expect(timeLeft(timed, NOW + 60 * 60_000)).toBe(0);
    expect(timeLeft(startSession({ bank, exam: 'SOA', count: 10, seed: 'abc', timed: false, now: NOW }), NOW)).toBeUndefined();
    expect(formatClock(20 * 60_000)).toBe('20:00');
    expect(formatClock(61_500)).toBe('1:02');
    expect(formatClock(130 * 60_000)).toBe('2:10:00');
  });
});

describe('a session', () => {
  const start = () => startSession({ bank, exam: 'SOA', count: 10, seed: 'abc', timed: false, now: NOW });
  const current = (s: ReturnType<typeof start>) => byId.get(s.questionIds[s.current])!;

  it('scores each answer by the chosen choices’ identity, and keeps the score as it goes', () => {
    let s = start();
    const first = current(s);
    s = answerCurrent(s, first, first.answer);
    expect(sessionScore(s)).toEqual({ answered: 1, correct: 1, percent: 100 });
    // Answering the same question again changes nothing.
    s = answerCurrent(s, first, wrongChoice(first));
    expect(sessionScore(s).correct).toBe(1);
    s = nextQuestion(s, NOW);
    s = answerCurrent(s, current(s), wrongChoice(current(s)));
    expect(sessionScore(s)).toEqual({ answered: 2, correct: 1, percent: 50 });
  });

  it('finishes after the last question, with a breakdown per domain and the wrong answers to review', () => {
    let s = start();
    for (let i = 0; i < 10; i++) {
      const q = current(s);
      s = answerCurrent(s, q, i % 3 === 0 ? wrongChoice(q) : q.answer);
      s = nextQuestion(s, NOW + i);
    }
    expect(s.finishedBy).toBe('answered');
    expect(sessionScore(s)).toEqual({ answered: 10, correct: 6, percent: 60 });
    const domains = domainBreakdown(s, bank);
    expect(domains.map((d) => d.id)).toEqual(DOMAINS.SOA.map((d) => d.id));
    expect(domains.reduce((n, d) => n + d.asked, 0)).toBe(10);
    expect(domains.reduce((n, d) => n + d.correct, 0)).toBe(6);
    const review = reviewQuestions(s, bank);
    expect(review.map((r) => r.question.id)).toEqual([0, 3, 6, 9].map((i) => s.questionIds[i]));
    for (const r of review) expect(r.answer?.correct).toBe(false);
  });

  it('lists unanswered questions for review when time runs out', () => {
    let s = startSession({ bank, exam: 'SOA', count: 10, seed: 'abc', timed: true, now: NOW });
    s = answerCurrent(s, current(s), current(s).answer);
    s = finish(s, 'time', s.endsAt!);
    expect(s.finishedBy).toBe('time');
    expect(nextQuestion(s, NOW).current).toBe(s.current);
    expect(reviewQuestions(s, bank)).toHaveLength(9);
    expect(reviewQuestions(s, bank).every((r) => r.answer === undefined)).toBe(true);
  });
});

describe('keeping a session', () => {
  beforeEach(() => localStorage.clear());

  it('saves it in localStorage and reads it back', () => {
    let s = startSession({ bank, exam: 'DVA', count: 10, seed: 'abc', timed: true, now: NOW });
    s = answerCurrent(s, byId.get(s.questionIds[0])!, [0]);
    saveSession(s);
    expect(JSON.parse(localStorage.getItem(SESSION_KEY)!).exam).toBe('DVA');
    expect(loadSession(bank)).toEqual(s);
    saveSession(undefined);
    expect(loadSession(bank)).toBeUndefined();
  });

  it('resumes on the first question not yet answered', () => {
    let s = startSession({ bank, exam: 'SOA', count: 10, seed: 'abc', timed: false, now: NOW });
    s = answerCurrent(s, byId.get(s.questionIds[0])!, [0]);
    expect(s.current).toBe(0);
    expect(resumePoint(s).current).toBe(1);
  });

  it('ignores what is not a session of this bank', () => {
    const s = startSession({ bank, exam: 'SOA', count: 10, seed: 'abc', timed: false, now: NOW });
    expect(parseSession(JSON.stringify(s), bank)).toEqual(s);
    expect(parseSession('not json', bank)).toBeUndefined();
    expect(parseSession(JSON.stringify({ ...s, version: 2 }), bank)).toBeUndefined();
    expect(parseSession(JSON.stringify({ ...s, questionIds: ['q-gone-1'] }), bank)).toBeUndefined();
    expect(parseSession(JSON.stringify({ ...s, current: 10 }), bank)).toBeUndefined();
    expect(parseSession(null, bank)).toBeUndefined();
  });
});
