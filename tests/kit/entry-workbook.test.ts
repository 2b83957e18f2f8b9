/** The data-entry workbook: YAML → workbook → YAML keeps every derived figure, errors point at cells, the drop-downs are there. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { readInputFile } from '../../src/load/read-file.js';
import { numberText, rawValue } from '../../src/load/read-workbook.js';
import { validateUnit } from '../../src/load/validate.js';
import { convertInput } from '../../src/run/convert.js';
import { formOf, profileFor, workbookLayouts } from '../../src/run/pipeline.js';
import { INPUT_SCHEMAS, PROFILES, type AnyUnit } from '../../src/profiles/registry.js';
import { formatDiagnostic, toJsonRecord } from '../../src/run/reporter.js';
import type { RunContext } from '../../src/run/context.js';
import { inputPath, memoryIo, tempDir, testContext } from '../support/fixtures.js';

const env = { SOURCE_DATE_EPOCH: '1711843200' };
const SAMPLES = ['zhanyi-renda-2023.yaml', 'zhanyi-czj-2023.yaml'];
const ROOT = join(import.meta.dirname, '..', '..');

let ctx: RunContext;
beforeAll(async () => {
  ctx = await testContext(tempDir());
});

/** Reads and validates an input file as the pipeline does (a form made by extends as its base), failing on an error. */
async function load(file: string): Promise<{ unit: AnyUnit; data: unknown; form: string }> {
  const read = await readInputFile(file, readFileSync(file), workbookLayouts(ctx));
  expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const form = await formOf(read.loaded!, ctx);
  if (!('loaded' in form)) throw new Error(form.diagnostics.map((d) => d.message).join('; '));
  const { unit, diagnostics } = validateUnit<AnyUnit>(form.loaded, INPUT_SCHEMAS);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { unit: unit!, data: read.loaded!.data, form: form.profile?.profile.id ?? unit!.profile };
}

/** The profile module's derived model and composed documents (narrative and every table), as JSON. */
async function figures(file: string): Promise<{ derived: string; documents: string }> {
  const { unit, form } = await load(file);
  const lp = await profileFor(ctx, form);
  const module = PROFILES[unit.profile];
  const derived = module.derive(unit, lp.profile);
  return { derived: JSON.stringify(derived), documents: JSON.stringify(module.compose(unit, derived, lp.profile, lp.templates, ctx.render)) };
}

/** Converts `input` to `name` in a fresh folder and returns the new path. */
async function convert(input: string, name: string): Promise<string> {
  const out = join(tempDir(), name);
  const r = await convertInput(input, out, ctx);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(r.written).toBe(out);
  return out;
}

/** Converts `file` to a workbook and back, asserting both give the same derived figures and documents as `file`. */
async function expectRoundTrip(file: string): Promise<{ workbook: string; back: string }> {
  const original = await figures(file);
  const workbook = await convert(file, 'unit.xlsx');
  const back = await convert(workbook, 'unit.yaml');
  for (const f of [workbook, back]) {
    const again = await figures(f);
    expect(again.derived).toBe(original.derived);
    expect(again.documents).toBe(original.documents);
  }
  return { workbook, back };
}

/** Loads a workbook, lets `edit` change it, and saves it under a new name. */
async function editWorkbook(file: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  edit(wb);
  const out = join(tempDir(), 'edited.xlsx');
  writeFileSync(out, new Uint8Array(await wb.xlsx.writeBuffer()));
  return out;
}

