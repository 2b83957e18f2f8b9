import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Cell, CellValue, Table } from '../../src/model/doc.js';
import { Money } from '../../src/model/money.js';
import { cellNumber, cellText } from '../../src/write/cell-text.js';
import { normalizeOoxml } from '../../src/write/reproducible.js';
import { safeSheetName, tablesToXlsx } from '../../src/write/xlsx.js';
import { dumpXlsx, formatByNumFmt, xlsxSheetRows } from '../support/dump.js';

const WHEN = new Date('2024-03-31T00:00:00Z');
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const d = (s: string) => new Money(s);
const h = (t: string, span: Partial<Cell> = {}): Cell => ({ value: { kind: 'text', text: t }, role: 'header', ...span });
const v = (value: CellValue, span: Partial<Cell> = {}): Cell => ({ value, role: 'value', ...span });
const GOAL = '依法履行监督职责，完成年度监督计划，组织开展执法检查和专题调研，推动区域经济社会高质量发展，人民群众满意度稳步提升。';

/** A small 项目资金 block: two-row spans, column spans, every kind of value. */
const sample: Table = {
  id: 'sample',
  sheetName: '项目支出绩效自评表',
  title: '2023年度项目支出绩效自评表',
  subtitle: '部门：曲靖市沾益区人大常委会',
  orientation: 'landscape',
  headerRows: 2,
  columns: [2, 1.5, 1.5, 1.5, 1, 1],
  rows: [
    [h('项目', { rowSpan: 2 }), h('资金（万元）', { colSpan: 3 }), h('执行率', { rowSpan: 2 }), h('得分', { rowSpan: 2 })],
    [h('年初预算数'), h('全年预算数'), h('全年执行数')],
    [
      { value: { kind: 'text', text: '年度资金总额' }, role: 'label', rowSpan: 2 },
      v({ kind: 'amount', value: d('10.555') }),
      v({ kind: 'amount', value: d('12') }),
      v({ kind: 'amount', value: d('10.56') }),
      v({ kind: 'percent', value: d('0.88') }),
      v({ kind: 'score', value: d('9.5') }),
    ],
    [v({ kind: 'empty' }), v({ kind: 'na' }), v({ kind: 'amount', value: d('-0.001') }), v({ kind: 'na' }), v({ kind: 'score', value: d('40') })],
    [
      { value: { kind: 'text', text: '年度目标' }, role: 'label' },
      { value: { kind: 'text', text: GOAL }, role: 'text', colSpan: 4 },
      v({ kind: 'number', value: d('0.50') }),
    ],
    [{ value: { kind: 'text', text: '一、部门年度目标' }, role: 'section', colSpan: 6, bold: true }],
  ],
  notes: ['备注：', '1. 涉密部门和涉密信息按保密规定不公开。'],
};

const sheetOf = async (bytes: Uint8Array, name = sample.sheetName) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return { wb, ws };
};

