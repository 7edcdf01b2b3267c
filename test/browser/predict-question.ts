import { readdirSync, readFileSync } from 'node:fs';

const QUESTIONS = 'docs/quiz/questions';

/** The id of the first predict-what-happens question of the bank (the quizzes page reaches it by its link). */
export function predictId(): string {
  for (const file of readdirSync(QUESTIONS).sort()) {
    const found = (JSON.parse(readFileSync(`${QUESTIONS}/${file}`, 'utf8')) as Array<{ id: string; type: string }>).find((q) => q.type === 'predict');
    if (found) return found.id;
  }
  throw new Error('no predict question in the bank');
}