describe('round trip YAML → workbook → YAML for the forms of yunnan’s input (yunnan, central)', () => {
  // Note: central is made from yunnan by extends (data only); its department table and money printing need the
  // workbook's 部门整体年度资金 rows, the stated scores and options.documents / tableMoney.
  const more = [
    inputPath('central-sthjj-2024.yaml'),
    inputPath('central-school-2024.yaml'),
    join(ROOT, 'templates', 'yunnan', 'sample.yaml'),
    join(ROOT, 'templates', 'central', 'sample.yaml'),
    join(ROOT, 'templates', 'central', 'sample-school.yaml'),
  ];
  it.each(more)('%s keeps every derived figure and every generated table text', async (file) => {
    await expectRoundTrip(file);
  });

  it('keeps options a YAML may set: narrativeLayout prose, a document set, table money', async () => {
    const text = readFileSync(inputPath('zhanyi-renda-2023.yaml'), 'utf8').replace(
      /^options:.*\n/m,
      'options:\n  narrativeLayout: prose\n  documents: [report, projectTables]\n  tableMoney: { unit: 元, places: 2, grouping: true }\n',
    );
    const file = join(tempDir(), 'options.yaml');
    writeFileSync(file, text);
    const original = await figures(file);
    const back = await convert(await convert(file, 'options.xlsx'), 'options-back.yaml');
    expect((await figures(back)).documents).toBe(original.documents);
    expect(readFileSync(back, 'utf8')).toMatch(/narrativeLayout: prose/);
  });

  it('init --xlsx --profile central writes a workbook that checks clean and builds as central', async () => {
    const dir = tempDir();
    const { io } = memoryIo();
    expect(await main(['init', '--xlsx', '--profile', 'central', join(dir, 'c.xlsx')], io)).toBe(0);
    const back = await convert(join(dir, 'c.xlsx'), 'c.yaml');
    expect(readFileSync(back, 'utf8')).toMatch(/^profile: central/m);
    expect((await figures(back)).documents).toBe((await figures(join(ROOT, 'templates', 'central', 'sample.yaml'))).documents);
  });
});

describe('the blank workbook (init --xlsx --blank)', () => {
  it('has every sheet and only 格式 filled in, gives the same bytes twice, and reports what is missing at its cells', async () => {
    const dir = tempDir();
    const write = async (name: string, profile = 'yunnan') => {
      const m = memoryIo();
      expect(await main(['init', '--xlsx', '--blank', '--profile', profile, join(dir, name)], m.io), m.stderr()).toBe(0);
      return readFileSync(join(dir, name));
    };
    const a = await write('a.xlsx');
    expect(Buffer.compare(a, await write('b.xlsx'))).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(a as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '单位', '收入', '年度目标', '重点任务', '部门指标', '项目', '调整预算', '项目指标', '检查设置']);
    expect(wb.getWorksheet('项目')!.rowCount).toBe(2);
    const read = await readInputFile(join(dir, 'a.xlsx'), a);
    expect(read.loaded?.data).toEqual({ profile: 'yunnan', projects: [] });
    const m = memoryIo();
    expect(await main(['check', join(dir, 'a.xlsx')], m.io)).toBe(1);
    expect(m.stdout()).toMatch(/a\.xlsx!单位!B\d+ +error +E-REQUIRED +年度/);
    const central = await readInputFile(join(dir, 'c.xlsx'), await write('c.xlsx', 'central'));
    expect(central.loaded?.data).toEqual({ profile: 'central', projects: [] });
  });

  it('is refused without --xlsx', async () => {
    const dir = tempDir();
    const y = memoryIo();
    expect(await main(['init', '--blank', join(dir, 'a.yaml')], y.io)).toBe(2);
    expect(y.stderr()).toContain('--blank 只用于 Excel 填报工作簿');
  });
});

