import type { DefaultTheme } from 'vitepress';
import { readSection } from './pages.js';

/**
 * The sidebar, built from the files: every `docs/chapters/*.md`, `docs/labs/*.md` and `docs/guide/*.md`,
 * titled and ordered by its frontmatter (`title`, `order`). Adding a page never needs a config edit.
 */
export const SIDEBAR_SECTIONS = [
  { dir: 'chapters', text: 'Chapters' },
  { dir: 'labs', text: 'Labs' },
  { dir: 'guide', text: 'Guides' },
] as const;

export function buildSidebar(docsDir: string): DefaultTheme.SidebarItem[] {
  const groups: DefaultTheme.SidebarItem[] = [];
  for (const section of SIDEBAR_SECTIONS) {
    const pages = readSection(docsDir, section.dir);
    if (pages.length === 0) continue;
    groups.push({ text: section.text, items: pages.map((page) => ({ text: page.title, link: page.link })) });
  }
  // The glossary sits with the chapters it serves: every chapter links its words there on first use.
  const glossary: DefaultTheme.SidebarItem = { text: 'Glossary', link: '/glossary' };
  const chapters = groups.findIndex((group) => group.text === 'Chapters');
  groups.splice(chapters + 1, 0, glossary);
  return [{ text: 'Home', link: '/' }, ...groups, { text: 'Coverage', link: '/coverage' }];
}

/** Whether a changed file is one of the sidebar's pages (so the dev server must rebuild the sidebar). */
export function isSidebarPage(docsDir: string, file: string): boolean {
  const normalised = file.replace(/\\/g, '/');
  const root = docsDir.replace(/\\/g, '/').replace(/\/$/, '');
  return SIDEBAR_SECTIONS.some((section) => new RegExp(`^${escape(root)}/${section.dir}/[^/]+\\.md$`).test(normalised));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
