/** 叙述标记：模板渲染后的文本（# / ## / ### / #### 标题与段落）解析为章节树。 */
import { firstTextLine } from './template-errors.js';
import { TemplateError } from './templates.js';
import { plainText } from './verbatim.js';

/** A heading with its paragraphs and sub-headings. */
export interface Section {
  readonly heading: string;
  readonly level: 1 | 2 | 3 | 4;
  readonly paragraphs: string[];
  readonly children: Section[];
}

const HEADING = /^(#{1,4})\s+(.+)$/;

/** The template a markup text was rendered from, to place markup errors in it. */
export interface MarkupOrigin {
  readonly name: string;
  readonly source: string;
}

/**
 * Parses "# 一、…", "## （一）…", "### 1. …", "#### （1）…" and paragraph lines into a tree of level-1 sections.
 * Throws TemplateError (placed in `origin`) when text comes before the first heading.
 */
export function parseMarkup(text: string, origin: MarkupOrigin = { name: '叙述模板', source: text }): Section[] {
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
      if (!current) {
        const place = firstTextLine(origin.source);
        throw new TemplateError(
          origin.name,
          `叙述在第一个标题之前有正文“${[...plainText(line)].slice(0, 20).join('')}”；此格式的叙述须以“# 一、……”这样的一级标题开始，标题之前不能有段落`,
          place.line,
          place.column,
        );
      }
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