describe('round trip YAML → workbook → YAML (yunnan)', () => {
  it.each(SAMPLES)('%s keeps every derived figure and every generated table text', async (name) => {
    const original = await figures(inputPath(name));
    const workbook = await convert(inputPath(name), 'unit.xlsx');
    const back = await convert(workbook, 'unit.yaml');
    for (const file of [workbook, back]) {
      const again = await figures(file);
      expect(again.derived).toBe(original.derived);
      expect(again.documents).toBe(original.documents);
    }
    // Note: the workbook stores 6.00 as the number 6; the YAML writer prints amounts with two decimals again.
    expect(readFileSync(back, 'utf8')).toMatch(/^ {6}current: # 当年财政拨款\n {8}initialBudget: \d+\.\d\d # /m);
  });

  it('writes the same workbook bytes twice', async () => {
    const a = readFileSync(await convert(inputPath(SAMPLES[1]!), 'a.xlsx'));
    const b = readFileSync(await convert(inputPath(SAMPLES[1]!), 'b.xlsx'));
    expect(Buffer.compare(a, b)).toBe(0);
  });
});

describe('the generated workbook', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await convert(inputPath('zhanyi-czj-2023.yaml'), 'czj.xlsx')) as unknown as ExcelJS.Buffer);
  });
  const sheet = (name: string) => wb.getWorksheet(name)!;
  /** The column letter under a header text in the last header row. */
  const column = (ws: ExcelJS.Worksheet, headerRow: number, title: string) => {
    let found = '';
    ws.getRow(headerRow).eachCell((c) => {
      if (c.value === title && !found) found = c.address.replace(/\d+$/, '');
    });
    expect(found, title).not.toBe('');
    return found;
  };

  it('has the sheets in Chinese, with frozen headers and column widths', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '单位', '收入', '年度目标', '重点任务', '部门指标', '项目', '调整预算', '项目指标', '检查设置']);
    expect(sheet('项目').views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 1 });
    expect(sheet('项目指标').views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet('单位').views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet('项目').getCell('E1').value).toBe('当年财政拨款');
    expect(sheet('项目').getCell('E2').value).toBe('年初预算数');
    expect(sheet('项目').getCell('E3').value).toBe(113.41);
    expect(sheet('项目').getColumn('B').width).toBeGreaterThan(20);
    expect(sheet('项目指标').getCell('A3').value).toBe('zhuanwang');
  });

  it('offers drop-downs for 一级/二级指标, 指标性质, 度量单位 and 项目标识', () => {
    const ws = sheet('项目指标');
    const dv = (title: string, row = 3) => ws.getCell(`${column(ws, 2, title)}${row}`).dataValidation;
    expect(dv('一级指标')).toMatchObject({ type: 'list', formulae: ['"产出指标,效益指标,满意度指标"'] });
    expect(dv('二级指标').formulae[0]).toContain('可持续影响指标');
    expect(dv('指标性质', 500)).toMatchObject({ type: 'list', formulae: ['"≥,>,=,≤,<,定性"'] });
    // Note: other units stay allowed, so the 度量单位 list never rejects what is typed.
    expect(dv('度量单位')).toMatchObject({ type: 'list' });
    expect(dv('度量单位').showErrorMessage).toBeFalsy();
    expect(dv('度量单位').formulae[0]).toContain('人次');
    expect(dv('项目标识')).toMatchObject({ type: 'list', formulae: ["'项目'!$A$3:$A$1002"] });
    expect(dv('定性达成情况')).toMatchObject({ type: 'list', formulae: ['"达成,部分达成,未达成"'] });
  });

  it('checks amounts as non-negative numbers with at most two decimals', () => {
    const ws = sheet('项目');
    expect(ws.getCell('E3').dataValidation).toMatchObject({ type: 'custom', formulae: ['AND(ISNUMBER(E3),E3>=0,ROUND(E3,2)=E3)'], showErrorMessage: true });
    expect(ws.getCell('E3').numFmt).toBe('0.00');
    expect(sheet('调整预算').getCell('B2').dataValidation.formulae[0]).toBe('AND(ISNUMBER(B2),ROUND(B2,2)=B2)');
    const unitSheet = sheet('单位');
    let basic = '';
    unitSheet.eachRow((row) => {
      if (row.getCell(4).value === 'finance.basicExpenditure') basic = row.getCell(2).address;
    });
    expect(unitSheet.getCell(basic).value).toBe(1157.34);
    expect(unitSheet.getCell(basic).dataValidation).toMatchObject({ type: 'custom' });
  });

  it('protects every sheet without a password, leaving only the cells to fill unlocked', () => {
    for (const ws of wb.worksheets) {
      const p = (ws as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
      expect(p, ws.name).toMatchObject({ sheet: true, insertRows: true, deleteRows: true });
      expect(p?.['hashValue'], ws.name).toBeUndefined();
    }
    const locked = (c: ExcelJS.Cell) => c.protection?.locked !== false;
    expect(locked(sheet('项目').getCell('E1'))).toBe(true);
    expect(locked(sheet('项目').getCell('E2'))).toBe(true);
    expect(locked(sheet('项目').getCell('E3'))).toBe(false);
    expect(sheet('项目').getColumn('B').protection).toMatchObject({ locked: false });
    const unitSheet = sheet('单位');
    expect(locked(unitSheet.getCell('A2'))).toBe(true);
    let year = '';
    unitSheet.eachRow((row) => {
      if (row.getCell(4).value === 'year') year = row.getCell(2).address;
    });
    expect(locked(unitSheet.getCell(year))).toBe(false);
    expect(locked(unitSheet.getCell(year.replace('B', 'D')))).toBe(true);
  });

  it('explains itself on the 说明 sheet', () => {
    const text = sheet('说明').getSheetValues().flat().join('\n');
    expect(text).toContain('项目指标!F7');
    expect(text).toContain('离线网页');
    // Note: a clerk may have no command line: the sheet never tells them to type one.
    expect(text).not.toMatch(/npx|jixiao (check|build|convert|init)/);
  });
});

