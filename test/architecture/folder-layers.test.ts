import { describe, expect, it } from 'vitest';
import { describeEdge, folderCycles, importEdges, siblingFolderEdges } from './import-graph.js';

const CORE = new URL('../../core/', import.meta.url).pathname;

/**
 * The engine's top-level folders, bottom to top (README "Folders", docs/guide/architecture.md). A folder may
 * import folders of lower layers only; folders of one layer do not import each other.
 */
const LAYERS: readonly string[][] = [
  ['kernel'],
  ['iam', 'cloudwatch', 'vpc'],
  ['elb', 'cloud-map', 'sqs', 'efs'],
  ['ecs'],
  ['code-deploy', 'cost', 'eventbridge', 'application-auto-scaling', 'workload'],
  ['express-mode'],
  ['sim'],
  ['index.ts'],
  ['shell'],
];
const layerOf = (path: string) => LAYERS.findIndex((layer) => layer.includes(path.split('/')[0]));

describe('the engine imports only go down', () => {
  const edges = importEdges(CORE);

  const inside = edges.filter((e) => !e.to.startsWith('../'));

  it('reads the engine and knows the layer of every top-level folder', () => {
    expect(edges.length).toBeGreaterThan(500);
    const unplaced = [...new Set(inside.flatMap((e) => [e.from, e.to]).map((p) => p.split('/')[0]))].filter((f) => layerOf(f) < 0);
    expect(unplaced, 'top-level folders missing from LAYERS').toEqual([]);
  });

  it('only the Node shell imports from outside core/ (the labs and scenarios it runs)', () => {
    const outward = edges.filter((e) => e.to.startsWith('../') && !e.from.startsWith('shell/')).map(describeEdge);
    expect(outward).toEqual([]);
  });

  it('no folder imports one of its own layer or above', () => {
    const upward = inside
      .filter((e) => e.from.split('/')[0] !== e.to.split('/')[0] && layerOf(e.to) >= layerOf(e.from))
      .map(describeEdge);
    expect(upward).toEqual([]);
  });

  it('no folder, at any depth, is part of an import cycle with its siblings', () => {
    const cycles = folderCycles(siblingFolderEdges(inside)).map((cycle) =>
      [`cycle ${cycle.map((e) => e.from.split('/').slice(0, -1).join('/')).join(' → ')} →`, ...cycle.map((e) => `  ${describeEdge(e)}`)].join('\n'),
    );
    expect(cycles.join('\n')).toBe('');
  });
});

describe('the folder cycle finder', () => {
  const edge = (from: string, to: string) => ({ from, to, line: 1 });

  it('names every import of a cycle between sibling folders, however deep', () => {
    const edges = [edge('ecs/tasks/a.ts', 'ecs/capacity/b.ts'), edge('ecs/capacity/b.ts', 'ecs/tasks/c.ts'), edge('ecs/tasks/a.ts', 'kernel/k.ts')];
    const cycles = folderCycles(siblingFolderEdges(edges));
    expect(cycles.map((c) => c.map(describeEdge))).toEqual([
      ['core/ecs/capacity/b.ts:1 imports core/ecs/tasks/c.ts', 'core/ecs/tasks/a.ts:1 imports core/ecs/capacity/b.ts'],
    ]);
  });

  it('finds none where imports only go down, and ignores imports within one folder', () => {
    const edges = [edge('sim/s.ts', 'ecs/e.ts'), edge('ecs/e.ts', 'kernel/k.ts'), edge('ecs/e.ts', 'ecs/f.ts'), edge('ecs/f.ts', 'ecs/e.ts')];
    expect(folderCycles(siblingFolderEdges(edges))).toEqual([]);
  });
});
