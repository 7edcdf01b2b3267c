import type { Theme } from 'vitepress';
import { onContentUpdated, useRoute } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import { defineAsyncComponent, onMounted, type Component } from 'vue';
import { trackChapterReading } from './chapter-reading.js';
import './accessibility.css';

/**
 * The live parts a page may use as tags, registered globally by file name. Each is an async component, so
 * its code (the player, chart.js, the engine, the quiz data) is fetched only by pages that use it. A glob
 * rather than plain imports: a listed component whose file is not written yet is simply absent instead of
 * breaking the build.
 */
const liveParts = import.meta.glob<{ default: Component }>(
  '../../components/{ScenarioPlayer,LabPanel,QuizBlock,QuizIndex,ExamPrep,ProgressPage}.vue',
);

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    for (const [path, load] of Object.entries(liveParts)) {
      const name = path.slice(path.lastIndexOf('/') + 1, -'.vue'.length);
      app.component(name, defineAsyncComponent(load));
    }
  },
  setup() {
    const route = useRoute();
    let checkReading = () => {};
    onMounted(() => {
      checkReading = trackChapterReading(() => route.path);
      checkReading();
    });
    onContentUpdated(() => {
      checkReading();
      // The default theme's home layout has no <main>: give it one, so its content sits in a landmark.
      document.querySelector('.VPHome')?.setAttribute('role', 'main');
    });
  },
} satisfies Theme;
