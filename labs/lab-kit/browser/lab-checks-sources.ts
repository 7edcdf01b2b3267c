/// <reference types="vite/client" />
import type { LabChecks } from '../check-types.js';

/**
 * The labs' checks as the check worker gets them from Vite, each loaded on its lab's first Check. Only the
 * worker imports this: the checks bring the engine, and a TypeScript lab's the compiler, which the page itself
 * never needs (and the site's build then bundles them once, for the worker).
 */
const checkModules = import.meta.glob<{ default: LabChecks }>('../../*/checks.ts');

export async function loadLabChecks(id: string): Promise<LabChecks> {
  const load = checkModules[`../../${id}/checks.ts`];
  if (!load) throw new Error(`There is no labs/${id}/checks.ts in this site.`);
  return (await load()).default;
}
