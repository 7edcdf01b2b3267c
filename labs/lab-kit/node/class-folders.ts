import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { closest } from '../../../core/kernel/fields.js';

/**
 * A class's folders as an instructor collects them: a class folder holds one folder per student, named after
 * them; a student's folder holds one folder per lab, named as the lab, or is the student's clone of this
 * repository (GitHub Classroom), their work in labs/<lab>/work/. What does not fit is said, with the folder
 * the checks looked for, because a misnamed folder would otherwise read as work never submitted.
 */

export function subFolders(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

/** A student's clone of the repository: its labs/ holds the labs themselves. */
const isClone = (folder: string, ids: readonly string[]) => ids.some((id) => existsSync(join(folder, 'labs', id, 'lab.json')));

/** Where a student's work on lab `id` is: `<student>/<id>/`, or in their clone of the repository, `<student>/labs/<id>/work/`. */
export function studentLabFolder(folder: string, id: string): string {
  const inClone = join(folder, 'labs', id, 'work');
  return !existsSync(join(folder, id)) && existsSync(inClone) ? inClone : join(folder, id);
}

/** The labs among `ids` that `folder` has work for. */
export function labFoldersIn(folder: string, ids: readonly string[]): string[] {
  return ids.filter((id) => existsSync(studentLabFolder(folder, id)));
}

/**
 * Warnings about a student's folder: each sub-folder that matches no lab (naming the folder a lab looks for),
 * one that holds labs itself (--dir one level too high), and a folder with no lab folder at all.
 */
export function studentFolderWarnings(folder: string, ids: readonly string[], shown: (path: string) => string): string[] {
  if (isClone(folder, ids)) {
    if (labFoldersIn(folder, ids).length > 0) return [];
    return [`${shown(folder)}/ is a clone of ecs-lab with no lab started: the checks looked for ${shown(join(folder, 'labs', ids[0], 'work'))}/ ... (\`npx ecs-lab lab start <lab>\` makes them).`];
  }
  const strays = subFolders(folder).filter((name) => !ids.includes(name));
  const warnings = strays.map((name) => {
    const path = join(folder, name);
    const inside = labFoldersIn(path, ids);
    if (inside.length > 0) {
      return `${shown(path)}/ is not a lab's folder but holds labs (${inside.join(', ')}): is --dir one level too high? Check one student with \`npx ecs-lab lab check --all --dir ${shown(path)}\`, a whole class with \`npx ecs-lab lab grade --dir ${shown(folder)}\`.`;
    }
    const near = closest(name, ids);
    if (near !== undefined) return `${shown(path)}/ matches no lab and was not checked; the lab ${near} looks for ${shown(join(folder, near))}/.`;
    return `${shown(path)}/ matches no lab and was not checked; each lab looks for a folder named as the lab, as ${shown(join(folder, ids[0]))}/.`;
  });
  if (labFoldersIn(folder, ids).length === 0 && strays.length === 0) {
    warnings.push(`${shown(folder)}/ holds no lab folder: the checks looked for ${ids.slice(0, 2).map((id) => `${shown(join(folder, id))}/`).join(', ')} ... (one folder per lab, named as the lab).`);
  }
  return warnings;
}
