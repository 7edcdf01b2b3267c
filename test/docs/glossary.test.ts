import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chaptersInPathOrder, docsDir } from './chapter-text.js';

/**
 * The glossary settles the words a newcomer trips on. Its entries have fixed anchors (`### Draining {#draining}`),
 * the chapters link a term where the path first uses it, and every link must land on an entry.
 */
export function glossaryAnchors(markdown: string): string[] {
  return [...markdown.matchAll(/^#{2,4}\s.*\{#([a-z0-9-]+)\}\s*$/gm)].map((m) => m[1]);
}

export function glossaryLinks(markdown: string): string[] {
  return [...markdown.matchAll(/(?:\]\(|href=")\/glossary(?:\.html|\.md)?#([^)"\s]+)/g)].map((m) => m[1]);
}

const glossary = readFileSync(`${docsDir}glossary.md`, 'utf8');
const anchors = glossaryAnchors(glossary);
const chapters = chaptersInPathOrder();

describe('the glossary', () => {
  it('reads anchors and links', () => {
    expect(glossaryAnchors('## Terms\n### Draining {#draining}\n#### Healthy, in three senses {#healthy}\ntext {#not-a-heading}\n')).toEqual([
      'draining',
      'healthy',
    ]);
    expect(glossaryLinks('a [drained](/glossary#draining) and <a href="/glossary#healthy">healthy</a> and [x](/glossary.md#x)')).toEqual([
      'draining',
      'healthy',
      'x',
    ]);
  });

  it('settles the overloaded words, each under its own anchor', () => {
    for (const id of ['draining', 'healthy', 'standalone-task', 'service-task']) expect(anchors).toContain(id);
    expect(new Set(anchors).size).toBe(anchors.length);
  });

  it('has every anchor a chapter links to', () => {
    const missing = chapters.flatMap((c) => glossaryLinks(c.source).filter((id) => !anchors.includes(id)).map((id) => `${c.slug} → /glossary#${id}`));
    expect(missing).toEqual([]);
  });

  it('is linked from the chapters: every entry from at least one', () => {
    const linked = new Set(chapters.flatMap((c) => glossaryLinks(c.source)));
    expect(anchors.filter((id) => !linked.has(id))).toEqual([]);
  });
});