describe('tablesToXlsx', () => {
  it('stores numbers as numbers with their format, "—" as text, and leaves empty cells null', async () => {
    const bytes = await tablesToXlsx([sample], { title: sample.title, when: WHEN });
    expect(await dumpXlsx(bytes)).toBe(
      [
        '== 项目支出绩效自评表 ==',
        'merge A1:F1',
        'merge A2:F2',
        'merge A3:A4',
        'merge B3:D3',
        'merge E3:E4',
        'merge F3:F4',
        'merge A5:A6',
        'merge B7:E7',
        'merge A8:F8',
        'merge A9:F9',
        'merge A10:F10',
        'A1 string "2023年度项目支出绩效自评表"',
        'A2 string "部门：曲靖市沾益区人大常委会"',
        'A3 string "项目"',
        'B3 string "资金（万元）"',
        'E3 string "执行率"',
        'F3 string "得分"',
        'B4 string "年初预算数"',
        'C4 string "全年预算数"',
        'D4 string "全年执行数"',
        'A5 string "年度资金总额"',
        'B5 number 10.56 [0.00]',
        'C5 number 12 [0.00]',
        'D5 number 10.56 [0.00]',
        'E5 number 0.88 [0.00%]',
        'F5 number 9.5 [0.00]',
        'C6 string "—"',
        'D6 number 0 [0.00]',
        'E6 string "—"',
        'F6 number 40 [0]',
        'A7 string "年度目标"',
        `B7 string "${GOAL}"`,
        'F7 number 0.5 [0.0]',
        'A8 string "一、部门年度目标"',
        'A9 string "备注："',
        'A10 string "1. 涉密部门和涉密信息按保密规定不公开。"',
        '',
      ].join('\n'),
    );
  });

  it('shows the same text in XLSX as the DOCX cells print', async () => {
    const bytes = await tablesToXlsx([sample], { title: sample.title, when: WHEN });
    const rows = await xlsxSheetRows(bytes, sample.sheetName);
    const printed = sample.rows.map((row) => row.map((c) => cellText(c.value)).filter((t) => t !== ''));
    expect(rows).toEqual([[sample.title], [sample.subtitle], ...printed, ...sample.notes.map((n) => [n])]);
    expect(rows[4]).toEqual(['年度资金总额', '10.56', '12.00', '10.56', '88.00%', '9.50']);
    expect(rows[5]).toEqual(['—', '0.00', '—', '40']);
  });

  it('puts a thin border on every cell of the table, merged or not', async () => {
    const { ws } = await sheetOf(await tablesToXlsx([sample], { title: sample.title, when: WHEN }));
    for (let r = 3; r <= 8; r++)
      for (let c = 1; c <= 6; c++) {
        const b = ws.getCell(r, c).border;
        for (const side of ['top', 'left', 'bottom', 'right'] as const) expect(b?.[side]?.style, `${ws.getCell(r, c).address} ${side}`).toBe('thin');
      }
    expect(ws.getCell('A1').border?.top).toBeUndefined(); // the title has none
  });

  it('sets fonts, alignment and row heights', async () => {
    const bytes = await tablesToXlsx([sample], { title: sample.title, when: WHEN });
    const { ws } = await sheetOf(bytes);
    expect(ws.getCell('A1').font).toMatchObject({ name: '方正小标宋简体', size: 16 });
    expect(ws.getCell('A3').font).toMatchObject({ name: '黑体' });
    expect(ws.getCell('B5').font).toMatchObject({ name: '仿宋_GB2312' });
    // Note: exceljs reads <sz> back as an integer, so check the 五号 size in styles.xml itself.
    const styles = strFromU8(unzipSync(bytes)['xl/styles.xml']!);
    expect(styles).toContain('<sz val="10.5"/><name val="黑体"/>');
    expect(styles).toContain('<sz val="10.5"/><name val="仿宋_GB2312"/>');
    expect(ws.getCell('A8').font).toMatchObject({ name: '黑体', bold: true });
    expect(ws.getCell('B5').alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
    expect(ws.getCell('B7').alignment).toMatchObject({ horizontal: 'left', vertical: 'top', wrapText: true });
    expect(ws.getRow(1).height).toBe(36);
    for (let r = 1; r <= 10; r++) expect(ws.getRow(r).height, `row ${r}`).toBeGreaterThan(20);
    expect(ws.getRow(7).height).toBeGreaterThan(ws.getRow(5).height! * 1.5); // the long goal wraps
    const widths = ws.columns.map((c) => c.width ?? 0);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(150, 0);
  });

  it('prints on A4 with repeated title and header rows, a page footer and frozen panes', async () => {
    const { wb, ws } = await sheetOf(await tablesToXlsx([sample], { title: sample.title, when: WHEN }));
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: '1:4',
    });
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(wb.creator).toBe('jixiao');
    expect(wb.lastModifiedBy).toBe('jixiao');
    expect(wb.created.toISOString()).toBe(WHEN.toISOString());
  });

  it('writes one sheet per table with names Excel accepts', async () => {
    const bad = { ...sample, sheetName: '项目[1]:*?/\\表', orientation: 'portrait' as const };
    const bytes = await tablesToXlsx([sample, sample, bad], { title: 't', when: WHEN });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['项目支出绩效自评表', '项目支出绩效自评表(2)', '项目1表']);
    expect(wb.getWorksheet('项目1表')?.pageSetup.orientation).toBe('portrait');
  });
});

describe('safeSheetName', () => {
  it('strips forbidden characters, keeps 31 characters and dedupes case-insensitively', () => {
    expect(safeSheetName("'a/b'", [])).toBe('ab');
    expect(safeSheetName('History', [])).toBe('Sheet');
    expect(safeSheetName('X'.repeat(40), [])).toBe('X'.repeat(31));
    expect(safeSheetName('X'.repeat(40), ['X'.repeat(31)])).toBe(`${'X'.repeat(28)}(2)`);
    expect(safeSheetName('abc', ['ABC', 'abc(2)'])).toBe('abc(3)');
  });
});

