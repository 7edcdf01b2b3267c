import { describe, expect, it } from 'vitest';
import { chaptersInPathOrder, containerBlocks, MODEL_BLOCK_TITLE, withoutModelBlocks } from './chapter-text.js';

/**
 * Every chapter gives the exam's view of its topic and the default AWS recommends, and keeps the
 * simulator's internals out of the lesson: `control.*`, `sim.*` and `registerImage` (what ECS does not
 * have) appear only in the collapsed "How ecs-lab models this" block.
 */
const SIMULATOR_INTERNALS = /\bcontrol\.[A-Za-z]|\bsim\.[A-Za-z]|\bregisterImage\b/;

export function boxProblems(slug: string, markdown: string): string[] {
  const problems: string[] = [];
  const blocks = containerBlocks(markdown);
  const has = (kind: string, title: string) => blocks.some((b) => b.kind === kind && b.title === title);
  if (!has('info', 'On the exam')) problems.push(`${slug}: no "::: info On the exam" box`);
  if (!has('tip', 'Recommended default')) problems.push(`${slug}: no "::: tip Recommended default" box`);
  for (const block of blocks) {
    if (block.kind === 'details' && /model/i.test(block.title) && block.title !== MODEL_BLOCK_TITLE) {
      problems.push(`${slug}: a model block titled "${block.title}" instead of "${MODEL_BLOCK_TITLE}"`);
    }
  }
  withoutModelBlocks(markdown)
    .split('\n')
    .forEach((line) => {
      const internal = SIMULATOR_INTERNALS.exec(line);
      if (internal) problems.push(`${slug}: "${internal[0]}" outside the "${MODEL_BLOCK_TITLE}" block: ${line.trim()}`);
      if (/^#{1,6}\s.*(how the simulator|in the simulator|simulator models)/i.test(line)) {
        problems.push(`${slug}: a lesson heading about the simulator (move it into "${MODEL_BLOCK_TITLE}"): ${line.trim()}`);
      }
    });
  return problems;
}

describe('the box checker', () => {
  const boxes = '::: tip Recommended default\nSpread.\n:::\n\n::: info On the exam\n"LEAST operational overhead" → Fargate.\n:::\n';

  it('accepts a chapter with both boxes and its internals in the model block', () => {
    const page = `# T\n\nText.\n\n::: details ${MODEL_BLOCK_TITLE}\nThe image is registered with \`control.registerImage\`.\n:::\n\n${boxes}`;
    expect(boxProblems('t', page)).toEqual([]);
  });

  it('names what is missing and the internals that leak into the lesson', () => {
    const page = '# T\n\n## How the simulator models it\n\nCall `sim.asRole("dev")`.\n\n```ts\nsim.control.advance(5)\n```\n';
    expect(boxProblems('t', page)).toEqual([
      't: no "::: info On the exam" box',
      't: no "::: tip Recommended default" box',
      `t: a lesson heading about the simulator (move it into "${MODEL_BLOCK_TITLE}"): ## How the simulator models it`,
      `t: "sim.a" outside the "${MODEL_BLOCK_TITLE}" block: Call \`sim.asRole("dev")\`.`,
      `t: "sim.c" outside the "${MODEL_BLOCK_TITLE}" block: sim.control.advance(5)`,
    ]);
  });
});

describe('every chapter', () => {
  it('has an "On the exam" box and a "Recommended default", and keeps simulator internals in its model block', () => {
    expect(chaptersInPathOrder().flatMap((chapter) => boxProblems(chapter.slug, chapter.source))).toEqual([]);
  });
});
