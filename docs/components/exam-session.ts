import { DOMAINS, domainOf } from './exam-domains.js';
import { examInfo, isCorrect, score, type Exam, type QuizQuestion, type Score } from './quiz-question.js';
import { hashString, seededShuffle, isSeed } from './quiz-shuffle.js';

/**
 * The exam mode of the exam-prep page: one question at a time, drawn across the chapters in a shuffled order,
 * the score always known, an optional timer at the real exam's pace, then a breakdown per exam domain and a
 * review of the wrong answers. A session is plain data, saved in localStorage after every change, so a reload
 * (or a visit to a chapter and back) resumes it. Everything here is pure: time is passed in.
 */
export interface ExamAnswer {
  /** Indexes into the question's own choices: the answer is checked by identity, not by position. */
  chosen: number[];
  correct: boolean;
}

export interface ExamSession {
  version: 1;
  exam: Exam;
  /** Shuffles the questions and each question's choices: a review shows the order the learner saw. */
  seed: string;
  questionIds: string[];
  answers: Record<string, ExamAnswer>;
  /** The question on screen (it may be answered, with its feedback showing, until the learner moves on). */
  current: number;
  startedAt: number;
  /** With the timer on, when time is up (epoch milliseconds); without it, undefined. */
  endsAt?: number;
  finishedAt?: number;
  finishedBy?: 'answered' | 'time' | 'learner';
}

export const SESSION_KEY = 'ecs-lab:exam-session';
export const SESSION_SIZES = [10, 20, 65] as const;

/** Questions the exam mode asks for an exam: the exams' own formats (multiple choice, multiple response). */
export function examPool(bank: QuizQuestion[], exam: Exam): QuizQuestion[] {
  return bank.filter((q) => q.exams.includes(exam) && (q.type === 'single' || q.type === 'multiple'));
}

/**
 * `count` questions for `exam`, drawn across chapters: the chapters take turns (in a shuffled order, each
 * chapter's questions shuffled) until there are enough, then the draw is shuffled again so that neighbours
 * are not from the same chapter by design. Exam-style questions come first within each chapter's turn.
 */
export function drawQuestions(bank: QuizQuestion[], exam: Exam, count: number, seed: string): QuizQuestion[] {
  const byChapter = new Map<string, QuizQuestion[]>();
  for (const q of examPool(bank, exam)) byChapter.set(q.chapter, [...(byChapter.get(q.chapter) ?? []), q]);
  const queues = seededShuffle([...byChapter.keys()].sort(), `${seed}:chapters`).map((chapter) => {
    const shuffled = seededShuffle(byChapter.get(chapter)!, `${seed}:${chapter}`);
    return [...shuffled.filter((q) => q.style === 'exam'), ...shuffled.filter((q) => q.style !== 'exam')];
  });
  const drawn: QuizQuestion[] = [];
  while (drawn.length < count && queues.some((queue) => queue.length > 0)) {
    for (const queue of queues) if (drawn.length < count && queue.length > 0) drawn.push(queue.shift()!);
  }
  return seededShuffle(drawn, `${seed}:order`);
}

/** The time the real exam gives for `count` questions: 130 minutes for 65, two minutes a question. */
export function examMinutes(exam: Exam, count: number): number {
  const info = examInfo(exam);
  return Math.round((info.minutes / info.questions) * count);
}

export function startSession(options: { bank: QuizQuestion[]; exam: Exam; count: number; seed: string; timed: boolean; now: number }): ExamSession {
  const questions = drawQuestions(options.bank, options.exam, options.count, options.seed);
  return {
    version: 1,
    exam: options.exam,
    seed: options.seed,
    questionIds: questions.map((q) => q.id),
    answers: {},
    current: 0,
    startedAt: options.now,
    endsAt: options.timed ? options.now + examMinutes(options.exam, questions.length) * 60_000 : undefined,
  };
}

export const isFinished = (session: ExamSession) => session.finishedAt !== undefined;

/** Records the answer to the question on screen (once: a second answer to the same question is ignored). */
export function answerCurrent(session: ExamSession, question: QuizQuestion, chosen: number[]): ExamSession {
  const id = session.questionIds[session.current];
  if (isFinished(session) || id !== question.id || session.answers[id]) return session;
  return { ...session, answers: { ...session.answers, [id]: { chosen: [...chosen], correct: isCorrect(question, chosen) } } };
}

/** Moves on to the next question, or finishes the session after the last one. */
export function nextQuestion(session: ExamSession, now: number): ExamSession {
  if (isFinished(session)) return session;
  if (session.current + 1 >= session.questionIds.length) return finish(session, 'answered', now);
  return { ...session, current: session.current + 1 };
}

