import { defineConfig } from 'vitepress';

export default defineConfig({
  title: 'ecs-lab',
  description:
    'Learn Amazon ECS without an AWS account: a deterministic ECS simulator, scenarios you can play, and graded labs.',
  lastUpdated: false,
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
  // The light/dark toggle in the nav; the first visit follows the reader's system setting.
  appearance: true,
  vite: {
    // Pre-bundle what the live components import (chart.js, the runner's Gherkin parser) when the dev server
    // starts, instead of on the first visit to a chapter, which would reload the page twice.
    optimizeDeps: { entries: ['components/*.vue'] },
  },
  themeConfig: {
    logo: '/favicon.svg',
    nav: [
      { text: 'Rolling updates', link: '/chapters/rolling-updates' },
      { text: 'Labs', link: '/labs/rolling-update' },
    ],
    sidebar: [
      { text: 'Home', link: '/' },
      { text: 'Chapters', items: [{ text: 'Rolling updates', link: '/chapters/rolling-updates' }] },
      { text: 'Labs', items: [{ text: 'Lab: rolling update', link: '/labs/rolling-update' }] },
    ],
    search: { provider: 'local' },
    outline: { level: [2, 3] },
  },
});
