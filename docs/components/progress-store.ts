/**
 * A learner's progress, kept in this browser's localStorage (no account). Two keys:
 *
 * - `ecs-lab:progress`: `{ version: 1, chaptersRead: { [path]: iso }, scenariosPlayed: { ["feature/scenario"]: iso },
 *   quiz: { [questionId]: { correct: boolean, at: iso } }, lastVisited?: { path, at: iso } }` (the latest answer to a
 *   question counts; lastVisited is the chapter or lab page opened last, for "continue where you left off");
 * - `ecs-lab:labs`: `{ version: 1, passed: { [labId]: iso } }`, written by the labs panel through `markLabPassed`.
 *
 * Every change is announced with a `ecs-lab:progress` window event, so an open "My progress" page updates.
 */
export interface QuizRecord {
  correct: boolean;
  at: string;
}

export interface Visit {
  path: string;
  at: string;
}

export interface Progress {
  chaptersRead: Record<string, string>;
  scenariosPlayed: Record<string, string>;
  quiz: Record<string, QuizRecord>;
  labsPassed: Record<string, string>;
  lastVisited?: Visit;
}

export const PROGRESS_KEY = 'ecs-lab:progress';
export const LABS_KEY = 'ecs-lab:labs';
export const PROGRESS_EVENT = 'ecs-lab:progress';

type Stored = Omit<Progress, 'labsPassed'>;

/** localStorage, or nothing where there is none (server-side rendering) or it is refused (some private modes). */
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** A stored object, or `{}` when it is missing, unreadable or from another version. */
function read(key: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(key) ?? '{}');
    return parsed && typeof parsed === 'object' && (parsed as { version?: unknown }).version === 1 ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const record = <T>(value: unknown): Record<string, T> => (value && typeof value === 'object' ? (value as Record<string, T>) : {});

export function readProgress(): Progress {
  const stored = read(PROGRESS_KEY);
  const visit = stored.lastVisited as Partial<Visit> | undefined;
  return {
    chaptersRead: record(stored.chaptersRead),
    scenariosPlayed: record(stored.scenariosPlayed),
    quiz: record(stored.quiz),
    labsPassed: record(read(LABS_KEY).passed),
    ...(typeof visit?.path === 'string' && typeof visit.at === 'string' ? { lastVisited: { path: visit.path, at: visit.at } } : {}),
  };
}

function write(key: string, value: object): void {
  try {
    storage()?.setItem(key, JSON.stringify({ version: 1, ...value }));
  } catch {
    // Storage full or refused: progress is a convenience, the page works without it.
  }
  globalThis.dispatchEvent?.(new Event(PROGRESS_EVENT));
}

function update(change: (stored: Stored) => void): void {
  const { labsPassed: _labs, ...stored } = readProgress();
  change(stored);
  write(PROGRESS_KEY, stored);
}

const now = () => new Date().toISOString();

/** `path` as the site links it, e.g. "/chapters/rolling-updates". The first time counts. */
export function markChapterRead(path: string): void {
  if (readProgress().chaptersRead[path]) return;
  update((p) => (p.chaptersRead[path] = now()));
}

/** A chapter or lab page the learner opened (as the site links it): the home page offers to continue there. */
export function markVisited(path: string): void {
  if (readProgress().lastVisited?.path === path) return;
  update((p) => (p.lastVisited = { path, at: now() }));
}

export const scenarioKey = (feature: string, scenario: string) => `${feature}/${scenario}`;

export function markScenarioPlayed(feature: string, scenario: string): void {
  if (readProgress().scenariosPlayed[scenarioKey(feature, scenario)]) return;
  update((p) => (p.scenariosPlayed[scenarioKey(feature, scenario)] = now()));
}

export function recordQuizAnswer(questionId: string, correct: boolean): void {
  update((p) => (p.quiz[questionId] = { correct, at: now() }));
}

/** For the labs panel: `labId` is the lab's folder name, e.g. "rolling-update". */
export function markLabPassed(labId: string): void {
  const passed = readProgress().labsPassed;
  if (passed[labId]) return;
  write(LABS_KEY, { passed: { ...passed, [labId]: now() } });
}

export function resetProgress(): void {
  for (const key of [PROGRESS_KEY, LABS_KEY]) {
    try {
      storage()?.removeItem(key);
    } catch {
      // see write()
    }
  }
  globalThis.dispatchEvent?.(new Event(PROGRESS_EVENT));
}
