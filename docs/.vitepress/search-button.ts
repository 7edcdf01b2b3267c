import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const ours = fileURLToPath(new URL('./theme/SearchButton.vue', import.meta.url));

/** VitePress's nav takes its search button from ./theme/SearchButton.vue (which says why) instead of its own. */
export function ownSearchButton(): Plugin {
  return {
    name: 'ecs-lab:search-button',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './VPNavBarSearchButton.vue' && importer?.includes('/vitepress/dist/client/theme-default/')) return ours;
    },
  };
}
