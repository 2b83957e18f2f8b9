/** 表格声明与表格组装：网格排满、向下合并、去掉的列与列宽、金额单位换算、空白与 0、声明错误定位。 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeTable } from '../../src/compose/table-layout/compose.js';
import { TemplateError } from '../../src/compose/templates.js';
import type { TableView } from '../../src/compose/table-layout/view.js';
import { projectTableView } from '../../src/profiles/yunnan/compose/project-table-view.js';
import { parseTableLayout } from '../../src/load/table-layout.js';
import { ProfileError, loadProfile } from '../../src/load/profile.js';
import { profileRules } from '../../src/profiles/registry.js';
import type { Table } from '../../src/model/doc.js';
import { Money } from '../../src/model/money.js';
import type { TableLayout } from '../../src/model/table-layout.js';
import { cellNumber, cellText } from '../../src/write/cell-text.js';
import { placeCells } from '../../src/write/table-grid.js';
import { ROOT, inputPath, memoryIo, tempDir } from '../support/fixtures.js';
import { run, withChange } from '../support/unit-builder.js';
import { main } from '../../src/cli.js';
import { ExitCode } from '../../src/model/diagnostic.js';
import { createContext } from '../../src/run/context.js';
import { runUnit, type UnitResult } from '../../src/run/pipeline.js';

const m = (s: string) => new Money(s);

/** A declaration from YAML text; fails the test when it is invalid. */
function layout(text: string): TableLayout {
  const r = parseTableLayout(text, 'test.yaml');
  if (!('layout' in r)) throw new Error(JSON.stringify(r.diagnostics));
  return r.layout;
}

/** Rows as printed texts; placeCells asserts that every row fills the grid exactly. */
const texts = (t: Table): string[][] => placeCells(t).rows.map((r) => r.map((p) => cellText(p.cell.value)));
const spansOf = (t: Table, text: string) =>
  placeCells(t)
    .rows.flat()
    .filter((p) => cellText(p.cell.value) === text)
    .map((p) => [p.rowSpan, p.colSpan]);

const HEAD = `id: t\nsheetName: 表\ntitle: 测试表\n`;

