/** 叙述标记：模板渲染后的文本（# / ## / ### 标题与段落）解析为章节树。 */

/** A heading with its paragraphs and sub-headings. */
export interface Section {
  readonly heading: string;
  readonly level: 1 | 2 | 3;
  readonly paragraphs: string[];
  readonly children: Section[];
}

const HEADING = /^(#{1,3})\s+(.+)$/;

/** Parses "# 一、…", "## （一）…", "### 1. …" and paragraph lines into a tree of level-1 sections. */
export function parseMarkup(text: string): Section[] {
  const roots: Section[] = [];
  const stack: Section[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const m = HEADING.exec(line);
    if (m) {
      const level = m[1]!.length as 1 | 2 | 3;
      const section: Section = { heading: m[2]!.trim(), level, paragraphs: [], children: [] };
      while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(section);
      else roots.push(section);
      stack.push(section);
    } else {
      const current = stack[stack.length - 1];
      if (!current) throw new Error(`paragraph before the first heading: ${line.slice(0, 30)}`);
      current.paragraphs.push(line);
    }
  }
  return roots;
}

/** Number of leaf rows a section occupies in the table layout. */
export function leafCount(s: Section): number {
  return s.children.length === 0 ? 1 : s.children.reduce((n, c) => n + leafCount(c), 0);
}
