import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { ChalkInstance } from 'chalk';
import { formatMinutes } from '../../../labs/lab-kit/lab-manifest.js';
import {
  backUpWork,
  changedFiles,
  copyStarter,
  labIds,
  nextBackupFolder,
  readManifest,
  readProgress,
  workFolder,
  writeProgress,
} from '../../../labs/lab-kit/node/lab-folders.js';
import { manifestOf, say, shown, shownFolder } from './lab-cli-kit.js';
import { UsageError } from './usage-error.js';

/** `ecs-lab lab list|start|hint|reset`: a learner's own work folders, labs/<id>/work/. */

export function list(labsRoot: string, colours: ChalkInstance): void {
  const manifests = labIds(labsRoot).map((id) => readManifest(labsRoot, id));
  const width = (texts: string[]) => Math.max(...texts.map((t) => t.length));
  const [idWidth, titleWidth] = [width(manifests.map((m) => m.id)), width(manifests.map((m) => m.title))];
  const numberWidth = String(manifests.length).length;
  manifests.forEach((manifest, i) => {
    const time = formatMinutes(manifest.minutes).padEnd(9);
    say(`${String(i + 1).padStart(numberWidth)}. ${colours.bold(manifest.id.padEnd(idWidth))}  ${manifest.title.padEnd(titleWidth)}  ${colours.dim(time)}  ${progressOf(labsRoot, manifest.id, manifest.hints.length, colours)}`);
  });
  say();
  say(colours.dim('`npx ecs-lab lab start <id>` copies a lab\'s starter into labs/<id>/work/; `npx ecs-lab lab check <id>` checks it.'));
}

function progressOf(labsRoot: string, id: string, hintCount: number, colours: ChalkInstance): string {
  const folder = workFolder(labsRoot, id);
  if (!existsSync(folder)) return colours.dim('not started');
  const { hintsShown, lastCheck } = readProgress(folder);
  const hints = hintsShown > 0 ? `, ${hintsShown} of ${hintCount} hints seen` : '';
  if (lastCheck === undefined) return `started, not checked yet${hints}`;
  if (lastCheck.passed === lastCheck.total) return colours.green(`✔ passed${hints}`);
  return `started, ${lastCheck.passed} of ${lastCheck.total} checks passed${hints}`;
}

export function start(labsRoot: string, id: string, colours: ChalkInstance): void {
  const manifest = manifestOf(labsRoot, id);
  const folder = workFolder(labsRoot, id);
  if (existsSync(folder)) {
    say(`${shownFolder(folder)} already exists: your work is kept. \`npx ecs-lab lab reset ${id}\` brings the starter back (and keeps a copy of yours).`);
    return;
  }
  copyStarter(labsRoot, manifest, folder);
  say(colours.bold(manifest.title));
  say(manifest.summary);
  say();
  say(`Edit ${manifest.files.map((f) => shown(join(folder, f))).join(', ')}, then run \`npx ecs-lab lab check ${id}\`.`);
  say(colours.dim(`Instructions: ${shown(join(labsRoot, id, 'README.md'))}`));
}

export function hint(labsRoot: string, id: string, colours: ChalkInstance): void {
  const { hints } = manifestOf(labsRoot, id);
  const folder = workFolder(labsRoot, id);
  const started = existsSync(folder);
  const seen = started ? readProgress(folder).hintsShown : 0;
  if (seen >= hints.length) {
    say(`All ${hints.length} hints, as you have seen them:`);
    hints.forEach((h, i) => say(`${colours.bold(`Hint ${i + 1}:`)} ${h}`));
    return;
  }
  say(`${colours.bold(`Hint ${seen + 1} of ${hints.length}:`)} ${hints[seen]}`);
  if (!started) {
    say(colours.dim(`(\`npx ecs-lab lab start ${id}\` first, and the work folder remembers which hints you have seen.)`));
    return;
  }
  writeProgress(folder, { hintsShown: seen + 1 });
  if (seen + 1 < hints.length) say(colours.dim(`(\`npx ecs-lab lab hint ${id}\` again for the next one.)`));
}

/**
 * Puts the starter back. Work that differs from the starter is never lost: it is copied beside the starter's
 * files first, and only after the learner said yes (at a terminal) or gave --force (anywhere else).
 */
export async function reset(labsRoot: string, id: string, force: boolean): Promise<void> {
  const manifest = manifestOf(labsRoot, id);
  const folder = workFolder(labsRoot, id);
  const changed = existsSync(folder) ? changedFiles(labsRoot, manifest, folder) : [];
  if (changed.length > 0) {
    const mine = changed.map((f) => shown(join(folder, f))).join(', ');
    const backup = nextBackupFolder(folder);
    if (!force) {
      if (!(process.stdin.isTTY && process.stdout.isTTY)) {
        throw new UsageError(`lab reset would replace your work (${mine}) with the starter: run \`npx ecs-lab lab reset ${id} --force\` to do so; a copy of your files is kept in ${shownFolder(backup)}.`);
      }
      if (!(await confirm(`Replace your work (${mine}) with the starter? A copy is kept in ${shownFolder(backup)}. [y/N] `))) {
        say('Nothing changed.');
        return;
      }
    }
    backUpWork(manifest, folder, backup);
    say(`Your version is kept in ${shownFolder(backup)}.`);
  }
  copyStarter(labsRoot, manifest, folder);
  say(`${manifest.files.map((f) => shown(join(folder, f))).join(', ')}: the starter again. Hints you have seen stay seen.`);
}

async function confirm(question: string): Promise<boolean> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^\s*y(es)?\s*$/i.test(await terminal.question(question));
  } finally {
    terminal.close();
  }
}
