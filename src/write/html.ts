/**
 * 第三个写出器：把同一份文档模型写成 HTML 片段（网页预览）。合并单元格用 rowspan/colspan，列宽按比例，
 * 表下备注照印；文字与 DOCX 相同（cellText）。纯函数，不接触 DOM。
 */
import type { Block, Cell, Doc, Table } from '../model/doc.js';
import { cellText } from './cell-text.js';

/** Escapes text for HTML element content and double-quoted attributes. */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const lines = (s: string): string => s.split('\n').map(escapeHtml).join('<br>');

function cellHtml(cell: Cell, header: boolean): string {
  const tag = header || cell.role === 'header' ? 'th' : 'td';
  const attrs = [
    cell.colSpan && cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '',
    cell.rowSpan && cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '',
    ` class="${cell.role ?? 'value'}${cell.bold ? ' bold' : ''}"`,
  ].join('');
  return `<${tag}${attrs}>${lines(cellText(cell.value))}</${tag}>`;
}

/** One table: caption (title, subtitle), a colgroup of relative widths as percentages, the rows, the notes under it. */
export function tableToHtml(table: Table): string {
  const total = table.columns.reduce((a, b) => a + b, 0) || 1;
  // Note: widths are relative in the model; percentages keep the DOCX's proportions at any window width.
  const cols = table.columns.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join('');
  const rows = table.rows.map((row, r) => `<tr>${row.map((c) => cellHtml(c, r < table.headerRows)).join('')}</tr>`).join('\n');
  const subtitle = table.subtitle ? `<p class="subtitle">${lines(table.subtitle)}</p>` : '';
  const notes = table.notes.map((n) => `<p class="note">${lines(n)}</p>`).join('');
  return (
    `<figure class="table ${table.orientation}" data-table="${escapeHtml(table.id)}">` +
    `<figcaption>${lines(table.title)}</figcaption>${subtitle}` +
    `<table><colgroup>${cols}</colgroup><tbody>\n${rows}\n</tbody></table>${notes}</figure>`
  );
}

function blockHtml(b: Block): string {
  switch (b.type) {
    case 'title':
      return `<h1>${lines(b.text)}</h1>`;
    case 'heading':
      return `<h${b.level + 1}>${lines(b.text)}</h${b.level + 1}>`;
    case 'paragraph': {
      const body = b.runs ? b.runs.map((r) => (r.bold ? `<b>${lines(r.text)}</b>` : lines(r.text))).join('') : lines(b.text);
      const cls = [b.indent ? 'indent' : '', b.align ? `align-${b.align}` : ''].filter(Boolean).join(' ');
      return `<p${cls ? ` class="${cls}"` : ''}>${body}</p>`;
    }
    case 'table':
      return tableToHtml(b.table);
    case 'pageBreak':
      return '<hr class="page-break">';
    case 'masthead':
      return `<div class="masthead">${b.lines.map(escapeHtml).join('<br>')}</div>`;
    case 'docNumber':
      return `<p class="doc-number">${escapeHtml(b.text)}</p>`;
    case 'attachments':
      return `<p class="attachments">附件：${b.items.map((t, i) => (b.items.length > 1 ? `${i + 1}. ${escapeHtml(t)}` : escapeHtml(t))).join('<br>')}</p>`;
    case 'signature':
      return `<p class="signature">${escapeHtml(b.signatory)}<br>${escapeHtml(b.date)}</p>`;
    case 'attachmentMark':
      return `<p class="attachment-mark">${escapeHtml(b.text)}</p>`;
    case 'colophon': {
      const cc = b.cc.length ? `<p>抄送：${b.cc.map(escapeHtml).join('，')}</p>` : '';
      const copies = b.copies ? `<p>${escapeHtml(b.copies)}</p>` : '';
      return `<div class="colophon">${cc}<p>${escapeHtml(b.printedBy)}　${escapeHtml(b.printedOn)}印发</p>${copies}</div>`;
    }
  }
}

/** The whole document: every section's blocks in order, one `<section>` per DocSection. */
export function docToHtml(doc: Doc): string {
  return doc.sections
    .map((s) => `<section class="doc-section ${s.orientation} ${s.layout ?? 'form'}">\n${s.blocks.map(blockHtml).join('\n')}\n</section>`)
    .join('\n');
}

/** The tables that only the workbook holds (e.g. ningxia's 资金表): those of `tables` that no block of `doc` shows. */
export function workbookOnlyTables(doc: Doc, tables: readonly Table[]): readonly Table[] {
  const shown = new Set(doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'table' ? [b.table.id] : []))));
  return tables.filter((t) => !shown.has(t.id));
}
