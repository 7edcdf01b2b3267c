import { EcsError } from '../../core/index.js';
import type { InputProblem, LearnerFiles, SourceLocation } from './check-types.js';
import { fixedFieldHint, invalidJson, missingFile, notAnObject } from './input-problems.js';
import { parseJson, type TextPosition } from './parse-json.js';

/**
 * A learner's file holding one ECS request in JSON, and what to tell them when it is wrong. JSON syntax is
 * checked here; field names and values are checked by the engine itself, which knows ECS's fields and
 * suggests the closest one, so the lab never keeps a second, drifting list of them.
 */
export interface RequestFile {
  file: string;
  request: Record<string, unknown>;
  positions: ReadonlyMap<string, TextPosition>;
}

export function readRequestFile(files: LearnerFiles, file: string): { ok: true; value: RequestFile } | { ok: false; problem: InputProblem } {
  const text = files[file];
  if (text === undefined) return { ok: false, problem: missingFile(file) };
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return { ok: false, problem: invalidJson({ file, line, column }, message) };
  }
  const request = parsed.value;
  if (request === null || typeof request !== 'object' || Array.isArray(request)) return { ok: false, problem: notAnObject(file) };
  return { ok: true, value: { file, request: request as Record<string, unknown>, positions: parsed.positions } };
}

/** Where a field of the request is written; for a field that is not there, its closest written parent. */
export function locateField(source: RequestFile, field: string | undefined): SourceLocation | undefined {
  for (let path = field; path; path = parentPath(path)) {
    const position = source.positions.get(path);
    if (position) return { file: source.file, ...position };
  }
  return undefined;
}

function parentPath(path: string): string | undefined {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut > 0 ? path.slice(0, cut) : undefined;
}

/** An error from calling ECS with the learner's request, worded as the AWS CLI words it. */
export function requestProblem(error: unknown, source: RequestFile, operation: string): InputProblem {
  if (!(error instanceof EcsError)) throw error;
  return {
    message: `An error occurred (${error.name}) when calling the ${operation} operation: ${error.message}`,
    location: locateField(source, error.field),
  };
}

/** A field the lab fixes, set to something else. */
export function fieldProblem(source: RequestFile, field: string, message: string): InputProblem {
  return { message, location: locateField(source, field), hint: fixedFieldHint(field) };
}

export type Sent<T> = { ok: true; value: T; source: RequestFile } | { ok: false; problem: InputProblem };

/**
 * Reads the learner's request from `file` and sends it with `call`: ECS's answer, or what to tell the learner
 * when the JSON is broken or ECS rejects the request.
 */
export function sendRequest<T>(files: LearnerFiles, file: string, operation: string, call: (request: never) => T): Sent<T> {
  const read = readRequestFile(files, file);
  if (!read.ok) return read;
  try {
    return { ok: true, value: call(read.value.request as never), source: read.value };
  } catch (error) {
    return { ok: false, problem: requestProblem(error, read.value, operation) };
  }
}

/**
 * Reads a file holding a list of requests under `listField` ({ "endpoints": [ {...}, {...} ] }) and sends each
 * with `call`, in order: the answers, or what to tell the learner about the first request refused, pointing at
 * the field of that item.
 */
export function sendRequestList<T>(files: LearnerFiles, file: string, listField: string, operation: string, call: (request: never) => T): Sent<T[]> {
  const read = readRequestFile(files, file);
  if (!read.ok) return read;
  const source = read.value;
  const list = source.request[listField];
  if (!Array.isArray(list)) {
    return { ok: false, problem: { message: `${file} must hold a list of ${operation} requests under "${listField}": { "${listField}": [ ... ] }.`, location: locateField(source, listField) } };
  }
  const answers: T[] = [];
  for (const [i, request] of list.entries()) {
    try {
      answers.push(call(request as never));
    } catch (error) {
      if (!(error instanceof EcsError)) throw error;
      const item = `${listField}[${i}]`;
      return { ok: false, problem: requestProblem(new EcsError(error.name, error.message, error.field ? `${item}.${error.field}` : item), source, operation) };
    }
  }
  return { ok: true, value: answers, source };
}
