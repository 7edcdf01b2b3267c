import type { InputProblem } from '../lab-kit/check-types.js';

/**
 * The ECS agent's /etc/ecs/ecs.config as a learner writes it: KEY=value lines, # comments. The real agent
 * ignores a key it does not know, which hides typos; the lab names them instead, with the closest known key.
 */
export type AgentConfig = ReadonlyMap<string, string>;

/** Agent settings the lab recognises: a few common ones, so that a learner's realistic file is accepted. */
const KNOWN_KEYS = [
  'ECS_CLUSTER',
  'ECS_ENABLE_SPOT_INSTANCE_DRAINING',
  'ECS_ENABLE_TASK_IAM_ROLE',
  'ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST',
  'ECS_CONTAINER_STOP_TIMEOUT',
  'ECS_ENABLE_CONTAINER_METADATA',
  'ECS_IMAGE_PULL_BEHAVIOR',
  'ECS_LOGLEVEL',
  'ECS_AVAILABLE_LOGGING_DRIVERS',
  'ECS_RESERVED_MEMORY',
  'ECS_INSTANCE_ATTRIBUTES',
  'ECS_ENABLE_TASK_ENI',
  'ECS_WARM_POOLS_CHECK',
];

export function parseAgentConfig(text: string, file: string): { ok: true; value: AgentConfig } | { ok: false; problem: InputProblem } {
  const settings = new Map<string, string>();
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const at = { file, line: index + 1, column: raw.indexOf(line[0]) + 1 };
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (!match) return { ok: false, problem: { message: `Expected KEY=value, as in ECS_CLUSTER=default (no spaces around =, no colon): "${line}".`, location: at } };
    const [, key, value] = match;
    if (!KNOWN_KEYS.includes(key)) {
      return { ok: false, problem: { message: `${key} is not an agent setting (the agent would silently ignore it); did you mean ${closest(key)}?`, location: at } };
    }
    settings.set(key, value);
  }
  return { ok: true, value: settings };
}

/** The known key sharing the longest common prefix and suffix with `key`: typos keep most of both. */
function closest(key: string): string {
  const shared = (a: string, b: string) => {
    let prefix = 0;
    while (prefix < Math.min(a.length, b.length) && a[prefix] === b[prefix]) prefix++;
    let suffix = 0;
    while (suffix < Math.min(a.length, b.length) - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
    return prefix + suffix;
  };
  return KNOWN_KEYS.reduce((best, known) => (shared(key, known) > shared(key, best) ? known : best));
}
