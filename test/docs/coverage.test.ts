import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeCoverage, featureConcepts, type CoverageInputs } from '../../docs/.vitepress/data/coverage.js';
import { readCoverageInputs, readCurriculum } from '../../docs/.vitepress/data/coverage-sources.js';
import { firstHeading, readFrontmatter } from '../../docs/.vitepress/data/frontmatter.js';
import { readSection } from '../../docs/.vitepress/data/pages.js';
import { buildSidebar } from '../../docs/.vitepress/data/sidebar.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const docsDir = fileURLToPath(new URL('../../docs/', import.meta.url));

describe('coverage computation', () => {
  const inputs: CoverageInputs = {
    concepts: [
      { id: 'C01', name: 'one', behaviour: false },
      { id: 'C02', name: 'two', behaviour: true },
      { id: 'C03', name: 'three', behaviour: true },
    ],
    chapters: [{ name: 'Intro', link: '/chapters/intro', concepts: ['C01', 'C02'] }],
    scenarios: [{ name: 'two', concepts: ['C02'] }],
    labs: [{ name: 'Lab', concepts: ['C09'] }],
    questions: [{ name: 'q-intro-1', concepts: ['C01'] }],
  };
  const coverage = computeCoverage(inputs);

  it('finds the chapters and practice of each concept', () => {
    expect(coverage.rows.map((r) => [r.id, r.covered, r.practised])).toEqual([
      ['C01', true, true],
      ['C02', true, true],
      ['C03', false, false],
    ]);
  });

  it('reports gaps, behaviour without a scenario and ids outside the curriculum', () => {
    expect(coverage.withoutChapter).toEqual(['C03']);
    expect(coverage.withoutPractice).toEqual(['C03']);
    expect(coverage.behaviourWithoutScenario).toEqual(['C03']);
    expect(coverage.unknownIds).toEqual([{ id: 'C09', where: 'labs: Lab' }]);
  });

  it('reads @concepts tags from feature and scenario lines only', () => {
    const source = '@concepts:C12 @concepts:C13 @wip\nFeature: x\n  mentions @concepts:C99 in prose\n  @concepts:C14\n  Scenario: y\n';
    expect(featureConcepts(source)).toEqual(['C12', 'C13', 'C14']);
  });
});

describe('frontmatter reader', () => {
  it('reads scalars, inline and block lists, and skips nested maps', () => {
    const page = "---\ntitle: 'It''s ECS'\norder: 3\nconcepts: [C01, 'C02']\nnext:\n  text: Lab\n  link: /labs/x\ntags:\n  - a\n  - b\n---\n# Heading\n";
    expect(readFrontmatter(page)).toEqual({ title: "It's ECS", order: 3, concepts: ['C01', 'C02'], tags: ['a', 'b'] });
    expect(firstHeading(page)).toBe('Heading');
    expect(readFrontmatter('# no frontmatter')).toEqual({});
  });
});

describe('the repository', () => {
  const coverage = computeCoverage(readCoverageInputs(repoRoot));

  it('keeps a curriculum of C01 to C56: the first 50, then the features of 2025 and 2026', () => {
    const ids = readCurriculum(repoRoot).map((c) => c.id);
    expect(ids).toEqual(Array.from({ length: 56 }, (_, i) => `C${String(i + 1).padStart(2, '0')}`));
  });

  // The repository's copy of the curriculum (docs/.vitepress/data/curriculum.json) is what the site and these tests
  // read: one row of the curriculum table per concept, with its name and whether it has behaviour to simulate.
  it('names each concept once and says whether it has behaviour to simulate', () => {
    const concepts = readCurriculum(repoRoot);
    for (const { id, name, behaviour } of concepts) {
      expect(name.trim(), id).not.toBe('');
      expect(typeof behaviour, id).toBe('boolean');
    }
    expect(new Set(concepts.map((c) => c.name)).size).toBe(concepts.length);
  });

  it('explains every concept in some chapter', () => {
    expect(coverage.withoutChapter).toEqual([]);
  });

  it('gives every concept some practice: a scenario, a lab or a quiz question', () => {
    expect(coverage.withoutPractice).toEqual([]);
  });

  it('names only curriculum ids', () => {
    expect(coverage.unknownIds).toEqual([]);
  });

  it('gives every chapter a title, an order and concepts', () => {
    const chapters = readSection(docsDir, 'chapters');
    expect(chapters.length).toBeGreaterThan(0);
    for (const chapter of chapters) {
      const source = readFileSync(`${docsDir}chapters/${chapter.slug}.md`, 'utf8');
      const data = readFrontmatter(source);
      expect(typeof data.title, chapter.slug).toBe('string');
      expect(typeof data.order, chapter.slug).toBe('number');
      expect(chapter.concepts.length, chapter.slug).toBeGreaterThan(0);
    }
  });

  it('builds the sidebar from every chapter, lab and guide page', () => {
    const links = JSON.stringify(buildSidebar(docsDir));
    for (const section of ['chapters', 'labs', 'guide']) {
      for (const page of readSection(docsDir, section)) expect(links).toContain(`"link":"${page.link}"`);
    }
  });

  it('embeds only scenario players whose feature file exists', () => {
    for (const chapter of readSection(docsDir, 'chapters')) {
      const source = readFileSync(`${docsDir}chapters/${chapter.slug}.md`, 'utf8');
      for (const match of source.matchAll(/<ScenarioPlayer\s+feature="([^"]+)"/g)) {
        expect(existsSync(`${repoRoot}scenarios/features/${match[1]}.feature`), `${chapter.slug}: ${match[1]}`).toBe(true);
      }
    }
  });
});
