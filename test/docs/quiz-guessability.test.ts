import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Honest quizzes: a learner who always picks the longest choice must not pass. For every single-answer
 * question (single and predict), the keyed answer must not be strictly the longest choice (in characters) in
 * more than 35 % of them; chance, with four choices, is 25 %. Wrong answers are to be as specific as the right
 * one, not padded: the figure is printed with the questions that give themselves away the most, so that a
 * writer knows where to look.
 */
const LIMIT = 0.35;
const questionsDir = fileURLToPath(new URL('../../docs/quiz/questions/', import.meta.url));

interface Question {
  id: string;
  type: string;
  choices: string[];
  answer: number[];
}

const questions: Question[] = readdirSync(questionsDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(questionsDir + f, 'utf8')) as Question[]);

const singleAnswer = questions.filter((q) => q.type === 'single' || q.type === 'predict');

/** How many characters the keyed answer is longer than the longest other choice (negative: not the longest). */
function lead(q: Question): number {
  const keyed = q.choices[q.answer[0]].length;
  return keyed - Math.max(...q.choices.filter((_, i) => i !== q.answer[0]).map((c) => c.length));
}

function guessability(qs: Question[]): { figure: number; longest: Question[] } {
  const longest = qs.filter((q) => lead(q) > 0).sort((a, b) => lead(b) - lead(a));
  return { figure: qs.length ? longest.length / qs.length : 0, longest };
}

describe('quiz guessability', () => {
  it(`keys the strictly longest choice in at most ${LIMIT * 100} % of single-answer questions`, () => {
    const { figure, longest } = guessability(singleAnswer);
    const percent = (figure * 100).toFixed(1);
    const worst = longest.slice(0, 10).map((q) => `  ${q.id}: the answer is ${lead(q)} characters longer than any other choice`);
    console.log(
      `Guessability: the answer is strictly the longest choice in ${longest.length} of ${singleAnswer.length} single-answer questions (${percent} %; limit ${LIMIT * 100} %, chance 25 %).` +
        (worst.length ? `\nMost telling:\n${worst.join('\n')}` : ''),
    );
    expect(singleAnswer.length).toBeGreaterThan(100);
    expect(figure, `${percent} % of single-answer questions key the longest choice:\n${worst.join('\n')}`).toBeLessThanOrEqual(LIMIT);
  });

  it('does not turn the tell around: the answer is not the shortest choice in most questions either', () => {
    const shortest = singleAnswer.filter((q) => {
      const keyed = q.choices[q.answer[0]].length;
      return q.choices.every((c, i) => i === q.answer[0] || c.length > keyed);
    });
    expect(shortest.length / singleAnswer.length).toBeLessThanOrEqual(LIMIT);
  });

  it('does not give away multiple-response answers either: the keyed options are not simply the longest ones', () => {
    const multiple = questions.filter((q) => q.type === 'multiple');
    const telling = multiple.filter((q) => {
      const byLength = q.choices.map((c, i) => ({ i, n: c.length })).sort((a, b) => b.n - a.n);
      return byLength.slice(0, q.answer.length).every((c) => q.answer.includes(c.i));
    });
    expect(telling.map((q) => q.id).length / multiple.length, telling.map((q) => q.id).join(', ')).toBeLessThanOrEqual(LIMIT);
  });

  it('computes the figure from the lengths in characters, ties not counting as longest', () => {
    const q = (choices: string[], answer: number): Question => ({ id: 'q', type: 'single', choices, answer: [answer] });
    expect(guessability([q(['aaa', 'bb'], 0), q(['aa', 'bb'], 0), q(['a', 'bbb'], 0), q(['a', 'b', 'cccc'], 2)]).figure).toBe(0.5);
    expect(guessability([]).figure).toBe(0);
  });
});
