import type { Exam, QuizQuestion } from './quiz-question.js';

/**
 * Every question in docs/quiz/questions, bundled with the page that asks them (they are small). A file that
 * does not hold a list of questions, or a question without an id, prompt and choices, is left out rather than
 * breaking the page; test/docs/quiz-data.test.ts is where malformed data fails.
 */
const files = import.meta.glob<unknown>('../quiz/questions/*.json', { eager: true, import: 'default' });

function isQuestion(q: unknown): q is QuizQuestion {
  const v = q as Partial<QuizQuestion> | null;
  return !!v && typeof v.id === 'string' && typeof v.prompt === 'string' && Array.isArray(v.choices) && Array.isArray(v.answer);
}

/** A file may hold one question or a list of them. */
export const QUESTIONS: QuizQuestion[] = Object.keys(files)
  .sort()
  .flatMap((path) => [files[path]].flat())
  .filter(isQuestion)
  .map((q) => ({ ...q, concepts: q.concepts ?? [], exams: q.exams ?? [] }));

const list = (csv: string | undefined) => (csv ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** The questions a `<QuizBlock>` asks: by id in the order given, else those about any of the concepts. */
export function selectQuestions(questions: QuizQuestion[], choice: { ids?: string; concepts?: string; exam?: Exam }): QuizQuestion[] {
  const ids = list(choice.ids);
  if (ids.length > 0) return ids.flatMap((id) => questions.filter((q) => q.id === id));
  const concepts = new Set(list(choice.concepts));
  return questions.filter((q) => (concepts.size === 0 || q.concepts.some((c) => concepts.has(c))) && (!choice.exam || q.exams.includes(choice.exam)));
}

/**
 * Questions grouped by the chapter that teaches them. With `path` (the chapters' links in learning-path order,
 * as the sidebar lists them) the groups follow it, and chapters not on it come last; without, the order in
 * which chapters first appear.
 */
export function byChapter(questions: QuizQuestion[], path: string[] = []): Array<{ chapter: string; questions: QuizQuestion[] }> {
  const groups = new Map<string, QuizQuestion[]>();
  for (const q of questions) groups.set(q.chapter, [...(groups.get(q.chapter) ?? []), q]);
  const rank = (chapter: string) => (path.includes(chapter) ? path.indexOf(chapter) : path.length);
  return [...groups].map(([chapter, qs]) => ({ chapter, questions: qs })).sort((a, b) => rank(a.chapter) - rank(b.chapter));
}
