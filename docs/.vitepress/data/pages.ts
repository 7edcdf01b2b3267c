import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstHeading, readFrontmatter } from './frontmatter.js';

/** One Markdown page of a docs section (chapters, labs, guide), as the sidebar and the coverage matrix see it. */
export interface PageInfo {
  /** Site link without extension, e.g. `/chapters/rolling-updates`. */
  link: string;
  /** File name without `.md`. */
  slug: string;
  title: string;
  /** Frontmatter `order`; pages without one sort after the ordered ones, by title. */
  order: number | undefined;
  /** Frontmatter `concepts` (curriculum ids). */
  concepts: string[];
}

/** The pages of `<docsDir>/<section>/*.md`, in sidebar order; a missing folder is an empty section. */
export function readSection(docsDir: string, section: string): PageInfo[] {
  const dir = join(docsDir, section);
  let files: string[];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.md'));
  } catch {
    return [];
  }
  return files.map((file) => pageInfo(section, file, readFileSync(join(dir, file), 'utf8'))).sort(bySidebarOrder);
}

export function pageInfo(section: string, file: string, markdown: string): PageInfo {
  const slug = file.slice(0, -'.md'.length);
  const data = readFrontmatter(markdown);
  const title = typeof data.title === 'string' && data.title !== '' ? data.title : (firstHeading(markdown) ?? slug);
  const order = typeof data.order === 'number' ? data.order : undefined;
  const concepts = Array.isArray(data.concepts) ? data.concepts : typeof data.concepts === 'string' ? [data.concepts] : [];
  return { link: slug === 'index' ? `/${section}/` : `/${section}/${slug}`, slug, title, order, concepts };
}

function bySidebarOrder(a: PageInfo, b: PageInfo): number {
  if (a.order !== b.order) return (a.order ?? Number.POSITIVE_INFINITY) - (b.order ?? Number.POSITIVE_INFINITY);
  return a.title.localeCompare(b.title, 'en');
}