describe('composeTable: grid and merges', () => {
  const decl =
    layout(`id: t\nsheetName: 表\ntitle: '{year}年度测试表'\ncolumns: [{ id: a, width: 10 }, { id: b, width: 10 }, { id: c, width: 20 }, { id: d, width: 10 }]
rows:
  - [{ text: 名称, rows: 2 }, { field: name, cols: 3 }]
  - [{ text: 说明, cols: 2 }, { value: na }]
  - block:
      lead: { text: 指标 }
      rows:
        - [{ text: 二级 }, { text: 三级 }, { text: 值 }]
        - each: items
          cells:
            - { field: l2, role: header, merge: true }
            - { text: '指标{$k}:{name}', role: label }
            - { field: v, format: number }
`);
  const view: TableView = {
    year: 2024,
    name: '某单位',
    items: [
      { l2: '数量', name: '甲', v: m('1') },
      { l2: '数量', name: '乙', v: m('2') },
      { l2: '质量', name: '丙', v: m('3.5') },
    ],
  };

  it('fills every row of the grid once row spans from above are placed, and interpolates the title', () => {
    const t = composeTable(decl, view);
    expect(t.title).toBe('2024年度测试表');
    expect(texts(t)).toEqual([
      ['名称', '某单位'],
      ['说明', '—'],
      ['指标', '二级', '三级', '值'],
      ['数量', '指标1:甲', '1'],
      ['指标2:乙', '2'],
      ['质量', '指标1:丙', '3.5'],
    ]);
  });

  it('spans a lead cell over its block and merges equal values down, numbering within the merged group', () => {
    const t = composeTable(decl, view);
    expect(spansOf(t, '指标')).toEqual([[4, 1]]);
    expect(spansOf(t, '数量')).toEqual([[2, 1]]);
    expect(spansOf(t, '质量')).toEqual([[1, 1]]);
    expect(spansOf(t, '名称')).toEqual([[2, 1]]);
  });

  it('merges an inner level only while the outer level continues (二级 under a new 一级 starts again)', () => {
    const nested = layout(`${HEAD}columns: [{ id: a, width: 1 }, { id: b, width: 1 }, { id: c, width: 1 }]
rows:
  - each: items
    cells: [{ field: l1, merge: true }, { field: l2, merge: true }, { field: n }]
`);
    const t = composeTable(nested, {
      items: [
        { l1: '产出', l2: 'x', n: '1' },
        { l1: '产出', l2: 'x', n: '2' },
        { l1: '效益', l2: 'x', n: '3' },
      ],
    });
    expect(spansOf(t, '产出')).toEqual([[2, 1]]);
    expect(spansOf(t, 'x')).toEqual([
      [2, 1],
      [1, 1],
    ]);
  });

  it('rejects at load a row that overflows or does not fill the grid, or a span past the last row, at its entry', () => {
    const at = (rows: string) => {
      const r = parseTableLayout(`${HEAD}columns: [{ id: a, width: 1 }, { id: b, width: 1 }]\nrows:\n${rows}`, 't.yaml');
      return 'diagnostics' in r ? r.diagnostics.map((d) => `${d.place?.line}:${d.message}`) : [];
    };
    expect(at('  - [{ text: 甲 }, { text: 乙, cols: 2 }]\n')).toEqual(['6:表格声明的 rows.0 不符合要求：这一行的单元格超出了声明的 2 列']);
    expect(at('  - [{ text: 甲, rows: 2 }, { text: 乙 }]\n  - [{ text: 丙 }, { text: 丁 }]\n')).toEqual([
      '7:表格声明的 rows.1 不符合要求：这一行的单元格超出了声明的 2 列',
    ]);
    expect(at('  - [{ text: 甲 }]\n')[0]).toContain('只排满 1 列，应为 2 列');
    expect(at('  - [{ text: 甲, rows: 2 }, { text: 乙 }]\n')[0]).toContain('跨过了表格的最后一行');
    expect(at('  - block: { lead: { text: 甲 }, rows: [[{ text: 乙 }], { each: x, cells: [{ field: y }] }] }\n')).toEqual([]);
  });

  it('throws a TemplateError when the data cannot fit a shared span (more items than columns)', () => {
    const boxes = layout(`${HEAD}columns: [{ id: a, width: 1 }, { id: b, width: 1 }]\nrows:\n  - [{ text: 类型 }, { each: types, field: name }]\n`);
    expect(() => composeTable(boxes, { types: [{ name: '甲' }, { name: '乙' }] })).toThrow(TemplateError);
    expect(() => composeTable(boxes, { types: [{ name: '甲' }, { name: '乙' }] })).toThrow(/types 有 2 项，多于这些单元格共有的 1 列/);
  });

  it('reports a field the view does not have (a typo in the form) as E-TEMPLATE naming the file, never a blank cell', () => {
    const typo = layout(`${HEAD}columns: [{ id: a, width: 1 }]\nrows:\n  - [{ field: nmae }]\n`);
    expect(() => composeTable(typo, { name: '某单位' }, 'tables/x.yaml')).toThrow(TemplateError);
    expect(() => composeTable(typo, { name: '某单位' }, 'tables/x.yaml')).toThrow(/tables\/x.yaml.*没有字段 nmae/);
    const nested = layout(`${HEAD}columns: [{ id: a, width: 1 }]\nrows:\n  - [{ field: funds.totl.executed, format: amount }]\n`);
    expect(() => composeTable(nested, { funds: { total: { executed: m('1') } } })).toThrow(/没有字段 funds.totl.executed/);
    // Note: a path through a value that is absent (null) is a blank cell, not a mistake.
    expect(texts(composeTable(nested, { funds: { totl: null } }))).toEqual([['']]);
  });

  it('splits a shared span among the items of a list, the first ones one wider', () => {
    const boxes =
      layout(`${HEAD}columns: [{ id: a, width: 1 }, { id: b, width: 1 }, { id: c, width: 1 }, { id: d, width: 1 }, { id: e, width: 1 }, { id: f, width: 1 }, { id: g, width: 1 }]
rows:
  - [{ text: 类型 }, { each: types, field: name, cols: 6 }]
`);
    const t = composeTable(boxes, { types: [{ name: '甲' }, { name: '乙' }, { name: '丙' }, { name: '丁' }] });
    expect(placeCells(t).rows[0]!.map((p) => p.colSpan)).toEqual([1, 2, 2, 1, 1]);
  });
});

