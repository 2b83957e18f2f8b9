/**
 * 与 docxtemplater 对比：用 jixiao 自己的写出器生成一份带循环标签的模板（项目表一张，指标行一行循环，
 * 整张表按项目循环），由 docxtemplater 填入同一单位的 7 张项目表；与 jixiao 写出同样 7 张表的时间比较。
 */
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import type { Cell, Doc, Table } from '../src/model/doc.js';
import { cellText } from '../src/write/cell-text.js';
import { docToDocx } from '../src/write/docx.js';
import { placeCells } from '../src/write/table-grid.js';

type Row = Record<string, string>;

/** The rows of the indicator block: after the header row that starts with 一级指标, before 其他需要说明事项. */
function indicatorBlock(t: Table): { first: number; end: number } {
  const texts = t.rows.map((r) => (r[0] ? cellText(r[0].value) : ''));
  const first = texts.indexOf('一级指标') + 1;
  const end = texts.indexOf('其他需要说明事项');
  if (first <= 0 || end < first) throw new Error(`table ${t.id}: no indicator block`);
  return { first, end };
}

const tag = (name: string): Cell['value'] => ({ kind: 'text', text: `{${name}}` });

/**
 * The template: the first project table with every value cell of the fixed rows turned into a tag, the indicator
 * block turned into one looped row (a loop from its first cell to its last repeats the row), and the whole table,
 * title to notes, inside a {#projects} loop. It is written by jixiao's DOCX writer, so both fill the same XML.
 */
export function templateDoc(sample: Table): Doc {
  const { first, end } = indicatorBlock(sample);
  const keep = (r: number) => sample.rows[r]!.map((c, k): Cell => (c.role === 'header' ? c : { ...c, value: tag(`f${r}_${k}`) }));
  const looped: Cell[] = Array.from({ length: sample.columns.length }, (_, k): Cell => {
    const like = sample.rows[first]![Math.min(k, sample.rows[first]!.length - 1)]!;
    const text = `${k === 0 ? '{#indicators}' : ''}{i${k}}${k === sample.columns.length - 1 ? '{/indicators}' : ''}`;
    return { value: { kind: 'text', text }, ...(like.role ? { role: like.role } : {}) };
  });
  const rows = [...Array.from({ length: first }, (_, r) => keep(r)), looped, ...Array.from({ length: sample.rows.length - end }, (_, i) => keep(end + i))];
  const notes = [...sample.notes];
  notes[notes.length - 1] = `${notes[notes.length - 1] ?? ''}{/projects}`;
  const table: Table = { ...sample, title: `{#projects}${sample.title}`, rows, notes };
  return { id: 'template', fileBase: 'template', title: 'template', sections: [{ orientation: sample.orientation, blocks: [{ type: 'table', table }] }] };
}

/** The data docxtemplater fills: per project its fixed cells by tag, and one entry per indicator row (grid texts). */
export function templateData(tables: readonly Table[]): { projects: Record<string, string | Row[]>[] } {
  return {
    projects: tables.map((t) => {
      const { first, end } = indicatorBlock(t);
      const fixed: Row = {};
      t.rows.forEach((r, i) => {
        if (i < first || i >= end)
          r.forEach((c, k) => {
            fixed[`f${i}_${k}`] = cellText(c.value);
          });
      });
      const grid = placeCells(t);
      const indicators = grid.rows.slice(first, end).map((placed, r) => {
        const row: Row = {};
        for (let c = 0; c < grid.width; c++) {
          const p = grid.coveredFromAbove[first + r]?.[c] ?? placed.find((x) => x.col === c);
          row[`i${c}`] = p ? cellText(p.cell.value) : '';
        }
        return row;
      });
      return { ...fixed, indicators };
    }),
  };
}

/** Fills the template with docxtemplater (free core, paragraph loops) and zips it as DOCX bytes. */
export function fillWithDocxtemplater(template: Uint8Array, data: object): Uint8Array {
  const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
  doc.render(data);
  return doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' });
}

/** jixiao's DOCX of the same project tables, one section each as in a unit's document. */
export function jixiaoProjectsDocx(tables: readonly Table[], when: Date): Promise<Uint8Array> {
  return docToDocx(
    {
      id: 'projects',
      fileBase: 'projects',
      title: 'projects',
      sections: tables.map((t) => ({ orientation: t.orientation, blocks: [{ type: 'table', table: t }] })),
    },
    when,
  );
}

/**
 * The peer-style template of a whole unit's document: the same blocks, with the text of every title, heading,
 * paragraph, table title, note and non-empty table cell replaced by its own tag, and the data that fills each tag with
 * that text again. docxtemplater filling it writes the cells jixiao writes, so the two times compare the same work
 * (issue 14: "a whole unit's DOCX ≤ 0.6× docxtemplater").
 */
export function unitTemplate(doc: Doc): { template: Doc; data: Record<string, string> } {
  const data: Record<string, string> = {};
  const tagged = (text: string): string => {
    if (text === '') return text;
    const name = `t${Object.keys(data).length}`;
    data[name] = text;
    return `{${name}}`;
  };
  const cell = (c: Cell): Cell => {
    const text = cellText(c.value);
    return text === '' ? c : { ...c, value: { kind: 'text', text: tagged(text) } };
  };
  const table = (t: Table): Table => ({
    ...t,
    title: tagged(t.title),
    ...(t.subtitle !== undefined ? { subtitle: tagged(t.subtitle) } : {}),
    rows: t.rows.map((r) => r.map(cell)),
    notes: t.notes.map(tagged),
  });
  const sections = doc.sections.map((s) => ({
    ...s,
    blocks: s.blocks.map((b) => {
      switch (b.type) {
        case 'title':
        case 'heading':
          return { ...b, text: tagged(b.text) };
        case 'paragraph': {
          const { runs: _runs, ...rest } = b;
          return { ...rest, text: tagged(b.text) };
        }
        case 'table':
          return { ...b, table: table(b.table) };
        default:
          return b;
      }
    }),
  }));
  return { template: { ...doc, sections }, data };
}
