import type { LearnerTypeChecker } from './type-check.js';

// The checker in use, apart from the checker itself (type-check.ts): the checks of a lab without TypeScript files
// never load TypeScript (9 MB for Node to compile, 3.5 MB for the page to fetch); the environment loads it for a
// request that has one (hasTypeScript).

/** Set by the page's worker or the CLI's check thread; none: only syntax is checked. */
let current: LearnerTypeChecker | undefined;

export function useTypeChecker(checker: LearnerTypeChecker | undefined): void {
  current = checker;
}

export const typeChecker = (): LearnerTypeChecker | undefined => current;

const isTypeScript = (file: string) => /\.[cm]?ts$/.test(file);

/** Whether the learner's files include TypeScript, which the checker types. */
export const hasTypeScript = (files: Readonly<Record<string, string>>): boolean => Object.keys(files).some(isTypeScript);

/**
 * Type-checks the learner's TypeScript files once, so that the checks after it find the program built: in the
 * CLI this runs before the time budget starts, which is for the learner's code, not for the compiler's work.
 */
export function primeTypeChecker(lab: string, files: Readonly<Record<string, string>>): void {
  for (const [file, text] of Object.entries(files)) if (isTypeScript(file)) current?.firstError(lab, file, text);
}
