/**
 * Throws the clear message of `ecs-lab run --endpoint` for a URL that cannot be an endpoint. On its own, so that
 * checking the option loads nothing of the remote simulator.
 */
export function parseEndpoint(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username) {
    throw new Error(`${JSON.stringify(value)} is not an endpoint URL: give http(s)://host[:port], e.g. http://127.0.0.1:4566.`);
  }
  return url.href.replace(/\/$/, '');
}
