/** 部门整体支出绩效自评情况（Y1）：章节树排成“一级｜二级｜三级｜内容”四列表格，或按段落排版。 */
import type { Block, Cell, Table } from '../model/doc.js';
import { header, prose } from './cells.js';
import { leafCount, type Section } from './markup.js';
import { proseParagraph } from './runs.js';
import { plainText } from './verbatim.js';

const body = (s: Section): Cell => prose(plainText(s.paragraphs.join('\n')));
const head = (s: Section, span: { colSpan?: number; rowSpan?: number } = {}): Cell => header(plainText(s.heading), span);

/** Rows of the four-column layout: a heading spans the rows of its subsections; a missing level widens the label. */
function rowsOf(sections: readonly Section[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const s1 of sections) {
    if (s1.children.length === 0) {
      rows.push([head(s1, { colSpan: 3 }), body(s1)]);
      continue;
    }
    s1.children.forEach((s2, i) => {
      const lead = i === 0 ? [head(s1, { rowSpan: leafCount(s1) })] : [];
      if (s2.children.length === 0) {
        rows.push([...lead, head(s2, { colSpan: 2 }), body(s2)]);
        return;
      }
      s2.children.forEach((s3, k) => {
        const mid = k === 0 ? [head(s2, { rowSpan: s2.children.length })] : [];
        rows.push([...(k === 0 ? lead : []), ...mid, head(s3), body(s3)]);
      });
    });
  }
  return rows;
}

/** The narrative as a table (the seeds' layout). */
export function narrativeTable(title: string, subtitle: string, sections: readonly Section[], notes: readonly string[]): Table {
  return {
    id: 'dept-report',
    sheetName: '部门整体支出绩效自评情况',
    title,
    subtitle,
    columns: [13, 13, 10, 64],
    headerRows: 0,
    rows: rowsOf(sections),
    notes,
    orientation: 'portrait',
  };
}

/** The same narrative as headings and paragraphs (narrativeLayout: prose; official documents); **marked** text is bold. */
export function narrativeBlocks(sections: readonly Section[]): Block[] {
  const out: Block[] = [];
  const walk = (s: Section) => {
    out.push({ type: 'heading', level: s.level, text: plainText(s.heading) });
    for (const p of s.paragraphs) out.push(proseParagraph(p));
    s.children.forEach(walk);
  };
  sections.forEach(walk);
  return out;
}
