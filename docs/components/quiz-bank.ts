import { questionsIn } from './quiz-files.js';
import type { Exam, QuizQuestion } from './quiz-question.js';

/**
 * Every question in docs/quiz/questions, bundled with the page that asks them: the exam mode and the progress
 * page draw on the whole bank (a chapter's questions alone load through quiz-files.ts).
 */
const files = import.meta.glob<unknown>('../quiz/questions/*.json', { eager: true, import: 'default' });

export const QUESTIONS: QuizQuestion[] = Object.keys(files)
  .sort()
  .flatMap((path) => questionsIn(files[path]));

const list = (csv: string | undefined) => (csv ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** The questions a `<QuizBlock>` asks: by id in the order given, else those about any of the concepts. */
export function selectQuestions(questions: QuizQuestion[], choice: { ids?: string; concepts?: string; exam?: Exam }): QuizQuestion[] {
  const ids = list(choice.ids);
  if (ids.length > 0) return ids.flatMap((id) => questions.filter((q) => q.id === id));
  const concepts = new Set(list(choice.concepts));
  return questions.filter((q) => (concepts.size === 0 || q.concepts.some((c) => concepts.has(c))) && (!choice.exam || q.exams.includes(choice.exam)));
}
