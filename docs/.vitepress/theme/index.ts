import type { Theme } from 'vitepress';
import { onContentUpdated, useRoute } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import { defineAsyncComponent, onMounted, type Component } from 'vue';
import { markVisited } from '../../components/progress-store.js';
import { normalise } from '../../components/site-pages.js';
import { trackChapterReading } from './chapter-reading.js';
import { showSidebarProgress } from './sidebar-progress.js';
import './accessibility.css';
import './progress-marks.css';

/**
 * The live parts a page may use as tags, registered globally by file name. Each is an async component, so
 * its code (the player, chart.js, the engine, the quiz data) is fetched only by pages that use it. A glob
 * rather than plain imports: a listed component whose file is not written yet is simply absent instead of
 * breaking the build.
 */
const liveParts = import.meta.glob<{ default: Component }>(
  '../../components/{ScenarioPlayer,LabPanel,QuizBlock,QuizIndex,ExamPrep,ProgressPage,ChapterPractice,ContinueLearning}.vue',
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
    let markSidebar = () => {};
    // A chapter or lab opened is where "continue where you left off" takes the learner back to.
    const noteVisit = () => {
      const path = normalise(route.path);
      if (/^\/(chapters|labs)\/./.test(path)) markVisited(path);
    };
    onMounted(() => {
      checkReading = trackChapterReading(() => route.path);
      checkReading();
      markSidebar = showSidebarProgress();
      noteVisit();
    });
    onContentUpdated(() => {
      checkReading();
      markSidebar();
      noteVisit();
      // The default theme's home layout has no <main>: give it one, so its content sits in a landmark.
      document.querySelector('.VPHome')?.setAttribute('role', 'main');
    });
  },
} satisfies Theme;
