import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { runLab } from '../../../labs/lab-kit/node/check-lab-folder.js';
import { labFoldersIn, studentFolderWarnings, studentLabFolder, subFolders } from '../../../labs/lab-kit/node/class-folders.js';
import { labIds, readManifest } from '../../../labs/lab-kit/node/lab-folders.js';
import { gradebook, type GradebookFormat, type StudentRuns } from '../../../labs/lab-kit/reporters/gradebook.js';
import { labCheckThread } from './lab-check-thread.js';
import { say, shown, shownFolder, warn } from './lab-cli-kit.js';
import { UsageError } from './usage-error.js';

export interface GradeOptions {
  dir: string;
  out?: string;
  format?: GradebookFormat;
  budgetMs?: number;
}

/**
 * `ecs-lab lab grade --dir <class>`: every lab of every student of a class folder (one folder per student, one
 * folder per lab in it), as a gradebook. Exit code 0 once the gradebook is written, whatever the grades.
 */
export async function grade(labsRoot: string, options: GradeOptions, colours: ChalkInstance): Promise<void> {
  const { dir } = options;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--dir ${dir}: there is no such folder.`);
  const ids = labIds(labsRoot);
  const labsHere = labFoldersIn(dir, ids);
  if (labsHere.length > 0) {
    throw new UsageError(`${shownFolder(dir)} is one student's folder (it holds ${labsHere.map((id) => `${id}/`).join(', ')}): give the class folder, which holds one folder per student, or check this student with \`npx ecs-lab lab check --all --dir ${shown(dir)}\`.`);
  }
  const names = subFolders(dir);
  if (names.length === 0) throw new UsageError(`${shownFolder(dir)} holds no student's folder: a class folder holds one folder per student, each with one folder per lab.`);
  const format = options.format ?? (options.out?.endsWith('.md') ? 'markdown' : 'csv');

  const thread = labCheckThread(labsRoot);
  const students: StudentRuns[] = [];
  try {
    for (const [i, student] of names.entries()) {
      process.stderr.write(colours.dim(`grading ${student} (${i + 1} of ${names.length})\n`));
      const folder = join(dir, student);
      for (const warning of studentFolderWarnings(folder, ids, shown)) warn(warning, colours);
      const runs = [];
      for (const id of ids) {
        const labFolder = studentLabFolder(folder, id);
        runs.push(await runLab(thread, labsRoot, id, labFolder, { shownFolder: shownFolder(labFolder), student, budgetMs: options.budgetMs }));
      }
      students.push({ student, runs });
    }
  } finally {
    thread.close();
  }

  const text = gradebook(students, ids.map((id) => readManifest(labsRoot, id)), format);
  if (options.out === undefined) {
    process.stdout.write(text);
    return;
  }
  writeFileSync(options.out, text);
  say(`Wrote ${shown(options.out)}: ${students.length} students, ${ids.length} labs (${format}).`);
}
