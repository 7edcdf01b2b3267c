import { describe, expect, it } from 'vitest';
import { chaptersInPathOrder, lessonText, linkedChapters, type PathChapter } from './chapter-text.js';
import { PATH_CONCEPTS, type PathConcept } from './learning-path-vocabulary.js';

/**
 * The learning path teaches before it uses. Each chapter's frontmatter says which path concepts it
 * `introduces`, which it `uses` (introduced earlier) and which it only `previews` (introduced later, with a
 * link there); the convention is described in learning-path-vocabulary.ts. This test reads the chapters in
 * path order and names the chapter and the concept whenever a chapter relies on something the path
 * teaches later, or talks about a concept it does not declare.
 */
export function pathProblems(chapters: PathChapter[], concepts: PathConcept[]): string[] {
  const problems: string[] = [];
  const known = new Map(concepts.map((c) => [c.id, c]));
  const introducedAt = new Map<string, number>();
  const name = (chapter: PathChapter) => `"${chapter.title}" (${chapter.slug})`;
  const label = (id: string) => `'${id}' (${known.get(id)?.label ?? 'not in the vocabulary'})`;

  chapters.forEach((chapter, index) => {
    for (const id of [...chapter.introduces, ...chapter.uses, ...chapter.previews]) {
      if (!known.has(id)) problems.push(`${name(chapter)} names '${id}', which is not a path concept (learning-path-vocabulary.ts)`);
    }
    for (const id of chapter.introduces) {
      const earlier = introducedAt.get(id);
      if (earlier !== undefined) problems.push(`${label(id)} is introduced twice: by ${name(chapters[earlier])} and by ${name(chapter)}`);
      else introducedAt.set(id, index);
    }
  });
  for (const concept of concepts) {
    if (!introducedAt.has(concept.id)) problems.push(`no chapter introduces ${label(concept.id)}`);
  }

  chapters.forEach((chapter, index) => {
    const teaches = new Set(chapter.introduces);
    for (const id of chapter.uses) {
      const at = introducedAt.get(id);
      if (teaches.has(id)) problems.push(`${name(chapter)} both introduces and uses ${label(id)}`);
      else if (at !== undefined && at > index) {
        problems.push(`${name(chapter)} uses ${label(id)}, which the path introduces later, in ${name(chapters[at])}`);
      }
    }
    const links = linkedChapters(chapter.source);
    for (const id of chapter.previews) {
      const at = introducedAt.get(id);
      if (at === undefined) continue;
      if (at <= index) problems.push(`${name(chapter)} previews ${label(id)}, which is already taught by ${name(chapters[at])}: list it in uses`);
      else if (!links.has(chapters[at].slug)) problems.push(`${name(chapter)} previews ${label(id)} without linking to ${chapters[at].link}, where it is taught`);
    }

    const text = lessonText(chapter.source);
    const declared = new Set([...chapter.introduces, ...chapter.uses, ...chapter.previews]);
    for (const concept of concepts) {
      const match = concept.terms?.map((term) => term.exec(text)).find((m) => m !== null);
      if (match && !declared.has(concept.id)) {
        problems.push(`${name(chapter)} mentions "${match[0]}" (${label(concept.id)}) but declares it in neither introduces, uses nor previews`);
      }
      if (!match && concept.terms && teaches.has(concept.id)) {
        problems.push(`${name(chapter)} introduces ${label(concept.id)} but its lesson text never names it`);
      }
    }
  });
  return problems;
}

const concepts: PathConcept[] = [
  { id: 'vpc', label: 'a VPC', terms: [/\bVPC\b/] },
  { id: 'awsvpc', label: 'awsvpc', terms: [/\bawsvpc\b/] },
  { id: 'task', label: 'a task' },
];
const chapter = (slug: string, source: string, introduces: string[] = [], uses: string[] = [], previews: string[] = []): PathChapter => ({
  slug,
  link: `/chapters/${slug}`,
  title: slug,
  source,
  introduces,
  uses,
  previews,
});

