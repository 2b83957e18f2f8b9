/** 叙述标记：模板渲染后的文本（# / ## / ### / #### 标题与段落）解析为章节树。 */

/** A heading with its paragraphs and sub-headings. */
export interface Section {
  readonly heading: string;
  readonly level: 1 | 2 | 3 | 4;
  readonly paragraphs: string[];
  readonly children: Section[];
}

const HEADING = /^(#{1,4})\s+(.+)$/;

/** Parses "# 一、…", "## （一）…", "### 1. …", "#### （1）…" and paragraph lines into a tree of level-1 sections. */
export function parseMarkup(text: string): Section[] {
  const roots: Section[] = [];
  const stack: Section[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const m = HEADING.exec(line);
    if (m) {
      const level = m[1]!.length as 1 | 2 | 3 | 4;
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

/** Splits rendered markup into the paragraphs before the first heading (an opening such as 主送机关's letter) and the rest. */
export function splitPreamble(text: string): { readonly preamble: string[]; readonly rest: string } {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => HEADING.test(l.trim()));
  const head = first < 0 ? lines : lines.slice(0, first);
  return { preamble: head.map((l) => l.trim()).filter((l) => l !== ''), rest: first < 0 ? '' : lines.slice(first).join('\n') };
}
