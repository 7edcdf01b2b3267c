import { markChapterRead } from '../../components/progress-store.js';
import { normalise } from '../../components/site-pages.js';

/** How close to the end of a chapter's text counts as the end: the last line, give or take. */
const SLACK_PX = 48;

/**
 * A chapter counts as read once its reader has scrolled to the end of its text (a chapter short enough to
 * fit the screen counts at once). Scrolling, not time on the page: a tab left open is not reading.
 * Returns the check, to run again whenever a new page is shown.
 */
export function trackChapterReading(currentPath: () => string): () => void {
  const check = () => {
    const path = normalise(currentPath());
    const text = document.querySelector('.vp-doc');
    if (!path.startsWith('/chapters/') || !text) return;
    if (text.getBoundingClientRect().bottom <= window.innerHeight + SLACK_PX) markChapterRead(path);
  };
  window.addEventListener('scroll', check, { passive: true });
  return check;
}
