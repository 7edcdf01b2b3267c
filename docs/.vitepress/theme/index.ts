import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import { defineAsyncComponent, type Component } from 'vue';

/**
 * The live parts a page may use as tags, registered globally by file name. Each is an async component, so
 * its code (the player, chart.js, the engine) is fetched only by pages that use it. A glob rather than
 * plain imports: a listed component whose file is not written yet is simply absent instead of breaking
 * the build.
 */
const liveParts = import.meta.glob<{ default: Component }>('../../components/{ScenarioPlayer,LabPanel}.vue');

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    for (const [path, load] of Object.entries(liveParts)) {
      const name = path.slice(path.lastIndexOf('/') + 1, -'.vue'.length);
      app.component(name, defineAsyncComponent(load));
    }
  },
} satisfies Theme;
