import type { Progress } from './progress-store.js';

/** What a page of the sidebar has earned: a chapter read, its quiz done, its labs passed; a lab passed. */
export type Mark = 'read' | 'quiz' | 'lab';

/** The words a mark stands for, as a screen reader and a tooltip say them. */
export const MARK_WORDS: Record<Mark, string> = { read: 'read', quiz: 'quiz done', lab: 'lab passed' };

/** Of the practice data (practice.data.ts), what the marks need. */
export interface ChapterPracticeRef {
  chapter: string;
  questions: string[];
  labs: Array<{ id: string; link: string }>;
}

/**
 * The marks of every page that has earned one, by link. A chapter's quiz is done when every one of its
 * questions was last answered right (a wrong latest answer undoes it: the mark says what the learner knows
 * now); its lab mark needs every lab of the chapter passed.
 */
export function progressMarks(progress: Progress, chapters: readonly ChapterPracticeRef[]): Map<string, Mark[]> {
  const marks = new Map<string, Mark[]>();
  for (const c of chapters) {
    const earned: Mark[] = [];
    if (progress.chaptersRead[c.chapter]) earned.push('read');
    if (c.questions.length > 0 && c.questions.every((id) => progress.quiz[id]?.correct)) earned.push('quiz');
    if (c.labs.length > 0 && c.labs.every((lab) => progress.labsPassed[lab.id])) earned.push('lab');
    if (earned.length > 0) marks.set(c.chapter, earned);
    for (const lab of c.labs) if (progress.labsPassed[lab.id]) marks.set(lab.link, ['lab']);
  }
  return marks;
}
