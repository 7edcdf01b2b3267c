/** core's public API as declaration files emitted without a type check, by path from the repository's root ("core/index.d.ts"). */
export function coreDeclarations(repoRoot: string): Record<string, string>;
