import { createTypeChecker, type LearnerTypeChecker } from '../type-check.js';

/**
 * In the page the types come with the site: TypeScript's libs and core's declarations, emitted when the site is
 * built (docs/.vitepress/lab-type-sources.ts), fetched by the checks' worker only for a TypeScript lab.
 */
export async function browserTypeChecker(): Promise<LearnerTypeChecker> {
  const { files, root, libDir } = await import('virtual:ecs-lab/type-sources');
  return createTypeChecker({ root, libDir, read: (path) => files[path] });
}
