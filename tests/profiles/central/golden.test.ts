/**
 * The national forms (profile `central`, data only: templates/central/ extends yunnan): the header rows of both tables
 * exactly as issue 12 lists them, the project-only 元 filing, an absent 年初预算数, stated-score audits, and the
 * golden dumps of the two sample inputs (inputs/central-*.yaml, copies of templates/central/sample*.yaml).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli.js';
import { runUnit } from '../../../src/run/pipeline.js';
import { buildInput, type Built } from '../../support/build.js';
import { docxTables, dumpDocx } from '../../support/dump.js';
import { expectGoldenDumps } from '../../support/golden.js';
import { ROOT, inputPath, memoryIo, tempDir, testContext } from '../../support/fixtures.js';
import { MINIMAL_YAML } from '../../support/minimal.js';

const DEPT = 'central-sthjj-2024.yaml';
const SCHOOL = 'central-school-2024.yaml';
const labels = (t: string[][]) => t.map((r) => r[0]);

let dept: Built;
let school: Built;
beforeAll(async () => {
  dept = await buildInput(DEPT);
  school = await buildInput(SCHOOL);
});

describe('central 部门整体支出绩效自评表 + 项目支出绩效自评表', () => {
  it('the samples shipped with the profile are the inputs built here, and build with no diagnostics', () => {
    expect(readFileSync(inputPath(DEPT), 'utf8')).toBe(readFileSync(join(ROOT, 'templates', 'central', 'sample.yaml'), 'utf8'));
    expect(readFileSync(inputPath(SCHOOL), 'utf8')).toBe(readFileSync(join(ROOT, 'templates', 'central', 'sample-school.yaml'), 'utf8'));
    expect(dept.result.diagnostics).toEqual([]);
    expect(school.result.diagnostics).toEqual([]);
  });

  it('files the two tables only (no 自评情况), each titled with （YYYY年度）', () => {
    const text = dumpDocx(dept.docx);
    expect(text).toContain('部门整体支出绩效自评表');
    expect(text).toContain('项目支出绩效自评表');
    expect(text).toContain('（2024年度）');
    expect(text).not.toContain('部门整体支出绩效自评情况');
    expect(docxTables(dept.docx)).toHaveLength(3);
  });

  it('project table: header rows, money block, goal and indicator headings, 一级指标 with weights, 总分', () => {
    const t = docxTables(dept.docx)[1]!;
    expect(t[0]).toEqual(['项目名称', '大气污染防治专项']);
    expect(t[1]).toEqual(['主管部门', '示例市生态环境局', '实施单位', '示例市生态环境监测站']);
    expect(t[2]).toEqual(['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
    expect(t[3]).toEqual(['年度资金总额', '344.60', '381.10', '372.81', '10', '97.82%', '9.78']);
    expect(t[4]).toEqual(['其中：当年财政拨款', '320.00', '356.50', '348.21', '—', '97.67%', '—']);
    expect(labels(t.slice(5, 7))).toEqual(['上年结转资金', '其他资金']);
    expect(t[6]!.slice(4)).toEqual(['—', '', '—']);
    expect(t[7]).toEqual(['年度总体目标', '预期目标', '实际完成情况']);
    expect(t[9]).toEqual(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
    expect(t[10]).toEqual(['产出指标（50分）', '数量指标', '挥发性有机物治理企业', '≥50家', '52家', '20', '20', '']);
    expect(t.find((r) => r[0] === '效益指标（30分）')).toBeDefined();
    expect(t.find((r) => r[0] === '满意度指标（10分）')).toBeDefined();
    expect(t.at(-1)).toEqual(['总分', '100', '99.78', '优']);
  });

  it('department table: 部门（单位）名称, 年度预算申请 by income and by use, 年度总体目标, indicators, 总分', () => {
    const t = docxTables(dept.docx)[0]!;
    expect(t[0]).toEqual(['部门（单位）名称', '示例市生态环境局']);
    expect(t[1]).toEqual(['年度预算申请（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
    expect(labels(t.slice(2, 10))).toEqual([
      '年度资金总额',
      '一般公共预算',
      '政府性基金',
      '国有资本经营',
      '财政专户管理资金',
      '单位资金',
      '基本支出',
      '项目支出',
    ]);
    expect(t[2]).toEqual(['年度资金总额', '1423.40', '1507.16', '1473.37', '10', '97.76%', '9.78']);
    expect(t[5]).toEqual(['国有资本经营', '', '', '', '—', '', '—']);
    expect(t[10]).toEqual(['年度总体目标', '预期目标', '实际完成情况']);
    expect(t[12]).toEqual(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
    expect(t.at(-1)).toEqual(['总分', '100', '99.78', '优']);
  });

  it('an absent 年初预算数 prints blank, in its row and in 年度资金总额 (a total over an unknown is unknown)', () => {
    const t = docxTables(dept.docx)[2]!;
    expect(t[3]).toEqual(['年度资金总额', '', '264.00', '241.64', '10', '91.53%', '9.15']);
    expect(t[4]).toEqual(['其中：当年财政拨款', '', '264.00', '241.64', '—', '91.53%', '—']);
  });

  it('the project-only 元 filing prints one project table, in 元 with separators, exact to the 分', () => {
    const tables = docxTables(school.docx);
    expect(tables).toHaveLength(1);
    expect(tables[0]![2]![0]).toBe('项目资金（元）');
    expect(tables[0]![3]).toEqual(['年度资金总额', '387,664.62', '387,664.62', '387,664.62', '10', '100.00%', '10']);
  });

  it('golden dumps (DOCX and XLSX) of both samples', async () => {
    await expectGoldenDumps(DEPT, dept);
    await expectGoldenDumps(SCHOOL, school);
  });
});

describe('auditing a published central report (stated scores)', () => {
  it('a stated 总分 or execution 得分 the rules do not give is an error at its line; the table prints the derived ones', async () => {
    const dir = tempDir();
    const file = join(dir, 'audit.yaml');
    const text = readFileSync(inputPath(DEPT), 'utf8').replace(
      'stated: { executionScore: 9.78, totalScore: 99.78 }\n    indicators',
      'stated: { executionScore: 10, totalScore: 98 }\n    indicators',
    );
    expect(text).toContain('executionScore: 10, totalScore: 98');
    writeFileSync(file, text);
    const r = await runUnit(file, await testContext(dir), { write: false });
    const line = text.split('\n').findIndex((l) => l.includes('executionScore: 10, totalScore: 98')) + 1;
    expect(r.diagnostics.map((d) => [d.code, d.path?.join('.'), d.place?.line])).toEqual([
      ['E-SCORE-UNJUSTIFIED', 'projects.0.stated.executionScore', line],
      ['E-SCORE-TOTAL', 'projects.0.stated.totalScore', line],
    ]);
  });
});

describe('jixiao init --profile central', () => {
  it('writes both commented samples, which check clean', async () => {
    const dir = tempDir();
    const file = join(dir, 'unit.yaml');
    const { io, stdout } = memoryIo();
    expect(await main(['init', file, '--profile', 'central'], io)).toBe(0);
    expect(stdout()).toContain('unit-school.yaml');
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(ROOT, 'templates', 'central', 'sample.yaml'), 'utf8'));
    const check = memoryIo();
    expect(await main(['check', file, join(dir, 'unit-school.yaml')], check.io)).toBe(0);
    expect(check.stdout() + check.stderr()).toContain('0 个错误，0 个警告');
  });
});

describe('what the central department table does not print, the input need not give', () => {
  it('needs no 部门职责 or 总体绩效目标 for central, while yunnan, whose table prints them, reports them missing', async () => {
    const dir = tempDir();
    const drop = (t: string) => t.replace(/^ {2}(mandate|overallGoal):.*\n/gm, '');
    writeFileSync(join(dir, 'central.yaml'), drop(readFileSync(inputPath(DEPT), 'utf8')));
    writeFileSync(join(dir, 'yunnan.yaml'), drop(MINIMAL_YAML));
    const ctx = await testContext(tempDir());
    const central = await runUnit(join(dir, 'central.yaml'), ctx, { write: false });
    expect(central.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const yunnan = await runUnit(join(dir, 'yunnan.yaml'), ctx, { write: false });
    expect(yunnan.diagnostics.filter((d) => d.code === 'E-REQUIRED').map((d) => d.path)).toEqual([
      ['dept', 'mandate'],
      ['dept', 'overallGoal'],
    ]);
  });
});
