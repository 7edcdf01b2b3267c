import type { MarkdownRenderer } from 'vitepress';

/** "chapters/rolling-updates.md" → "/chapters/rolling-updates"; anything else is not a chapter. */
export function chapterLink(relativePath: string): string | undefined {
  const match = /^chapters\/([a-z0-9-]+)\.md$/.exec(relativePath.replace(/\\/g, '/'));
  return match ? `/chapters/${match[1]}` : undefined;
}

/**
 * Ends every chapter with its Practice block (docs/components/ChapterPractice.vue), fed by the chapter's link:
 * no chapter has to remember to add it, and none can add it twice.
 */
export function practiceAtChapterEnd(md: MarkdownRenderer): void {
  md.core.ruler.push('ecs-lab-chapter-practice', (state) => {
    const chapter = chapterLink((state.env as { relativePath?: string }).relativePath ?? '');
    if (!chapter) return;
    const block = new state.Token('html_block', '', 0);
    block.content = `<ChapterPractice chapter="${chapter}" />\n`;
    state.tokens.push(block);
  });
}