describe('the path checker', () => {
  it('accepts a path that teaches before it uses', () => {
    const path = [
      chapter('intro', 'A task runs. The [primer](/chapters/primer) draws the VPC.', ['task'], [], ['vpc']),
      chapter('primer', 'A VPC holds your tasks.', ['vpc'], ['task']),
      chapter('networking', 'In awsvpc mode a task sits in the VPC.', ['awsvpc'], ['vpc', 'task']),
    ];
    expect(pathProblems(path, concepts)).toEqual([]);
  });

  it('names the chapter and the concept when a chapter uses what comes later', () => {
    const path = [
      chapter('intro', 'A task runs in awsvpc mode.', ['task'], ['awsvpc']),
      chapter('primer', 'A VPC.', ['vpc']),
      chapter('networking', 'awsvpc mode.', ['awsvpc'], ['vpc']),
    ];
    expect(pathProblems(path, concepts)).toEqual([
      `"intro" (intro) uses 'awsvpc' (awsvpc), which the path introduces later, in "networking" (networking)`,
    ]);
  });

  it('catches a mention that is not declared, and a preview without a link to where it is taught', () => {
    const path = [
      chapter('intro', 'A task runs in a VPC, in awsvpc mode.', ['task'], [], ['awsvpc']),
      chapter('primer', 'A VPC.', ['vpc']),
      chapter('networking', 'awsvpc mode.', ['awsvpc'], ['vpc']),
    ];
    expect(pathProblems(path, concepts)).toEqual([
      `"intro" (intro) previews 'awsvpc' (awsvpc) without linking to /chapters/networking, where it is taught`,
      `"intro" (intro) mentions "VPC" ('vpc' (a VPC)) but declares it in neither introduces, uses nor previews`,
    ]);
  });

  it('ignores code, link targets and the model block, and reports unknown, doubled and missing concepts', () => {
    const source = [
      'A task. See [the networking chapter](/chapters/networking-awsvpc).',
      '```json',
      '{ "networkMode": "awsvpc", "vpc": "VPC" }',
      '```',
      '::: details How ecs-lab models this',
      'The simulator gives every awsvpc task an ENI in the VPC.',
      ':::',
    ].join('\n');
    expect(pathProblems([chapter('intro', source, ['task', 'tusk'])], concepts)).toEqual([
      `"intro" (intro) names 'tusk', which is not a path concept (learning-path-vocabulary.ts)`,
      `no chapter introduces 'vpc' (a VPC)`,
      `no chapter introduces 'awsvpc' (awsvpc)`,
    ]);
    expect(pathProblems([chapter('a', 'A task.', ['task']), chapter('b', 'A task.', ['task'])], [concepts[2]])).toEqual([
      `'task' (a task) is introduced twice: by "a" (a) and by "b" (b)`,
    ]);
  });
});

describe('the learning path', () => {
  const chapters = chaptersInPathOrder();

  it('introduces every concept before any chapter uses it, and declares every concept a chapter talks about', () => {
    expect(pathProblems(chapters, PATH_CONCEPTS)).toEqual([]);
  });

  it('starts with what ECS is, teaches the VPC and load balancer primer before task definitions, and ends with the design', () => {
    const slugs = chapters.map((c) => c.slug);
    expect(slugs[0]).toBe('what-is-ecs');
    expect(slugs.indexOf('vpc-and-load-balancer-primer')).toBeLessThan(slugs.indexOf('task-definitions'));
    expect(slugs.indexOf('load-balancing')).toBeLessThan(slugs.indexOf('blue-green-and-external'));
    expect(slugs.indexOf('ecs-anywhere')).toBeGreaterThan(slugs.indexOf('event-driven'));
    expect(slugs.at(-1)).toBe('design-an-ecs-service');
  });
});
