import type { QuizQuestion } from './quiz-question.js';

/**
 * The question files of docs/quiz/questions, each fetched only when a page asks for it: a chapter's Practice
 * block and the quizzes page load one chapter's questions at a time, not the whole bank. A file that does not
 * hold questions, or a question without an id, prompt and choices, is left out rather than breaking the page;
 * test/docs/quiz-data.test.ts is where malformed data fails.
 */
const files = import.meta.glob<unknown>('../quiz/questions/*.json', { import: 'default' });

function isQuestion(q: unknown): q is QuizQuestion {
  const v = q as Partial<QuizQuestion> | null;
  return !!v && typeof v.id === 'string' && typeof v.prompt === 'string' && Array.isArray(v.choices) && Array.isArray(v.answer);
}

/** A file's questions (it may hold one question or a list), with the optional lists filled in. */
export function questionsIn(contents: unknown): QuizQuestion[] {
  return [contents]
    .flat()
    .filter(isQuestion)
    .map((q) => ({ ...q, concepts: q.concepts ?? [], exams: q.exams ?? [] }));
}

/** The questions of `chapter` held in `fileNames` (as docs/quiz/questions names them), in file order. */
export async function loadChapterQuestions(chapter: string, fileNames: readonly string[]): Promise<QuizQuestion[]> {
  const loaded = await Promise.all(
    fileNames.map((name) => {
      const load = files[`../quiz/questions/${name}`];
      if (!load) throw new Error(`There is no docs/quiz/questions/${name} in this site.`);
      return load();
    }),
  );
  return loaded.flatMap(questionsIn).filter((q) => q.chapter === chapter);
}