describe('normalizeOoxml', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const at = async <T>(iso: string, build: () => Promise<T>): Promise<T> => {
    vi.useFakeTimers({ toFake: ['Date'] }); // Note: JSZip and docx stamp "now"
    vi.setSystemTime(new Date(iso));
    try {
      return await build();
    } finally {
      vi.useRealTimers();
    }
  };

  it('makes two XLSX builds at different wall-clock times byte-identical', async () => {
    const build = () => tablesToXlsx([sample], { title: sample.title, when: WHEN });
    const a = await at('2025-01-01T08:00:00Z', build);
    const b = await at('2025-06-30T17:59:58Z', build);
    expect(sha256(a)).toBe(sha256(b));
  });

  it('turns differing raw exceljs output into equal bytes, without directory entries', async () => {
    const raw = async () => {
      const wb = new ExcelJS.Workbook();
      Object.assign(wb, { created: WHEN, modified: WHEN });
      wb.addWorksheet('a').getCell('A1').value = 1;
      return new Uint8Array(await wb.xlsx.writeBuffer());
    };
    const a = await at('2025-01-01T08:00:00Z', raw);
    const b = await at('2025-06-30T17:59:58Z', raw);
    expect(sha256(a)).not.toBe(sha256(b));
    expect(Object.keys(unzipSync(a)).some((n) => n.endsWith('/'))).toBe(true);
    const [na, nb] = [normalizeOoxml(a, WHEN), normalizeOoxml(b, WHEN)];
    expect(sha256(na)).toBe(sha256(nb));
    expect(Object.keys(unzipSync(na))).toEqual(Object.keys(unzipSync(a)).filter((n) => !n.endsWith('/')));
  });

  it('normalises docx output: random rIds, core.xml dates and zip times', async () => {
    const build = () =>
      Packer.toBuffer(
        new Document({
          creator: 'jixiao',
          sections: [{ children: [new Paragraph({ children: [new ExternalHyperlink({ link: 'https://example.com/', children: [new TextRun('链接')] })] })] }],
        }),
      );
    const a = await at('2025-01-01T08:00:00Z', build);
    const b = await at('2025-06-30T17:59:58Z', build);
    expect(sha256(a)).not.toBe(sha256(b));
    const na = normalizeOoxml(a, WHEN);
    expect(sha256(na)).toBe(sha256(normalizeOoxml(b, WHEN)));
    const files = unzipSync(na);
    const text = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    expect(text).not.toMatch(/rId[A-Za-z0-9_-]{21}/);
    expect(strFromU8(files['word/_rels/document.xml.rels']!)).toContain('Id="rIdX1"');
    expect(strFromU8(files['docProps/core.xml']!)).toMatch(/<dcterms:created[^>]*>2024-03-31T00:00:00Z</);
  });

  it('gives the same bytes whatever the time zone', () => {
    const zip = tablesToXlsx([sample], { title: sample.title, when: WHEN });
    const saved = process.env.TZ;
    return zip.then((bytes) => {
      const hashes = ['UTC', 'Asia/Shanghai', 'America/New_York'].map((tz) => {
        process.env.TZ = tz; // Note: Node honours TZ changes at run time
        return sha256(normalizeOoxml(bytes, WHEN));
      });
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
      expect(new Set(hashes).size).toBe(1);
    });
  });
});

describe('cellText and cellNumber agree', () => {
  const shown = (value: CellValue) => {
    const n = cellNumber(value);
    return n === null ? null : formatByNumFmt(n.value, n.numFmt);
  };
  const scaled = (big: bigint, places: number) => new Money(big.toString()).div(new Money(10).pow(places));

  it('prints "—" for 不适用 and nothing for empty, and stores neither as a number', () => {
    expect([cellText({ kind: 'na' }), cellText({ kind: 'empty' })]).toEqual(['—', '']);
    expect([cellNumber({ kind: 'na' }), cellNumber({ kind: 'empty' }), cellNumber({ kind: 'text', text: '1' })]).toEqual([null, null, null]);
  });

  it('formats tricky values the way the tables print them', () => {
    expect(cellText({ kind: 'amount', value: d('1.005') })).toBe('1.01');
    expect(shown({ kind: 'amount', value: d('1.005') })).toBe('1.01');
    expect(shown({ kind: 'amount', value: d('-0.001') })).toBe('0.00');
    expect(cellText({ kind: 'percent', value: d('1') })).toBe('100.00%');
    expect(cellNumber({ kind: 'percent', value: d('0.951249') })).toEqual({ value: 0.9512, numFmt: '0.00%' });
    expect(cellNumber({ kind: 'score', value: d('40') })).toEqual({ value: 40, numFmt: '0' });
    expect(cellNumber({ kind: 'score', value: d('9.5') })).toEqual({ value: 9.5, numFmt: '0.00' });
    expect(cellNumber({ kind: 'number', value: d('92') })).toEqual({ value: 92, numFmt: '0' });
  });

  it('amounts: the XLSX number shown with its format equals the DOCX text (cents)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), (cents) => {
        const value: CellValue = { kind: 'amount', value: scaled(cents, 2) };
        expect(shown(value)).toBe(cellText(value));
      }),
    );
  });

  it('amounts: the same holds for unrounded amounts and half-cent ties', () => {
    const micro = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map((m) => scaled(m, 6));
    const ties = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map((c) => scaled(c * 10n + 5n, 3));
    fc.assert(
      fc.property(fc.oneof(micro, ties), (x) => {
        const value: CellValue = { kind: 'amount', value: x };
        expect(shown(value)).toBe(cellText(value));
      }),
    );
  });

  it('percents: the XLSX fraction shown as 0.00% equals the DOCX text', () => {
    const fraction = fc.bigInt({ min: -(10n ** 10n), max: 10n ** 10n }).map((n) => scaled(n, 8));
    const ties = fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }).map((n) => scaled(n * 10n + 5n, 5));
    fc.assert(
      fc.property(fc.oneof(fraction, ties), (x) => {
        const value: CellValue = { kind: 'percent', value: x };
        expect(shown(value)).toBe(cellText(value));
      }),
    );
  });

  it('scores and plain numbers: the XLSX number shown with its format equals the DOCX text', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('score' as const, 'number' as const),
        (n, places, kind) => {
          const value: CellValue = { kind, value: scaled(n, places) };
          expect(shown(value)).toBe(cellText(value));
        },
      ),
    );
  });
});
