import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { docxTables, dumpDocx, formatByNumFmt } from '../support/dump.js';

const cell = (text: string, opts: { columnSpan?: number; rowSpan?: number } = {}) =>
  new TableCell({ ...opts, children: text.split('\n').map((t) => new Paragraph({ children: [new TextRun(t)] })) });

/** A table like the seeds' 项目资金 block: a 2-row label, a column span, a two-paragraph cell. */
const sample = async () =>
  new Uint8Array(
    await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ style: 'Title', children: [new TextRun('2023年度项目支出绩效自评表')] }),
              new Table({
                rows: [
                  new TableRow({ children: [cell('项目资金（万元）', { rowSpan: 2 }), cell('年初预算数'), cell('得分', { columnSpan: 2 })] }),
                  new TableRow({ children: [cell('10.56'), cell('10'), cell('A & B\n第二段')] }),
                ],
              }),
              new Paragraph('备注：<无>'),
            ],
          },
        ],
      }),
    ),
  );

describe('DOCX dumps', () => {
  it('dumpDocx shows text (not style ids), rows, ↑ for merged continuations and 〔跨列〕 for column spans', async () => {
    expect(dumpDocx(await sample())).toBe(
      ['2023年度项目支出绩效自评表', '| 项目资金（万元） | 年初预算数 | 得分〔跨列〕 |', '| ↑ | 10.56 | 10 | A & B第二段 |', '备注：<无>', ''].join('\n'),
    );
  });

  it('docxTables lists what a reader sees: no continuation cells, spans once, paragraphs on lines', async () => {
    expect(docxTables(await sample())).toEqual([
      [
        ['项目资金（万元）', '年初预算数', '得分'],
        ['10.56', '10', 'A & B\n第二段'],
      ],
    ]);
  });
});

describe('formatByNumFmt', () => {
  it('shows numbers as a spreadsheet does under our formats', () => {
    expect([formatByNumFmt(10.5, '0.00'), formatByNumFmt(0.9512, '0.00%'), formatByNumFmt(40, '0'), formatByNumFmt(0.5, '0.0')]).toEqual([
      '10.50',
      '95.12%',
      '40',
      '0.5',
    ]);
    expect(formatByNumFmt(1.25, undefined)).toBe('1.25');
    expect(() => formatByNumFmt(1, '#,##0.00')).toThrow(/unsupported/);
  });
});
