import type { HeldPlace, ServerContents } from '../server/regional-simulators.js';
import { plural } from '../run-summary.js';

/**
 * Before `ecs-lab run --endpoint` plays anything. A run resets the server before each scenario, and a reset
 * deletes every account and region: a class's clusters with it. So the run first asks what the server holds,
 * and deletes it only when told to (`--reset`), saying so before it starts.
 */
export type Verdict = { refusal: string } | { notice?: string };

export function resetVerdict(endpoint: string, contents: ServerContents | undefined, reset: boolean): Verdict {
  // An endpoint without ecs-lab's controls (real AWS) is never reset.
  if (contents === undefined) return {};
  const held = describeContents(contents);
  if (reset) {
    const now = contents.empty ? ' It holds nothing now.' : ' What it holds now is deleted:';
    return { notice: [`--reset: ${endpoint} is reset before each scenario (every account and region).${now}`, ...held].join('\n') };
  }
  if (contents.empty) return {};
  return {
    refusal: [
      `${endpoint} holds what a run would delete: a run resets the whole server (every account and region) before each scenario.`,
      ...held,
      'To keep it, run against a server of your own (`npx ecs-lab serve --clock manual --port 4567`, then --endpoint http://127.0.0.1:4567).',
      'To delete all of it, add --reset.',
    ].join('\n'),
  };
}

function describeContents(contents: ServerContents): string[] {
  const place = ({ accountId, accessKeyIds, region, clusters, changes }: HeldPlace) => {
    const keys = accessKeyIds.length === 0 ? '' : ` (${accessKeyIds.length === 1 ? 'key' : 'keys'} ${accessKeyIds.join(', ')})`;
    const made = clusters.length === 0 ? 'no cluster' : `${clusters.length === 1 ? 'cluster' : 'clusters'} ${clusters.join(', ')}`;
    return `  account ${accountId}${keys}, ${region}: ${made}; ${plural(changes, 'change')}`;
  };
  const lines = [
    ...contents.places.map(place),
    ...contents.principals.map(({ accessKeyId, accountId, roleName }) => `  key ${accessKeyId} acts as role ${roleName} of account ${accountId}`),
  ];
  // A class's server holds dozens of accounts: the first ones say enough.
  return lines.length <= MAX_LINES ? lines : [...lines.slice(0, MAX_LINES - 1), `  and ${lines.length - MAX_LINES + 1} more (GET /_sim/contents lists them all)`];
}

const MAX_LINES = 10;
