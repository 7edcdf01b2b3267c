import { fileURLToPath } from 'node:url';
import { defineLoader } from 'vitepress';
import { readSection, type PageInfo } from './pages.js';

/** The chapters in learning order (frontmatter `order`), for the home page's learning path. */
declare const data: PageInfo[];
export { data };

const docsDir = fileURLToPath(new URL('../../', import.meta.url));

export default defineLoader({
  watch: ['../../chapters/*.md'],
  load(): PageInfo[] {
    return readSection(docsDir, 'chapters');
  },
});
