import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { ChaosRun } from './chaos-ops.js';
import { runChaos } from './run-chaos.js';

/**
 * Turns the JSON a failing property printed back into a run: `replay(json)` in a test, or from a shell
 * `node --import ./core/node/register-ts-node.js test/properties/replay.ts '<json>'` (or a file holding it).
 */
export function replay(json: string | ChaosRun): ReturnType<typeof runChaos> {
  return runChaos(typeof json === 'string' ? (JSON.parse(json) as ChaosRun) : json);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = process.argv[2];
  if (!arg) {
    console.error('usage: replay.ts \'<the JSON the property printed>\' | <file holding it>');
    process.exit(2);
  }
  const json = arg.trimStart().startsWith('{') ? arg : readFileSync(arg, 'utf8');
  try {
    const { sim } = replay(json);
    console.log(`replayed: every invariant held; ${sim.control.events().length} events, t=${sim.control.now}s`);
  } catch (error) {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    process.exit(1);
  }
}
