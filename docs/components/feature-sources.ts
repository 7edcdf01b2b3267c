/**
 * The scenario files the tests run, loaded as text on demand: a page fetches only the feature it plays,
 * and the docs can never show a different scenario from the one the test suite checks.
 */
const sources = import.meta.glob<string>('../../scenarios/features/*.feature', { query: '?raw', import: 'default' });

function featureNames(): string[] {
  return Object.keys(sources).map((path) => path.slice(path.lastIndexOf('/') + 1, -'.feature'.length));
}

export async function loadFeatureSource(name: string): Promise<string> {
  const load = sources[`../../scenarios/features/${name}.feature`];
  if (!load) throw new Error(`There is no scenario file scenarios/features/${name}.feature (found: ${featureNames().join(', ') || 'none'}).`);
  return load();
}
