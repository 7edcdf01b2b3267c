/** A quiz question as written in docs/quiz/questions/*.json, and how an answer to it is scored. */
export type Exam = 'SAA' | 'DVA' | 'SOA';
export const EXAMS: Array<{ id: Exam; name: string }> = [
  { id: 'SAA', name: 'Solutions Architect – Associate' },
  { id: 'DVA', name: 'Developer – Associate' },
  { id: 'SOA', name: 'SysOps Administrator – Associate' },
];

export interface QuizQuestion {
  id: string;
  concepts: string[];
  /** The chapter that teaches it, as the site links it: "/chapters/rolling-updates". */
  chapter: string;
  /** A feature file name (scenarios/features/<scenario>.feature) that shows it. */
  scenario?: string;
  exams: Exam[];
  type: 'single' | 'multiple' | 'predict';
  prompt: string;
  choices: string[];
  /** Indexes into `choices`: exactly one for single and predict questions. */
  answer: number[];
  explanation: string;
  predict?: { feature: string; scenario: string; pauseAfterStep: number };
}

/** Right only when exactly the right choices are picked: a multiple-choice half answer is wrong, as in the exams. */
export function isCorrect(question: QuizQuestion, chosen: number[]): boolean {
  const right = new Set(question.answer);
  return chosen.length === right.size && chosen.every((c) => right.has(c));
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
