/** A page as the sidebar lists it. */
export interface SitePage {
  text: string;
  link: string;
}

interface SidebarItem {
  text?: string;
  link?: string;
  items?: SidebarItem[];
}

/**
 * Every page the sidebar links to, in sidebar order. The sidebar is generated from the pages' frontmatter,
 * so it is the site's own list of chapters and labs. It may be one list or one list per section of the site.
 */
export function sidebarPages(sidebar: unknown): SitePage[] {
  const roots: SidebarItem[] = Array.isArray(sidebar)
    ? sidebar
    : Object.values((sidebar ?? {}) as Record<string, SidebarItem[] | { items: SidebarItem[] }>).flatMap((s) => (Array.isArray(s) ? s : s.items));
  const pages: SitePage[] = [];
  const visit = (item: SidebarItem) => {
    if (item.link && item.text && !pages.some((p) => p.link === normalise(item.link!))) pages.push({ text: item.text, link: normalise(item.link) });
    item.items?.forEach(visit);
  };
  roots.forEach(visit);
  return pages;
}

/** "/chapters/x.md", "/chapters/x.html" and "/chapters/x" are one page. */
export function normalise(link: string): string {
  return link.replace(/(\.md|\.html)$/, '');
}

export const pageTitle = (pages: SitePage[], link: string) => pages.find((p) => p.link === normalise(link))?.text ?? link;
