// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  LABS_KEY,
  PROGRESS_EVENT,
  markChapterRead,
  markLabPassed,
  markScenarioPlayed,
  markVisited,
  readProgress,
  recordQuizAnswer,
  resetProgress,
} from '../../docs/components/progress-store.js';

beforeEach(() => localStorage.clear());

describe('the progress kept in this browser', () => {
  it('starts empty', () => {
    expect(readProgress()).toEqual({ chaptersRead: {}, scenariosPlayed: {}, quiz: {}, labsPassed: {} });
  });

  it('remembers chapters read, scenarios played, labs passed and quiz answers, across reads', () => {
    markChapterRead('/chapters/rolling-updates');
    markScenarioPlayed('rolling-update', 'The defaults');
    markLabPassed('rolling-update');
    recordQuizAnswer('q-ru-1', true);
    const p = readProgress();
    expect(Object.keys(p.chaptersRead)).toEqual(['/chapters/rolling-updates']);
    expect(Object.keys(p.scenariosPlayed)).toEqual(['rolling-update/The defaults']);
    expect(Object.keys(p.labsPassed)).toEqual(['rolling-update']);
    expect(p.quiz['q-ru-1'].correct).toBe(true);
  });

  it('keeps the first time a chapter was read and the latest answer to a question', () => {
    markChapterRead('/chapters/x');
    const first = readProgress().chaptersRead['/chapters/x'];
    markChapterRead('/chapters/x');
    expect(readProgress().chaptersRead['/chapters/x']).toBe(first);
    recordQuizAnswer('q', false);
    recordQuizAnswer('q', true);
    expect(readProgress().quiz.q.correct).toBe(true);
  });

  it('remembers the chapter or lab opened last, for "continue where you left off", among the other progress', () => {
    markChapterRead('/chapters/spot');
    markVisited('/chapters/spot');
    markVisited('/labs/survive-spot');
    const p = readProgress();
    expect(p.lastVisited).toEqual({ path: '/labs/survive-spot', at: expect.any(String) });
    expect(Object.keys(p.chaptersRead)).toEqual(['/chapters/spot']);
  });

  it('stores labs under ecs-lab:labs in the documented format, for the labs panel', () => {
    markLabPassed('place-tasks');
    expect(JSON.parse(localStorage.getItem(LABS_KEY)!)).toEqual({ version: 1, passed: { 'place-tasks': expect.any(String) } });
  });

  it('announces every change, and forgets everything on reset', () => {
    let announced = 0;
    window.addEventListener(PROGRESS_EVENT, () => announced++);
    markChapterRead('/chapters/x');
    markLabPassed('l');
    resetProgress();
    expect(announced).toBe(3);
    expect(readProgress()).toEqual({ chaptersRead: {}, scenariosPlayed: {}, quiz: {}, labsPassed: {} });
  });

  it('ignores what it cannot read instead of breaking the page', () => {
    localStorage.setItem('ecs-lab:progress', '{not json');
    localStorage.setItem(LABS_KEY, JSON.stringify({ version: 99, passed: { x: 'y' } }));
    expect(readProgress()).toEqual({ chaptersRead: {}, scenariosPlayed: {}, quiz: {}, labsPassed: {} });
    markChapterRead('/chapters/y');
    expect(Object.keys(readProgress().chaptersRead)).toEqual(['/chapters/y']);
  });
});
