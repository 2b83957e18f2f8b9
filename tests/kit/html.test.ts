/** The third writer (src/write/html.ts): the document model as HTML for the web page's preview. */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { Doc, Table } from '../../src/model/doc.js';
import { docToHtml, escapeHtml, tableToHtml, workbookOnlyTables } from '../../src/write/html.js';

const table: Table = {
  id: 't1',
  sheetName: '表1',
  title: '项目支出绩效自评表',
  subtitle: '部门：<示例>',
  columns: [1, 3],
  headerRows: 1,
  rows: [
    [{ value: { kind: 'text', text: '指标' }, colSpan: 2, role: 'header' }],
    [{ value: { kind: 'text', text: '产出' }, rowSpan: 2, role: 'label' }, { value: { kind: 'percent', value: new Decimal('0.9512') } }],
    [{ value: { kind: 'amount', value: new Decimal('1522.655') } }],
  ],
  notes: ['备注：A & B'],
  orientation: 'portrait',
};

describe('html writer', () => {
  it('writes merged cells as colspan/rowspan, widths as percentages, cell text as the DOCX prints it, notes under the table', () => {
    const html = tableToHtml(table);
    expect(html).toContain('<th colspan="2" class="header">指标</th>');
    expect(html).toContain('<td rowspan="2" class="label">产出</td>');
    expect(html).toContain('<col style="width:25.00%"><col style="width:75.00%">');
    expect(html).toContain('>95.12%</td>');
    expect(html).toContain('>1522.66</td>');
    expect(html.indexOf('</table>')).toBeLessThan(html.indexOf('<p class="note">备注：A &amp; B</p>'));
    expect(html).toContain('<p class="subtitle">部门：&lt;示例&gt;</p>');
  });

  it('escapes text, and keeps line breaks', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const doc: Doc = {
      id: 'd',
      fileBase: 'd',
      title: 't',
      sections: [
        {
          orientation: 'portrait',
          blocks: [
            { type: 'title', text: '一行\n二行' },
            { type: 'paragraph', text: 'ab', indent: true, runs: [{ text: 'a', bold: true }, { text: 'b' }] },
            { type: 'table', table },
          ],
        },
      ],
    };
    const html = docToHtml(doc);
    expect(html).toContain('<h1>一行<br>二行</h1>');
    expect(html).toContain('<p class="indent"><b>a</b>b</p>');
    expect(html).toContain('data-table="t1"');
    expect(workbookOnlyTables(doc, [table, { ...table, id: 'only-xlsx' }]).map((t) => t.id)).toEqual(['only-xlsx']);
  });
});