describe('composeTable: columns that a form does not have', () => {
  const decl = (present: string) =>
    layout(`${HEAD}columns:
  - { id: name, width: 10 }
  - { id: nature, width: 20, present: ${present} }
  - { id: value, width: 30 }
  - { id: unit, width: 40, present: ${present} }
rows:
  - [{ text: 指标 }, { text: 年度指标值, cols: 3 }]
  - [{ field: name }, { field: nature }, { field: value }, { field: unit }]
`);
  const view = { name: '培训人次', nature: '≥', value: '50', unit: '人次' };

  it('drops cells that lie only in absent columns and narrows the cells over them', () => {
    const full = composeTable(decl('true'), view);
    expect(texts(full)).toEqual([
      ['指标', '年度指标值'],
      ['培训人次', '≥', '50', '人次'],
    ]);
    const lean = composeTable(decl('false'), view);
    expect(texts(lean)).toEqual([
      ['指标', '年度指标值'],
      ['培训人次', '50'],
    ]);
    expect(spansOf(lean, '年度指标值')).toEqual([[1, 1]]);
  });

  it('gives the width of the dropped columns to the others in proportion, keeping the total', () => {
    expect(composeTable(decl('true'), view).columns).toEqual([10, 20, 30, 40]);
    expect(composeTable(decl('false'), view).columns).toEqual([25, 75]);
  });
});

describe('composeTable: money units, blank and zero', () => {
  const decl = (money: string) =>
    layout(`${HEAD}columns: [{ id: a, width: 1 }, { id: b, width: 1 }, { id: c, width: 1 }]
money: ${money}
rows:
  - [{ field: x, format: amount }, { field: zero, format: amount }, { field: zero, format: amount, zero: empty }]
  - [{ field: none, format: amount }, { field: none, format: percent }, { field: gone.rate, format: percent, missing: empty }]
`);

  it('converts 万元 to 元 exactly and prints it with thousands separators where the form says so', () => {
    const t = composeTable(decl('{ unit: 元, places: 2, grouping: true }'), { amountUnit: '万元', x: m('38.766462'), zero: m('0'), none: null, gone: null });
    const x = t.rows[0]![0]!.value;
    expect(x).toEqual({ kind: 'amount', value: m('387664.62'), unit: '元', places: 2, grouping: true });
    expect(cellText(x)).toBe('387,664.62');
    expect(cellNumber(x)).toEqual({ value: 387664.62, numFmt: '#,##0.00' });
    const tiny = composeTable(decl('{ unit: 元 }'), { amountUnit: '万元', x: m('0.000001'), zero: m('0'), none: null, gone: null }).rows[0]![0]!.value;
    expect(tiny.kind === 'amount' && tiny.value.equals(m('0.01'))).toBe(true);
  });

  it('converts 元 to 万元 and to 百元 exactly, rounding once when printed', () => {
    const view = { amountUnit: '元' as const, x: m('387664.62'), zero: m('0'), none: null, gone: null };
    expect(texts(composeTable(decl('{ unit: 万元 }'), view))[0]![0]).toBe('38.77');
    expect(texts(composeTable(decl('{ unit: 百元 }'), view))[0]![0]).toBe('3877');
    expect(texts(composeTable(decl('{ unit: 元 }'), view))[0]![0]).toBe('387664.62');
  });

  it('prints 0 as 0.00 unless the cell is blank-when-zero; an absent amount blank, an absent rate —, a missing row blank', () => {
    const t = composeTable(decl('{}'), { x: m('1.5'), zero: m('0'), none: null, gone: null });
    expect(texts(t)).toEqual([
      ['1.50', '0.00', ''],
      ['', '—', ''],
    ]);
  });
});

describe('composeTable: score precision per form', () => {
  it('prints scores whole when whole by default, with 2 decimals for places: 2, and rounded to whole points for places: 0', () => {
    const decl = layout(`${HEAD}columns: [{ id: a, width: 1 }, { id: b, width: 1 }, { id: c, width: 1 }, { id: d, width: 1 }]
rows:
  - [{ field: s, format: score }, { field: w, format: score }, { field: s, format: score, places: 2 }, { field: s, format: score, places: 0 }]
`);
    const t = composeTable(decl, { s: m('8.5'), w: m('10') });
    expect(texts(t)).toEqual([['8.50', '10', '8.50', '9']]);
    expect(cellNumber(t.rows[0]![3]!.value)).toEqual({ value: 9, numFmt: '0' });
  });
});

