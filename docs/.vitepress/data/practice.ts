import type { Difficulty, LabManifest } from '../../../labs/lab-kit/lab-manifest.js';
import type { PageInfo } from './pages.js';

/**
 * What a learner practises after each chapter: its quiz questions and its labs, joined from the data that
 * holds them (a question's `chapter`, a lab.json's `chapter`), so no chapter lists them by hand. The labs
 * index, each chapter's Practice block and the sidebar's progress marks all read this.
 */
export interface PracticeLab {
  id: string;
  title: string;
  summary: string;
  minutes: number[];
  difficulty: Difficulty;
  /** The chapter's link, "/chapters/rolling-updates". */
  chapter: string;
  chapterTitle: string;
  /** The lab's page, "/labs/rolling-update". */
  link: string;
}

export interface ChapterPractice {
  chapter: string;
  title: string;
  /** The ids of the questions about it, in the order of the question files. */
  questions: string[];
  /** The files of docs/quiz/questions that hold them ("rolling-updates.json"), for loading them. */
  questionFiles: string[];
  labs: PracticeLab[];
}

export interface Practice {
  /** In learning-path order. */
  chapters: ChapterPractice[];
  /** In learning-path order: by their chapter's place, then by their own `order`. */
  labs: PracticeLab[];
}

/** A question as the practice needs it: which chapter teaches it, and which file holds it. */
export interface QuestionRef {
  id: string;
  chapter: string;
  file: string;
}

export function computePractice(chapters: PageInfo[], labs: LabManifest[], questions: QuestionRef[]): Practice {
  const place = new Map(chapters.map((c, i) => [c.link, i]));
  const titleOf = (link: string) => chapters.find((c) => c.link === link)?.title ?? link;
  const practiceLabs = labs
    .map((lab) => ({
      id: lab.id,
      title: lab.title,
      summary: lab.summary,
      minutes: lab.minutes,
      difficulty: lab.difficulty,
      chapter: lab.chapter,
      chapterTitle: titleOf(lab.chapter),
      link: `/labs/${lab.id}`,
      order: lab.order,
    }))
    .sort((a, b) => (place.get(a.chapter) ?? chapters.length) - (place.get(b.chapter) ?? chapters.length) || a.order - b.order)
    .map(({ order: _order, ...lab }) => lab);
  return {
    chapters: chapters.map((c) => {
      const asked = questions.filter((q) => q.chapter === c.link);
      return {
        chapter: c.link,
        title: c.title,
        questions: asked.map((q) => q.id),
        questionFiles: [...new Set(asked.map((q) => q.file))],
        labs: practiceLabs.filter((l) => l.chapter === c.link),
      };
    }),
    labs: practiceLabs,
  };
}
