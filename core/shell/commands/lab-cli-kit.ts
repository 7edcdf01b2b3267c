import { isAbsolute, relative } from 'node:path';
import chalk, { Chalk, type ChalkInstance } from 'chalk';
import type { LabManifest } from '../../../labs/lab-kit/lab-manifest.js';
import { labIds, readManifest } from '../../../labs/lab-kit/node/lab-folders.js';
import { UsageError } from './usage-error.js';

/** What the `ecs-lab lab` subcommands share: how they name paths, print, and find a lab. */

/** A path as the user would type it here: relative below the current folder, absolute elsewhere. */
export function shown(path: string): string {
  const below = relative(process.cwd(), path);
  if (below === '') return '.';
  return below.startsWith('..') || isAbsolute(below) ? path : below;
}
export const shownFolder = (path: string) => `${shown(path)}/`;
export const say = (line = '') => process.stdout.write(`${line}\n`);
/** On stderr: a report on stdout (JUnit, JSON, CSV) stays what it says it is. */
export const warn = (line: string, colours: ChalkInstance) => process.stderr.write(`${colours.yellow(`warning: ${line}`)}\n`);

/** chalk, or plain text for --no-color (chalk reads the flag from the command line, not from a test's call). */
export const coloursFor = (color: boolean): ChalkInstance => (color ? chalk : new Chalk({ level: 0 }));

/** `lab check --reporter`: pretty for people, JUnit XML and JSON for CI and scripts. */
export const REPORTERS = ['pretty', 'junit', 'json'] as const;

export function manifestOf(labsRoot: string, id: string): LabManifest {
  const ids = labIds(labsRoot);
  if (!ids.includes(id)) throw new UsageError(`there is no lab "${id}"; the labs are: ${ids.join(', ')}.`);
  return readManifest(labsRoot, id);
}
