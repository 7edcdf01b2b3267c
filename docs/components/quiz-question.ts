/** A quiz question as written in docs/quiz/questions/*.json, and how an answer to it is scored. */
export type Exam = 'SAA' | 'DVA' | 'SOA';

export interface ExamInfo {
  id: Exam;
  /** The exam's current code, as AWS names it. */
  code: string;
  name: string;
  /** The real exam's length and time, which set the exam mode's pace. */
  questions: number;
  minutes: number;
}

/**
 * The three associate exams that ask about ECS, as of 2026. SOA-C02 (SysOps Administrator) was retired on
 * 29 September 2025; its successor is SOA-C03, AWS Certified CloudOps Engineer – Associate. Each is 65
 * multiple-choice and multiple-response questions in 130 minutes.
 */
export const EXAMS: ExamInfo[] = [
  { id: 'SOA', code: 'SOA-C03', name: 'CloudOps Engineer – Associate', questions: 65, minutes: 130 },
  { id: 'SAA', code: 'SAA-C03', name: 'Solutions Architect – Associate', questions: 65, minutes: 130 },
  { id: 'DVA', code: 'DVA-C02', name: 'Developer – Associate', questions: 65, minutes: 130 },
];

export const examInfo = (id: Exam): ExamInfo => EXAMS.find((e) => e.id === id)!;

export type QuestionType = 'single' | 'multiple' | 'predict' | 'ordering' | 'matching';

export interface QuizQuestion {
  id: string;
  concepts: string[];
  /** The chapter that teaches it, as the site links it: "/chapters/rolling-updates". */
  chapter: string;
  /** A feature file name (scenarios/features/<scenario>.feature) that shows it. */
  scenario?: string;
  exams: Exam[];
  type: QuestionType;
  /** "exam": written as the certification exams write them (a short scenario, a requirement, plausible options). */
  style?: 'exam';
  prompt: string;
  /**
   * single, multiple, predict: the options. ordering: the steps to put in order. matching: the options each
   * item is matched with.
   */
  choices: string[];
  /** matching only: the things to match, each with one of `choices`. */
  items?: string[];
  /**
   * single and predict: the one right index into `choices`; multiple: the right indexes (two or more);
   * ordering: every index of `choices`, in the right order; matching: for each item, the index of its choice.
   */
  answer: number[];
  explanation: string;
  predict?: { feature: string; scenario: string; pauseAfterStep: number };
}

/** The types a learner answers by picking options (the only ones the certification exams use). */
export const isPickType = (type: QuestionType) => type === 'single' || type === 'multiple' || type === 'predict';

/**
 * Right only when the answer is exactly right: a multiple-choice half answer is wrong, as in the exams; an
 * ordering is right only in the right order; a matching only with every item matched right.
 * `chosen` is, for pick types, the chosen indexes in any order; for ordering, the indexes in the learner's
 * order; for matching, the chosen choice index for each item.
 */
export function isCorrect(question: QuizQuestion, chosen: number[]): boolean {
  if (question.type === 'ordering' || question.type === 'matching') {
    return chosen.length === question.answer.length && chosen.every((c, i) => c === question.answer[i]);
  }
  const right = new Set(question.answer);
  return chosen.length === right.size && new Set(chosen).size === chosen.length && chosen.every((c) => right.has(c));
}

/** The right answer in words: the right options, the steps in order, or each item with its match. */
export function answerText(question: QuizQuestion, chosen: number[] = question.answer): string[] {
  if (question.type === 'matching') return (question.items ?? []).map((item, i) => `${item} → ${question.choices[chosen[i]] ?? '(none)'}`);
  if (question.type === 'ordering') return chosen.map((c, i) => `${i + 1}. ${question.choices[c]}`);
  return chosen.map((c) => question.choices[c]);
}

export interface Score {
  answered: number;
  correct: number;
  /** Whole percent of the answered questions, 0 when none is. */
  percent: number;
}

export function score(results: boolean[]): Score {
  const correct = results.filter(Boolean).length;
  return { answered: results.length, correct, percent: results.length ? Math.round((correct / results.length) * 100) : 0 };
}
