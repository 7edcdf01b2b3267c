/**
 * What a player's link holds: enough to run the same feature, scenario, Examples values and seed again,
 * which (the engine being deterministic) reproduces the run event for event. Kept in the query string, so
 * a chapter's `#anchor` links still work beside it.
 */
export interface PlayerLink {
  feature: string;
  /** The scenario's name: sturdier than its position when scenarios are added to the file. */
  scenario: string;
  seed: number;
  values: Record<string, string>;
  /** Which of the scenarios with that name (1-based): a Scenario Outline's examples share their scenario's name. */
  example?: number;
}

const VALUE_PREFIX = 'v.';

/** The query string (with its "?") for a link. */
export function encodePlayerLink(link: PlayerLink): string {
  const query = new URLSearchParams({ play: link.feature, scenario: link.scenario, seed: String(link.seed) });
  if (link.example !== undefined) query.set('example', String(link.example));
  for (const [name, value] of Object.entries(link.values)) query.set(`${VALUE_PREFIX}${name}`, value);
  return `?${query}`;
}

/** The link in a query string, or undefined when it holds none (or a seed that is not a whole number). */
export function decodePlayerLink(search: string): PlayerLink | undefined {
  const query = new URLSearchParams(search);
  const feature = query.get('play');
  const seed = Number(query.get('seed') ?? 1);
  if (!feature || !Number.isSafeInteger(seed)) return undefined;
  const values: Record<string, string> = {};
  for (const [key, value] of query) if (key.startsWith(VALUE_PREFIX)) values[key.slice(VALUE_PREFIX.length)] = value;
  const example = Number(query.get('example'));
  return { feature, scenario: query.get('scenario') ?? '', seed, values, ...(Number.isSafeInteger(example) && example > 0 ? { example } : {}) };
}

/** The page's address with its query replaced by the link: what "Copy link" copies. */
export function playerLinkUrl(pageUrl: string, link: PlayerLink): string {
  const url = new URL(pageUrl);
  url.search = encodePlayerLink(link);
  url.hash = '';
  return url.href;
}
