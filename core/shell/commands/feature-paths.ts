import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from './usage-error.js';

/** A feature file to play, and the lines of the scenarios or example rows to play in it (none: all). */
export interface FeaturePath {
  file: string;
  lines?: number[];
}

/** `path`, or `path:line[:line...]`, as cucumber-js reads its arguments. */
const WITH_LINES = /^(.*?)((?::\d+)+)?$/;

/**
 * The feature files `ecs-lab run` was given, in the order given: a file as it is named, a directory as all the
 * .feature files under it (sorted by path, node_modules left out), `file:line` as that file with only the
 * scenario or example row at that line. A file named twice is played once, with the lines of both.
 */
export function featurePaths(args: readonly string[]): FeaturePath[] {
  const found = new Map<string, FeaturePath>();
  const add = (file: string, lines: number[] | undefined) => {
    const key = resolve(file);
    const known = found.get(key);
    if (!known) found.set(key, { file, ...(lines ? { lines } : {}) });
    else if (known.lines) known.lines = lines ? [...new Set([...known.lines, ...lines])] : undefined;
  };
  for (const arg of args) {
    const [, path, suffix] = WITH_LINES.exec(arg)!;
    const lines = suffix?.slice(1).split(':').map(Number);
    if (!statOf(path).isDirectory()) {
      add(path, lines);
      continue;
    }
    if (lines) throw new UsageError(`${arg}: a line goes with a feature file, and ${path} is a directory.`);
    const files = featuresUnder(path);
    if (files.length === 0) throw new UsageError(`${path} holds no .feature file.`);
    for (const file of files) add(file, undefined);
  }
  return [...found.values()];
}

function statOf(path: string) {
  try {
    return statSync(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function featuresUnder(directory: string): string[] {
  const files = readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : featuresUnder(path);
    return entry.isFile() && entry.name.endsWith('.feature') ? [path] : [];
  });
  // By code unit, not by locale: the same order on every machine.
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