describe('errors in a workbook are located at cells', () => {
  let workbook: string;
  beforeAll(async () => {
    workbook = await convert(inputPath('zhanyi-czj-2023.yaml'), 'czj.xlsx');
  });
  const problems = async (file: string) => {
    const read = await readInputFile(file, readFileSync(file));
    return read.loaded && read.diagnostics.length === 0 ? validateUnit<AnyUnit>(read.loaded, INPUT_SCHEMAS).diagnostics : read.diagnostics;
  };

  it('puts a bad amount at its cell, and prints it as file.xlsx!Sheet!C7', async () => {
    const file = await editWorkbook(workbook, (wb) => {
      wb.getWorksheet('项目')!.getCell('F4').value = '八百';
    });
    const ds = await problems(file);
    expect(ds).toMatchObject([{ code: 'E-SCHEMA', path: ['projects', 1, 'funds', 'current', 'adjustedBudget'], cell: '项目!F4' }]);
    expect(formatDiagnostic(ds[0]!)).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}!项目!F4  error  E-SCHEMA  `));
    expect(toJsonRecord(ds[0]!)).toMatchObject({ file, cell: '项目!F4' });
  });

  it('reports a column it does not know at its header, so typed data is never dropped silently', async () => {
    const file = await editWorkbook(workbook, (wb) => {
      wb.getWorksheet('收入')!.getCell('C1').value = '备注';
    });
    expect(await problems(file)).toMatchObject([{ code: 'E-UNKNOWN-KEY', cell: '收入!C1', actual: '备注' }]);
  });

  it('puts a missing value at the empty cell, and a child row with an unknown project at its 项目标识', async () => {
    const file = await editWorkbook(workbook, (wb) => {
      wb.getWorksheet('项目指标')!.getCell('D5').value = null;
      wb.getWorksheet('单位')!.eachRow((row) => {
        if (row.getCell(4).value === 'unit.name') row.getCell(2).value = null;
      });
    });
    expect(await problems(file)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'E-REQUIRED', path: ['unit', 'name'], cell: expect.stringMatching(/^单位!B\d+$/) }),
        expect.objectContaining({ code: 'E-REQUIRED', path: ['projects', 0, 'indicators', 2, 'name'], cell: '项目指标!D5' }),
      ]),
    );
    const orphan = await editWorkbook(workbook, (wb) => {
      wb.getWorksheet('项目指标')!.getCell('A7').value = 'nosuch';
    });
    expect(await problems(orphan)).toMatchObject([{ code: 'E-SCHEMA', cell: '项目指标!A7', actual: 'nosuch' }]);
  });

  it('places check warnings at cells when building from a workbook', async () => {
    const { io, stdout } = memoryIo(env);
    expect(await main(['check', workbook], io)).toBe(0);
    expect(stdout()).toMatch(/czj\.xlsx!项目指标!G9 {2}warning {2}W-UNIT-CATEGORY/);
  });

  it('refuses a workbook that is not a data-entry workbook', async () => {
    const out = tempDir();
    const { io } = memoryIo(env);
    expect(await main(['build', inputPath('zhanyi-czj-2023.yaml'), '-o', out], io)).toBe(0);
    const report = join(out, '2023', 'ZY-CZJ', '2023年度绩效自评-曲靖市沾益区财政局.xlsx');
    expect(await problems(report)).toMatchObject([{ code: 'E-INPUT-UNREADABLE' }]);
  });
});

describe('cell values reach the schema as the YAML reader gives them', () => {
  it('turns numbers into the text Excel shows, dates into YYYY-MM-DD', () => {
    expect(numberText(113.41)).toBe('113.41');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(rawValue({ formula: 'SUM(A1:A2)', result: 1522.66 })).toBe('1522.66');
    expect(rawValue(new Date(Date.UTC(2025, 2, 31)))).toBe('2025-03-31');
    expect(rawValue({ richText: [{ text: '财政' }, { text: '拨款' }] })).toBe('财政拨款');
    expect(rawValue('   ')).toBeUndefined();
  });
});

describe('jixiao init --xlsx and jixiao convert', () => {
  it('writes a sample workbook that passes check and builds', async () => {
    const dir = tempDir();
    const file = join(dir, '填报.xlsx');
    const { io, stdout } = memoryIo(env);
    expect(await main(['init', '--xlsx', file], io)).toBe(0);
    expect(stdout()).toContain('已写出示例填报工作簿');
    const check = memoryIo(env);
    expect(await main(['check', file], check.io)).toBe(0);
    const again = memoryIo(env);
    expect(await main(['init', '--xlsx', file], again.io)).toBe(2);
    expect(again.stderr()).toContain('已存在');
    const out = tempDir();
    expect(await main(['build', file, '-o', out], memoryIo(env).io)).toBe(0);
    expect(existsSync(join(out, '2024', 'SL-WHG'))).toBe(true);
  });

  it('converts YAML to a workbook and back, and refuses invalid input or an unknown extension', async () => {
    const dir = tempDir();
    const xlsx = join(dir, 'czj.xlsx');
    const yaml = join(dir, 'czj.yaml');
    expect(await main(['convert', inputPath('zhanyi-czj-2023.yaml'), xlsx], memoryIo(env).io)).toBe(0);
    expect(await main(['convert', xlsx, yaml], memoryIo(env).io)).toBe(0);
    expect(readFileSync(yaml, 'utf8')).toContain('name: 曲靖市沾益区财政局 # 单位名称');

    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(yaml, 'utf8').replace('initialBudget: 113.41', 'initialBudget: 八百'));
    const invalid = memoryIo(env);
    expect(await main(['convert', bad, join(dir, 'bad.xlsx')], invalid.io)).toBe(1);
    expect(invalid.stderr()).toMatch(/bad\.yaml:\d+:\d+ {2}error {2}E-SCHEMA/);
    expect(existsSync(join(dir, 'bad.xlsx'))).toBe(false);
    expect(await main(['convert', yaml, join(dir, 'x.txt')], memoryIo(env).io)).toBe(2);
  });
});

describe('workbooks generated from a form’s input schema (gansu, ningxia, sichuan)', () => {
  const samples = [
    inputPath('zhengning-renda-2023.yaml'),
    inputPath('hongsibu-renda-2023.yaml'),
    inputPath('ziyang-renda-2023.yaml'),
    join(ROOT, 'templates', 'gansu', 'sample.yaml'),
    join(ROOT, 'templates', 'ningxia', 'sample.yaml'),
    join(ROOT, 'templates', 'sichuan', 'sample.yaml'),
  ];
  /** The DOCX and XLSX that `jixiao build` writes for one input, by file name. */
  const built = async (file: string): Promise<Map<string, Buffer>> => {
    const out = tempDir();
    const m = memoryIo(env);
    expect(await main(['build', file, '-o', out], m.io), m.stderr()).toBe(0);
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(docx|xlsx)$/.test(f) && !f.includes('汇总表'));
    expect(files.length).toBeGreaterThan(0);
    return new Map(files.map((f) => [f, readFileSync(join(out, f))]));
  };

  it.each(samples)('%s round-trips YAML → workbook → YAML with every figure, and builds byte-identical documents from the workbook', async (file) => {
    const { workbook } = await expectRoundTrip(file);
    const fromYaml = await built(file);
    const fromWorkbook = await built(workbook);
    expect([...fromWorkbook.keys()]).toEqual([...fromYaml.keys()]);
    for (const [name, bytes] of fromYaml) expect(Buffer.compare(fromWorkbook.get(name)!, bytes), name).toBe(0);
  });

  it('lays each form out from its schema: a 单位 sheet in sections, one sheet per list, columns under their Chinese names', async () => {
    const dir = tempDir();
    const sheets = async (profile: string) => {
      const m = memoryIo();
      expect(await main(['init', '--xlsx', '--blank', '--profile', profile, join(dir, `${profile}.xlsx`)], m.io), m.stderr()).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(join(dir, `${profile}.xlsx`)) as unknown as ExcelJS.Buffer);
      return wb;
    };
    const gansu = await sheets('gansu');
    expect(gansu.worksheets.map((w) => w.name)).toEqual(['说明', '单位', '部门预算·项目支出·明细', '绩效指标', '检查设置']);
    const items = gansu.getWorksheet('部门预算·项目支出·明细')!;
    expect([1, 2, 3].map((c) => items.getCell(1, c).value)).toEqual(['功能分类编码', '名称', '金额']);
    const indicators = gansu.getWorksheet('绩效指标')!;
    // Two header rows where columns are grouped (人工调分 over 分值 and 理由); 定性达成情况 offers the words, not the codes.
    expect(indicators.getCell(1, 1).value).toBe('一级指标');
    const headers = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).filter((v) => typeof v === 'string');
    expect(headers(indicators, 2)).toEqual(expect.arrayContaining(['分值', '理由']));
    const achievement = headers(indicators, 1).indexOf('定性指标达成情况') + 1;
    expect(indicators.getCell(3, achievement).dataValidation).toMatchObject({ type: 'list', formulae: ['"达成,部分达成,未达成"'] });
    const unitRows = (wb: ExcelJS.Workbook) => {
      const rows: string[] = [];
      wb.getWorksheet('单位')!.eachRow((row) => {
        rows.push(`${String(row.getCell(1).value)}|${String(row.getCell(4).value ?? '')}`);
      });
      return rows;
    };
    expect(unitRows(gansu)).toEqual(expect.arrayContaining(['公文|', '发文字号·发文顺序号|document.docNumber.seq', '版记·抄送机关|document.colophon.cc']));
    const ningxia = await sheets('ningxia');
    expect(ningxia.worksheets.map((w) => w.name)).toEqual(['说明', '单位', '本级项目', '检查设置']);
    expect(unitRows(ningxia)).toEqual(expect.arrayContaining(['自评情况|', '实施情况|narrative.activities', '落款|']));
    const read = await readInputFile(join(dir, 'ningxia.xlsx'), readFileSync(join(dir, 'ningxia.xlsx')), workbookLayouts(ctx));
    expect(read.loaded?.data).toEqual({ profile: 'ningxia', projects: [] });
  });

  it('reads a list typed one item per line, and locates a bad cell of a generated sheet', async () => {
    const workbook = await convert(inputPath('zhengning-renda-2023.yaml'), 'zn.xlsx');
    const problems = async (file: string) => {
      const read = await readInputFile(file, readFileSync(file), workbookLayouts(ctx));
      return read.loaded && read.diagnostics.length === 0 ? validateUnit<AnyUnit>(read.loaded, INPUT_SCHEMAS).diagnostics : read.diagnostics;
    };
    const column = (ws: ExcelJS.Worksheet, title: string) => (ws.getRow(1).values as unknown[]).indexOf(title);
    const bad = await editWorkbook(workbook, (wb) => {
      const ws = wb.getWorksheet('部门预算·项目支出·明细')!;
      ws.getCell(3, column(ws, '金额')).value = '五万';
    });
    const ds = await problems(bad);
    expect(ds).toMatchObject([{ code: 'E-SCHEMA', path: ['budget', 'projects', 'items', 1, 'amount'], cell: '部门预算·项目支出·明细!C3' }]);
    const lines = await editWorkbook(workbook, (wb) => {
      wb.getWorksheet('单位')!.eachRow((row) => {
        if (row.getCell(4).value === 'document.issuerMark') row.getCell(2).value = '正宁县人大常委会办公室\n\n  文件  ';
      });
    });
    const read = await readInputFile(lines, readFileSync(lines), workbookLayouts(ctx));
    expect((read.loaded!.data as { document: { issuerMark: string[] } }).document.issuerMark).toEqual(['正宁县人大常委会办公室', '文件']);
  });

  describe('sichuan: keyed 计分表 lines, lists inside each project, answers and 计算参数 in one cell', () => {
    let file: string;
    let wb: ExcelJS.Workbook;
    beforeAll(async () => {
      file = await convert(inputPath('ziyang-renda-2023.yaml'), 'zy.xlsx');
      wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
    });
    const headers = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
    /** The row of a record sheet whose 代号 (in column `keyCol`) is `key`, and of `project` in column A when given. */
    const rowOf = (ws: ExcelJS.Worksheet, keyCol: number, key: string, project?: string) => {
      let found = 0;
      ws.eachRow((row, r) => {
        if (!found && row.getCell(keyCol).value === key && (project === undefined || row.getCell(1).value === project)) found = r;
      });
      expect(found, key).toBeGreaterThan(0);
      return found;
    };
    const problems = async (f: string) => {
      const read = await readInputFile(f, readFileSync(f), workbookLayouts(ctx));
      return read.loaded && read.diagnostics.length === 0 ? validateUnit<AnyUnit>(read.loaded, INPUT_SCHEMAS).diagnostics : read.diagnostics;
    };

    it('has a sheet per list and per keyed map, child sheets naming their project, and 代号 columns', () => {
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        '说明',
        '单位',
        '部门整体支出·绩效指标',
        '部门整体支出·自评计分表·三级指标',
        '项目支出',
        '项目支出·项目资金·调整预算',
        '项目支出·绩效指标',
        '项目支出·自评计分表·三级指标',
        '代号',
        '检查设置',
      ]);
      const dept = wb.getWorksheet('部门整体支出·自评计分表·三级指标')!;
      expect(headers(dept, 2).slice(1, 7)).toEqual(['三级指标代号', '三级指标名称', '各评分要点是否符合', '各季度完成情况', '实现程度', '计算参数']);
      const goal = rowOf(dept, 1, 'goalReasonable');
      expect(dept.getCell(goal, 3).value).toBe('是、是、是');
      expect(dept.getCell(rowOf(dept, 1, 'threePublicChange'), 6).value).toBe('thisYear：4.17\nlastYear：23.8');
      // The 名称 is looked up from the 代号 sheet (the rubric's wording), cached for readers that do not calculate, and locked.
      const names = wb.getWorksheet('代号')!;
      expect([1, 2, 4, 5].map((c) => names.getCell(2, c).value)).toEqual(['代号', '名称', '代号', '名称']);
      expect(dept.getCell(goal, 2).value).toMatchObject({ formula: expect.stringContaining('VLOOKUP(A'), result: '绩效目标合理性' });
      expect(dept.getCell(goal, 2).protection?.locked).not.toBe(false);
      expect(dept.getCell(goal, 1).dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^'代号'!\$A\$3:\$A\$\d+$/)] });
      const project = wb.getWorksheet('项目支出·自评计分表·三级指标')!;
      expect(headers(project, 2).slice(1, 4)).toEqual(['项目标识', '三级指标代号', '三级指标名称']);
      expect(project.getCell(3, 1).dataValidation).toMatchObject({ type: 'list', formulae: ["'项目支出'!$A$3:$A$1002"] });
      expect(project.getCell(3, 2).dataValidation.formulae[0]).toMatch(/^'代号'!\$D\$3:\$D\$\d+$/);
      expect(project.getCell(3, 2).value).toBe('projectApproval');
      expect(project.getCell(3, 3).value).toMatchObject({ result: '项目立项规范性' });
      // The 指标值 column follows 指标性质, as a person reads an indicator.
      expect(headers(wb.getWorksheet('项目支出·绩效指标')!, 1).slice(5, 8)).toEqual(['指标性质', '指标值', '单位']);
    });

    it('locates an answer that is not 是/否, a 计算参数 that is not a number, and a repeated or missing 代号 at their cells', async () => {
      const dept = wb.getWorksheet('部门整体支出·自评计分表·三级指标')!;
      const goal = rowOf(dept, 1, 'goalReasonable');
      const staff = rowOf(dept, 1, 'staffControl');
      const bad = await editWorkbook(file, (w) => {
        const ws = w.getWorksheet(dept.name)!;
        ws.getCell(goal, 3).value = '是、也许、是';
        ws.getCell(staff, 6).value = 'staffActual：四十八\nstaffQuota：52';
      });
      expect(await problems(bad)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'E-SCHEMA', path: ['dept', 'scoresheet', 'lines', 'goalReasonable', 'answers', 1], cell: `${dept.name}!C${goal}` }),
          expect.objectContaining({
            code: 'E-SCHEMA',
            path: ['dept', 'scoresheet', 'lines', 'staffControl', 'values', 'staffActual'],
            cell: `${dept.name}!F${staff}`,
          }),
        ]),
      );
      const clarity = rowOf(dept, 1, 'indicatorClarity');
      const repeated = await editWorkbook(file, (w) => {
        const ws = w.getWorksheet(dept.name)!;
        ws.getCell(staff, 1).value = 'goalReasonable';
        ws.getCell(clarity, 1).value = null;
      });
      expect(await problems(repeated)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'E-REQUIRED', cell: `${dept.name}!A${clarity}` }),
          expect.objectContaining({ code: 'E-SCHEMA', cell: `${dept.name}!A${staff}`, actual: 'goalReasonable' }),
        ]),
      );
    });

    it('reads the same 代号 under two projects as two entries, and init --xlsx --profile sichuan writes a workbook that checks clean', async () => {
      const read = await readInputFile(file, readFileSync(file), workbookLayouts(ctx));
      const projects = (read.loaded!.data as { projects: { scoresheet: { lines: Record<string, unknown> } }[] }).projects;
      expect(projects.length).toBeGreaterThan(1);
      for (const p of projects) expect(Object.keys(p.scoresheet.lines)).toContain('projectApproval');
      const dir = tempDir();
      const m = memoryIo(env);
      expect(await main(['init', '--xlsx', '--profile', 'sichuan', join(dir, 's.xlsx')], m.io), m.stderr()).toBe(0);
      const check = memoryIo(env);
      expect(await main(['check', join(dir, 's.xlsx')], check.io), check.stdout()).toBe(0);
      const blank = memoryIo(env);
      expect(await main(['init', '--xlsx', '--blank', '--profile', 'sichuan', join(dir, 'b.xlsx')], blank.io), blank.stderr()).toBe(0);
      // The blank workbook starts the department's 计分表 with a row per 三级指标 of the rubric, to be filled in.
      const empty = await readInputFile(join(dir, 'b.xlsx'), readFileSync(join(dir, 'b.xlsx')), workbookLayouts(ctx));
      const lines = (empty.loaded!.data as { dept: { scoresheet: { lines: Record<string, object> } } }).dept.scoresheet.lines;
      expect(Object.keys(lines).slice(0, 3)).toEqual(['goalReasonable', 'indicatorClarity', 'staffControl']);
      expect(Object.values(lines).every((l) => Object.keys(l).length === 0)).toBe(true);
    });
  });
});
