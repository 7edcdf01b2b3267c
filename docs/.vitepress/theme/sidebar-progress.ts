import { MARK_WORDS, progressMarks, type Mark } from '../../components/progress-marks.js';
import { PROGRESS_EVENT, readProgress } from '../../components/progress-store.js';
import { normalise } from '../../components/site-pages.js';
import { data as practice } from '../data/practice.data.js';

/**
 * Progress marks beside the sidebar's links: "read", "quiz" and "lab" on a chapter, "passed" on a lab, from
 * this browser's progress (progress-store.ts). The sidebar is the default theme's, so the marks are added to
 * its links once it is drawn, and redrawn whenever progress changes (here or in another tab).
 */
const LABEL: Record<Mark, string> = { read: 'read', quiz: 'quiz', lab: 'lab' };

function markLinks(): void {
  const marks = progressMarks(readProgress(), practice.chapters);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.VPSidebar a.VPLink[href]')) {
    const earned = marks.get(normalise(new URL(link.href).pathname)) ?? [];
    const shown = link.querySelector<HTMLElement>(':scope > .progress-marks');
    if ((shown?.dataset.marks ?? '') === earned.join(' ')) continue;
    shown?.remove();
    if (earned.length > 0) link.append(marksElement(earned, link.pathname.startsWith('/labs/')));
  }
}

function marksElement(earned: Mark[], lab: boolean): HTMLElement {
  const holder = document.createElement('span');
  holder.className = 'progress-marks';
  holder.dataset.marks = earned.join(' ');
  holder.dataset.testid = 'sidebar-progress';
  for (const mark of earned) {
    const badge = document.createElement('span');
    badge.className = `progress-mark ${mark}`;
    badge.title = MARK_WORDS[mark];
    badge.setAttribute('aria-hidden', 'true');
    badge.textContent = lab ? 'passed' : LABEL[mark];
    holder.append(badge);
  }
  const words = document.createElement('span');
  words.className = 'visually-hidden';
  words.textContent = ` (${earned.map((m) => MARK_WORDS[m]).join(', ')})`;
  holder.append(words);
  return holder;
}

/** Starts marking the sidebar; returns the function to call again once a new page has been drawn. */
export function showSidebarProgress(): () => void {
  window.addEventListener(PROGRESS_EVENT, markLinks);
  // Another tab of the site may record progress too.
  window.addEventListener('storage', markLinks);
  markLinks();
  return markLinks;
}