describe('parseTableLayout: mistakes in a declaration', () => {
  it('reports a wrong value as E-PROFILE at its line and column, naming the field', () => {
    const r = parseTableLayout(`${HEAD}columns: [{ id: a, width: 1 }]\nrows:\n  - [{ text: 甲, cols: 0 }]\n`, 'forms/x/tables/t.yaml');
    expect('diagnostics' in r && r.diagnostics[0]).toMatchObject({ code: 'E-PROFILE', file: 'forms/x/tables/t.yaml', place: { line: 6, column: 23 } });
    expect('diagnostics' in r && r.diagnostics[0]!.message).toContain('rows.0.0.cols');
  });

  it('reports an unknown key, a cell with both text and field, and an unknown money unit', () => {
    const r = parseTableLayout(`${HEAD}colums: []\ncolumns: [{ id: a, width: 1 }]\nmoney: { unit: 千元 }\nrows:\n  - [{ text: 甲, field: b }]\n`, 't.yaml');
    const messages = 'diagnostics' in r ? r.diagnostics.map((d) => `${d.place?.line}:${d.message}`) : [];
    expect(messages.some((x) => x.includes('colums'))).toBe(true);
    expect(messages.some((x) => x.startsWith('6:') && x.includes('万元、元 或 百元'))).toBe(true);
    expect(messages.some((x) => x.startsWith('8:') && x.includes('三者之一'))).toBe(true);
  });

  it('reports a YAML syntax error with its line, not as an internal error', () => {
    const r = parseTableLayout(`${HEAD}columns: [{ id: a, width: 1 }\nrows: []\n`, 't.yaml');
    expect('diagnostics' in r && r.diagnostics[0]).toMatchObject({ code: 'E-PROFILE', file: 't.yaml' });
    expect('diagnostics' in r && r.diagnostics[0]!.place?.line).toBeGreaterThanOrEqual(4);
  });

  it('stops the profile from loading with file:line:col when a shipped-style folder has a bad declaration', async () => {
    const dir = join(tempDir(), 'yunnan');
    cpSync(join(ROOT, 'templates', 'yunnan'), dir, { recursive: true });
    const file = join(dir, 'tables', 'project.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('orientation: portrait', 'orientation: sideways'));
    const loading = loadProfile(dir, {
      readText: (p) => readFile(p, 'utf8'),
      listDir: (p) => readdir(p),
      roots: [join(ROOT, 'templates')],
      rulesFor: profileRules,
    });
    await expect(loading).rejects.toThrow(ProfileError);
    await expect(loading).rejects.toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6:14 表格声明的 orientation`));
  });
});

describe('a look-alike project table declared in a folder of its own', () => {
  // Note: the Yunnan Y3 rows without 指标性质 and 度量单位, and amounts in 元 with separators; the money block
  // lays its amounts over the kept columns so that dropping the two columns leaves it whole.
  const DECLARATION = `id: project-{n}
sheetName: 项目{n}-{name}
title: 项目支出绩效自评表
subtitle: （{year}年度）
columns:
  - { id: level1, width: 7 }
  - { id: level2, width: 9 }
  - { id: level3, width: 22 }
  - { id: nature, width: 8, present: false }
  - { id: target, width: 10 }
  - { id: unit, width: 8, present: false }
  - { id: actual, width: 10 }
  - { id: weight, width: 10 }
  - { id: score, width: 9 }
  - { id: deviation, width: 13 }
money: { unit: 元, places: 2, grouping: true }
rows:
  - [{ text: 项目名称, cols: 2 }, { field: name, cols: 8 }]
  - [{ text: 项目资金（元）, rows: 2 }, { value: empty }, { text: 年初预算数, cols: 3 }, { text: 全年执行数, cols: 2 }, { text: 分值 }, { text: 执行率 }, { text: 得分 }]
  - [{ text: 年度资金总额, role: label }, { field: funds.total.initialBudget, format: amount, cols: 3 }, { field: funds.total.executed, format: amount, cols: 2 },
     { field: funds.executionWeight, format: score }, { field: funds.total.rate, format: percent }, { field: funds.executionScore, format: score }]
  - [{ text: 一级指标 }, { text: 二级指标 }, { text: 三级指标 }, { text: 指标性质 }, { text: 年度指标值 }, { text: 度量单位 }, { text: 实际完成值 }, { text: 分值 }, { text: 得分 }, { text: 偏差原因分析及改进措施 }]
  - each: indicators
    cells:
      - { text: '{level1}（{level1Weight}分）', merge: true }
      - { field: level2, role: header, merge: true }
      - { field: name, role: text }
      - { field: nature }
      - { field: targetWritten }
      - { field: unit }
      - { field: actualWritten }
      - { field: weight, format: score }
      - { field: score, format: score }
      - { field: deviation, role: text }
  - [{ text: 总分, cols: 7 }, { field: totalWeight, format: score }, { field: totalScore, format: score }, { field: grade }]
`;

  it('prints the 8 kept columns and 元 amounts, with no TypeScript of its own', async () => {
    // Note: a look-alike form is a folder with `extends:` and only what differs (here, one table declaration).
    const dir = join(tempDir(), 'school');
    mkdirSync(join(dir, 'tables'), { recursive: true });
    writeFileSync(join(dir, 'profile.yaml'), 'extends: yunnan\nname: 某学校项目支出绩效自评\n');
    writeFileSync(join(dir, 'tables', 'project.yaml'), DECLARATION);
    const { profile } = await loadProfile(dir, {
      readText: (p) => readFile(p, 'utf8'),
      listDir: (p) => readdir(p),
      roots: [join(ROOT, 'templates')],
      rulesFor: profileRules,
    });
    const { unit, derived } = run(withChange(() => undefined));
    const proj = unit.projects[0]!;
    const t = composeTable(profile.tables['project']!, projectTableView(unit, proj, derived.projects[0]!, 0, profile));
    const rows = texts(t);
    expect([t.title, t.subtitle]).toEqual(['项目支出绩效自评表', `（${unit.year}年度）`]);
    expect(t.columns).toHaveLength(8);
    expect(t.columns.reduce((a, b) => a + b, 0)).toBeCloseTo(106, 6);
    expect(rows[0]).toEqual(['项目名称', proj.name]);
    expect(rows[1]).toEqual(['项目资金（元）', '', '年初预算数', '全年执行数', '分值', '执行率', '得分']);
    expect(rows[2]).toEqual(['年度资金总额', '300,000.00', '300,000.00', '10', '100.00%', '10']);
    expect(rows[3]).toEqual(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
    // Note: the first indicator row carries the merged 一级 (with its weight) and 二级 cells, then 6 more.
    const first = proj.indicators[0]!;
    const row = rows.find((r) => r.includes(first.name))!;
    const level1Weight = proj.indicators.filter((i) => i.level1 === first.level1).reduce((s, i) => s + Number(i.weight), 0);
    expect(row.slice(0, 2)).toEqual([`${first.level1}（${level1Weight}分）`, first.level2]);
    expect(row[3]).toBe(`${first.nature ?? ''}${first.target}${first.unit ?? ''}`);
    expect(row).toHaveLength(8);
    expect(rows.at(-1)).toEqual(['总分', '100', '100', '优']);
  });
});

describe('a copied form with a broken table declaration', () => {
  /** `templates copy gansu` into a fresh root, one edit in tables/score.yaml, then the gansu sample built with it. */
  async function buildWith(from: string, to: string): Promise<{ result: UnitResult; file: string }> {
    const root = tempDir('jixiao-tables-');
    expect(await main(['templates', 'copy', 'gansu', root], memoryIo().io)).toBe(ExitCode.Ok);
    const file = join(root, 'gansu', 'tables', 'score.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(from);
    writeFileSync(file, text.replace(from, to));
    const ctx = await createContext({ outDir: tempDir(), templatesRoot: root, env: { SOURCE_DATE_EPOCH: '1711843200' } });
    return { result: await runUnit(inputPath('zhengning-renda-2023.yaml'), ctx, { write: true }), file };
  }

  it('builds from a copy made before forms declared their tables (no tables/), with the shipped declarations', async () => {
    const root = tempDir('jixiao-tables-');
    expect(await main(['templates', 'copy', 'gansu', root], memoryIo().io)).toBe(ExitCode.Ok);
    rmSync(join(root, 'gansu', 'tables'), { recursive: true });
    const ctx = await createContext({ outDir: tempDir(), templatesRoot: root, env: { SOURCE_DATE_EPOCH: '1711843200' } });
    const result = await runUnit(inputPath('zhengning-renda-2023.yaml'), ctx, { write: true });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.outputs.length).toBeGreaterThan(0);
  });

  it('reports a field the view lacks as E-TEMPLATE naming the declaration file, and writes nothing', async () => {
    const { result, file } = await buildWith('{ field: supervisor, cols: 3 }', '{ field: supervisr, cols: 3 }');
    expect(result.outputs).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.file])).toEqual([['E-TEMPLATE', file]]);
    expect(result.diagnostics.find((d) => d.code === 'E-TEMPLATE')!.message).toContain('supervisr');
  });

  it('reports an invalid declaration as E-PROFILE with file:line:col', async () => {
    const { result, file } = await buildWith('headerRows: 0', 'headerRows: -1');
    expect(result.outputs).toEqual([]);
    const found = result.diagnostics.filter((d) => d.code === 'E-PROFILE');
    expect(found).toHaveLength(1);
    expect([found[0]!.file, found[0]!.place]).toEqual([file, { line: 6, column: 13 }]);
    expect(found[0]!.message).toContain('表格声明的 headerRows 不符合要求');
  });
});
