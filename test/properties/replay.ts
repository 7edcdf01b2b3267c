import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { ChaosRun } from './chaos-ops.js';
import { allProperties } from './properties.js';

/**
 * Turns what a failing property printed back into a run: `replay(name, json)` in a test, or from a shell
 * `node --import ./core/shell/register-ts-node.js test/properties/replay.ts '<property name>' '<json>'`
 * (the JSON may also be a file holding it). Throws the broken invariant, as the property did.
 */
export function replay(propertyName: string, json: string | ChaosRun): void {
  const property = allProperties.find((p) => p.name === propertyName);
  if (!property) throw new Error(`No property "${propertyName}"; known: ${allProperties.map((p) => p.name).join(', ')}`);
  property.check(typeof json === 'string' ? (JSON.parse(json) as ChaosRun) : json);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [name, arg] = process.argv.slice(2);
  if (!name || !arg) {
    console.error("usage: replay.ts '<property name>' '<the JSON the property printed>' | <file holding it>");
    process.exit(2);
  }
  try {
    replay(name, arg.trimStart().startsWith('{') ? arg : readFileSync(arg, 'utf8'));
    console.log(`${name}: the run replayed and every invariant held.`);
  } catch (error) {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    process.exit(1);
  }
}
