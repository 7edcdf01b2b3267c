// The types of compiled-build.js, for the TypeScript that asks whether the build is fresh.
export const ROOT: string;
export const BUILD: string;
export const MANIFEST: string;
export function stamp(source: string): string;
export function freshBuild(folder?: string): string | undefined;
