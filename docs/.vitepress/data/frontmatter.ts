/**
 * The top-level keys of a Markdown page's YAML frontmatter, for the sidebar and the coverage matrix.
 *
 * A deliberately small reader, not a YAML parser: it understands the shapes our pages use for the keys we
 * read (`title: 'Text'`, `order: 3`, `concepts: [C01, C02]` or a block list of `- C01` lines) and skips
 * anything nested under another key (`next:` maps and the like). VitePress parses the full frontmatter
 * itself when it renders the page.
 */
export type FrontmatterValue = string | number | boolean | string[];

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/;
const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/;
const LIST_ITEM = /^\s+-\s+(.*)$/;

export function readFrontmatter(markdown: string): Record<string, FrontmatterValue> {
  const block = FENCE.exec(markdown);
  if (!block) return {};
  const result: Record<string, FrontmatterValue> = {};
  let listKey: string | undefined;
  const opened = new Set<string>();
  for (const line of block[1].split(/\r?\n/)) {
    const item = LIST_ITEM.exec(line);
    if (item && listKey) {
      (result[listKey] as string[]).push(unquote(item[1].trim()));
      continue;
    }
    const key = TOP_LEVEL_KEY.exec(line);
    if (!key) continue;
    listKey = undefined;
    const raw = stripComment(key[2] ?? '').trim();
    if (raw === '') {
      // Either a block list follows (`concepts:` then `  - C01`), or a nested map we do not read.
      result[key[1]] = [];
      listKey = key[1];
      opened.add(key[1]);
      continue;
    }
    result[key[1]] = scalarOrInlineList(raw);
  }
  // A key followed by no list items (a nested map) is dropped rather than reported as [].
  for (const name of opened) if ((result[name] as string[]).length === 0) delete result[name];
  return result;
}

/** The page's `# Heading`, the fallback title of a page without a frontmatter `title`. */
export function firstHeading(markdown: string): string | undefined {
  const body = markdown.replace(FENCE, '');
  const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(body);
  return heading?.[1];
}

function scalarOrInlineList(raw: string): FrontmatterValue {
  if (raw.startsWith('[') && raw.endsWith(']')) {
    const inner = raw.slice(1, -1).trim();
    return inner === '' ? [] : inner.split(',').map((part) => unquote(part.trim()));
  }
  if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return unquote(raw);
}

function unquote(text: string): string {
  if (text.length >= 2 && ((text.startsWith("'") && text.endsWith("'")) || (text.startsWith('"') && text.endsWith('"')))) {
    const inner = text.slice(1, -1);
    return text.startsWith("'") ? inner.replace(/''/g, "'") : inner.replace(/\\"/g, '"');
  }
  return text;
}

function stripComment(text: string): string {
  // A `#` starts a comment only after whitespace and outside quotes; our values never need more than that.
  if (/^['"]/.test(text.trim())) return text;
  const at = text.search(/\s#/);
  return at === -1 ? text : text.slice(0, at);
}
