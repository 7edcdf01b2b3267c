import { EcsError } from '../../core/index.js';
import type { InputProblem, LearnerFiles, SourceLocation } from '../lab-kit/check-types.js';
import { locateField, readRequestFile, requestProblem, type RequestFile } from '../lab-kit/ecs-request.js';
import { APPS } from './situation.js';

/**
 * The capstone's four files, each holding several requests: the task definitions and the services by
 * application (`{ "web": {...}, "orders": {...}, "worker": {...} }`), the scaling requests in two lists, and the
 * UpdateService request of the deployment. ECS and Application Auto Scaling judge the requests themselves;
 * this only checks that each file has the shape the lab reads.
 */
export const FILES = {
  taskDefinitions: 'task-definitions.json',
  services: 'services.json',
  scaling: 'scaling.json',
  deployment: 'deployment.json',
} as const;

export type ShopFiles = Record<keyof typeof FILES, RequestFile>;

/**
 * A result a part can be judged on, or why it cannot: ECS's refusal of the part's own file, or (`waiting`) an
 * earlier part not done yet, with that part's problem when it has one.
 */
export type Judged<T> = { ok: true; value: T } | { ok: false; problem: InputProblem; waiting?: string };

export function readShopFiles(files: LearnerFiles): Judged<ShopFiles> {
  const read = {} as ShopFiles;
  for (const [key, file] of Object.entries(FILES) as Array<[keyof typeof FILES, string]>) {
    const one = readRequestFile(files, file);
    if (!one.ok) return one;
    read[key] = one.value;
  }
  for (const source of [read.taskDefinitions, read.services]) {
    const missing = APPS.find((app) => !isObject(source.request[app]));
    if (missing) return { ok: false, problem: shapeProblem(source, missing, `${source.file} needs one request for each application: { "web": {...}, "orders": {...}, "worker": {...} }; "${missing}" is missing or not an object.`) };
  }
  for (const list of ['scalableTargets', 'scalingPolicies']) {
    if (!Array.isArray(read.scaling.request[list])) {
      return { ok: false, problem: shapeProblem(read.scaling, list, `${FILES.scaling} needs two lists of requests: { "scalableTargets": [ ... ], "scalingPolicies": [ ... ] }; "${list}" is missing or not a list.`) };
    }
  }
  return { ok: true, value: read };
}

const isObject = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);

function shapeProblem(source: RequestFile, field: string, message: string): InputProblem {
  return { message, location: locateField(source, field) ?? { file: source.file, line: 1, column: 1 } };
}

/** The request at `entry` of a file (`web`, `scalableTargets[0]`). */
export function entryOf(source: RequestFile, entry: string): Record<string, unknown> {
  return entry.split(/[.[\]]+/).filter(Boolean).reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], source.request) as Record<string, unknown>;
}

/**
 * Sends the request at `entry` with `call`: the answer, or the refusal worded as the AWS CLI words it, naming
 * the entry and pointing at the refused field inside it.
 */
export function sendEntry<T>(source: RequestFile, entry: string, operation: string, call: (request: never) => T): Judged<T> {
  try {
    return { ok: true, value: call(entryOf(source, entry) as never) };
  } catch (error) {
    if (!(error instanceof EcsError)) throw error;
    const inside = new EcsError(error.name, error.message, error.field ? `${entry}.${error.field}` : entry);
    const problem = requestProblem(inside, source, operation);
    return { ok: false, problem: { ...problem, message: `${source.file}, ${entry}: ${problem.message}` } };
  }
}

/** Where `field` of `entry` is written (or its closest written parent). */
export function locate(source: RequestFile, entry: string, field?: string): SourceLocation | undefined {
  return locateField(source, field ? `${entry}.${field}` : entry);
}

/** A part that needs an earlier one: what it waits for. */
export function waitFor(what: string, earlier: InputProblem = { message: '' }): Judged<never> {
  return { ok: false, waiting: `Not judged until ${what}.`, problem: earlier };
}