export function finish(session: ExamSession, by: NonNullable<ExamSession['finishedBy']>, now: number): ExamSession {
  return isFinished(session) ? session : { ...session, finishedAt: now, finishedBy: by };
}

/** Milliseconds left on the timer (never below 0), or undefined without a timer. */
export function timeLeft(session: ExamSession, now: number): number | undefined {
  if (session.endsAt === undefined) return undefined;
  return Math.max(0, session.endsAt - (session.finishedAt ?? now));
}

/** "37:05", or "1:02:00" from an hour up. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

export function sessionScore(session: ExamSession): Score {
  return score(session.questionIds.filter((id) => session.answers[id]).map((id) => session.answers[id].correct));
}

export interface DomainResult {
  id: string;
  name: string;
  weight: number;
  asked: number;
  answered: number;
  correct: number;
  /** Whole percent of the domain's questions asked (unanswered ones count as wrong), 0 when none was asked. */
  percent: number;
}

/** Every domain of the session's exam, in the exam guide's order, with how the learner did on it. */
export function domainBreakdown(session: ExamSession, bank: QuizQuestion[]): DomainResult[] {
  const questions = sessionQuestions(session, bank);
  return DOMAINS[session.exam].map((domain) => {
    const asked = questions.filter((q) => domainOf(q, session.exam).id === domain.id);
    const answered = asked.filter((q) => session.answers[q.id]);
    const correct = answered.filter((q) => session.answers[q.id].correct).length;
    return {
      id: domain.id,
      name: domain.name,
      weight: domain.weight,
      asked: asked.length,
      answered: answered.length,
      correct,
      percent: asked.length ? Math.round((correct / asked.length) * 100) : 0,
    };
  });
}

/** The session's questions, in the order asked (a question no longer in the bank is left out). */
export function sessionQuestions(session: ExamSession, bank: QuizQuestion[]): QuizQuestion[] {
  const byId = new Map(bank.map((q) => [q.id, q]));
  return session.questionIds.flatMap((id) => byId.get(id) ?? []);
}

/** The questions to review: those answered wrong and, when time ran out or the learner stopped, those not answered. */
export function reviewQuestions(session: ExamSession, bank: QuizQuestion[]): Array<{ question: QuizQuestion; answer?: ExamAnswer }> {
  return sessionQuestions(session, bank)
    .filter((q) => !session.answers[q.id]?.correct)
    .map((q) => ({ question: q, answer: session.answers[q.id] }));
}

/** Resumes on the first question not yet answered (the feedback of an answered one is not worth a stop). */
export function resumePoint(session: ExamSession): ExamSession {
  if (isFinished(session)) return session;
  const next = session.questionIds.findIndex((id) => !session.answers[id]);
  return next === -1 ? session : { ...session, current: next };
}

/** A stored session, if it is one (anything else, from another version or hand-edited, is ignored). */
export function parseSession(text: string | null | undefined, bank: QuizQuestion[]): ExamSession | undefined {
  try {
    const s = JSON.parse(text ?? 'null') as Partial<ExamSession> | null;
    if (!s || s.version !== 1 || !['SAA', 'DVA', 'SOA'].includes(s.exam as string) || !isSeed(s.seed)) return undefined;
    if (!Array.isArray(s.questionIds) || s.questionIds.length === 0 || !s.questionIds.every((id) => typeof id === 'string')) return undefined;
    if (typeof s.current !== 'number' || s.current < 0 || s.current >= s.questionIds.length || typeof s.startedAt !== 'number') return undefined;
    if (!s.answers || typeof s.answers !== 'object') return undefined;
    const ids = new Set(bank.map((q) => q.id));
    if (!s.questionIds.every((id) => ids.has(id))) return undefined;
    return s as ExamSession;
  } catch {
    return undefined;
  }
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: ExamSession | undefined): void {
  try {
    if (session) storage()?.setItem(SESSION_KEY, JSON.stringify(session));
    else storage()?.removeItem(SESSION_KEY);
  } catch {
    // Storage refused: the session lives as long as the page.
  }
}

export function loadSession(bank: QuizQuestion[]): ExamSession | undefined {
  try {
    return parseSession(storage()?.getItem(SESSION_KEY), bank);
  } catch {
    return undefined;
  }
}

/** A fresh seed for a session, from the learner seed and the start time: every session draws anew. */
export const sessionSeed = (learner: string, now: number) => hashString(`${learner}:${now}`).toString(16).padStart(8, '0');
