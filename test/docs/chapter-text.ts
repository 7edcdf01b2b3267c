import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readFrontmatter } from '../../docs/.vitepress/data/frontmatter.js';
import { readSection } from '../../docs/.vitepress/data/pages.js';

/** Helpers the chapter tests share: the chapters in path order, and the parts of a chapter's Markdown. */

export const docsDir = fileURLToPath(new URL('../../docs/', import.meta.url));

/** The collapsed block that holds what is the simulator's model rather than ECS. */
export const MODEL_BLOCK_TITLE = 'How ecs-lab models this';

export interface PathChapter {
  slug: string;
  link: string;
  title: string;
  source: string;
  introduces: string[];
  uses: string[];
  previews: string[];
}

/** Every chapter, in the order of the learning path (the sidebar's order: frontmatter `order`). */
export function chaptersInPathOrder(): PathChapter[] {
  return readSection(docsDir, 'chapters').map((page) => {
    const source = readFileSync(`${docsDir}chapters/${page.slug}.md`, 'utf8');
    const data = readFrontmatter(source);
    const list = (value: unknown): string[] => (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []);
    return {
      slug: page.slug,
      link: page.link,
      title: page.title,
      source,
      introduces: list(data.introduces),
      uses: list(data.uses),
      previews: list(data.previews),
    };
  });
}

export interface ContainerBlock {
  /** `info`, `tip`, `details`, `code-group`, ... */
  kind: string;
  /** The rest of the opening line: `On the exam`, `How ecs-lab models this`. */
  title: string;
  /** Line numbers (0-based) of the opening and the closing `:::`. */
  start: number;
  end: number;
}

/**
 * The `::: kind title` ... `:::` containers of a page, outside fenced code. Containers nest (a code group
 * inside a tip); an unclosed one runs to the end of the page.
 */
export function containerBlocks(markdown: string): ContainerBlock[] {
  const lines = markdown.split(/\r?\n/);
  const open: ContainerBlock[] = [];
  const done: ContainerBlock[] = [];
  let fence: string | undefined;
  lines.forEach((line, index) => {
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenceMark) {
      if (!fence) fence = fenceMark;
      else if (fenceMark.startsWith(fence)) fence = undefined;
      return;
    }
    if (fence) return;
    const opening = /^\s*:::+\s*([\w-]+)\s*(.*?)\s*$/.exec(line);
    if (opening) {
      open.push({ kind: opening[1], title: opening[2], start: index, end: lines.length - 1 });
      return;
    }
    if (/^\s*:::+\s*$/.test(line) && open.length > 0) {
      const block = open.pop()!;
      block.end = index;
      done.push(block);
    }
  });
  return [...done, ...open].sort((a, b) => a.start - b.start);
}

/** The page without its frontmatter and without its "How ecs-lab models this" blocks. */
export function withoutModelBlocks(markdown: string): string {
  const body = markdown.replace(/^---\r?\n[\s\S]*?\r?\n---\s*\r?\n/, '');
  const lines = body.split(/\r?\n/);
  const drop = new Set<number>();
  for (const block of containerBlocks(body)) {
    if (block.kind === 'details' && block.title === MODEL_BLOCK_TITLE) for (let i = block.start; i <= block.end; i++) drop.add(i);
  }
  return lines.filter((_, i) => !drop.has(i)).join('\n');
}

/**
 * What a learner reads as the lesson: no frontmatter, no model blocks, no fenced code, no HTML comments,
 * and no link targets (only the words of a link), so that `/chapters/load-balancing` in a link is not a
 * mention of load balancing.
 */
export function lessonText(markdown: string): string {
  return withoutModelBlocks(markdown)
    .replace(/^(\s*)(`{3,}|~{3,})[\s\S]*?^\1\2\s*$/gm, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\s(href|src)="[^"]*"/g, '');
}

/** The chapter pages a page links to, by slug (`/chapters/networking`, `/chapters/networking#awsvpc`). */
export function linkedChapters(markdown: string): Set<string> {
  const slugs = new Set<string>();
  for (const match of markdown.matchAll(/(?:\]\(|href=")\/chapters\/([a-z0-9-]+)/g)) slugs.add(match[1]);
  return slugs;
}
