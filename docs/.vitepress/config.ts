import { utimesSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type DefaultTheme } from 'vitepress';
import type { Plugin } from 'vite';
import { buildSidebar, isSidebarPage } from './data/sidebar.js';
import { labTypeSources } from './lab-type-sources.js';
import { typescriptAsAsset } from './typescript-asset.js';
import { practiceAtChapterEnd } from './practice-at-chapter-end.js';
import { PREBUNDLED_PACKAGES } from './prebundled-packages.js';
import { ownSearchButton } from './search-button.js';

const docsDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const configFile = fileURLToPath(import.meta.url);
const sidebar = buildSidebar(docsDir);

export default defineConfig({
  title: 'ecs-lab',
  // The high-contrast GitHub themes keep every token at 4.5:1 on the code background (axe color-contrast).
  markdown: { theme: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, config: practiceAtChapterEnd },
  description:
    'Learn Amazon ECS without an AWS account: a deterministic ECS simulator, scenarios you can play, and graded labs.',
  lastUpdated: false,
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
  // The light/dark toggle in the nav; the first visit follows the reader's system setting.
  appearance: true,
  vite: {
    // Pre-bundled when the dev server starts (see prebundled-packages.ts).
    optimizeDeps: { include: PREBUNDLED_PACKAGES },
    plugins: [rebuildSidebarOnPageChange(), labTypeSources(repoRoot), ownSearchButton()],
    // Browsers from 2022 on: the check worker awaits TypeScript at its top level (typescript-asset.ts).
    build: { target: 'es2022' },
    // Web workers (the labs' in-page checker) are ES modules: the default 'iife' format cannot code-split. The
    // worker needs the type sources too, and takes TypeScript from a file of its own.
    worker: { format: 'es', plugins: () => [labTypeSources(repoRoot), typescriptAsAsset()] },
  },
  themeConfig: {
    logo: '/favicon.svg',
    nav: [
      { text: 'Chapters', link: firstLink(sidebar, 'Chapters') ?? '/' },
      { text: 'Labs', link: firstLink(sidebar, 'Labs') ?? '/' },
      { text: 'Quizzes', link: '/quizzes' },
      { text: 'Exam prep', link: '/exam-prep' },
      { text: 'My progress', link: '/progress' },
      // For instructors, not learners: the class guide and the coverage matrix.
      {
        text: 'Instructors',
        items: [
          { text: 'Instructor guide', link: '/instructors/guide' },
          { text: 'Coverage', link: '/coverage' },
        ],
      },
    ],
    sidebar,
    search: { provider: 'local' },
    outline: { level: [2, 3] },
  },
});

function firstLink(items: DefaultTheme.SidebarItem[], group: string): string | undefined {
  return items.find((item) => item.text === group)?.items?.[0]?.link;
}

/**
 * The sidebar is computed once, when VitePress loads this file. In `vitepress dev`, a page added, removed,
 * retitled or reordered under chapters/, labs/ or guide/ changes it, so touch this file: VitePress then
 * reloads its config and the sidebar is rebuilt. The build always reads the files afresh.
 */
function rebuildSidebarOnPageChange(): Plugin {
  const current = JSON.stringify(sidebar);
  const reloadIfChanged = (file: string) => {
    if (!isSidebarPage(docsDir, file)) return;
    if (JSON.stringify(buildSidebar(docsDir)) === current) return;
    const now = new Date();
    utimesSync(configFile, now, now);
  };
  return {
    name: 'ecs-lab:sidebar-from-files',
    apply: 'serve',
    configureServer(server) {
      server.watcher.on('add', reloadIfChanged).on('unlink', reloadIfChanged).on('change', reloadIfChanged);
    },
  };
}
