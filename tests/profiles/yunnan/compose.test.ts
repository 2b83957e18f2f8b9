/** The composed Yunnan tables: the cells a finance reviewer checks, built from the derived model. */
import { describe, expect, it } from 'vitest';
import { projectTableView } from '../../../src/profiles/yunnan/compose/project-table-view.js';
import { composeTable } from '../../../src/compose/table-layout/compose.js';
import { deptTableView } from '../../../src/profiles/yunnan/compose/dept-table-view.js';
import { placeCells } from '../../../src/write/table-grid.js';
import { cellText } from '../../../src/write/cell-text.js';
import type { Table } from '../../../src/model/doc.js';
import type { Derived } from '../../../src/model/derived.js';
import type { UnitYear } from '../../../src/model/unit-year.js';
import { keyTask, projectIndicator, run, setFunds, rebalance, withChange, yunnan } from '../../support/unit-builder.js';

/** Rows of a table as printed texts, covered cells left out. */
const texts = (t: Table): string[][] => placeCells(t).rows.map((r) => r.map((p) => cellText(p.cell.value)));
/** The Y3 table of the first project, from the shipped declaration. */
const projectTable = (u: UnitYear, d: Derived) => composeTable(yunnan.tables['project']!, projectTableView(u, u.projects[0]!, d.projects[0]!, 0, yunnan));
const rowStarting = (t: Table, first: string): string[] => texts(t).find((r) => r.includes(first)) ?? [];

describe('project table (Y3)', () => {
  it('prints a manual override with its reason in 偏差原因分析及改进措施, and totals with the override', () => {
    const raw = withChange((u) => {
      projectIndicator(u, 0, 2).scoreOverride = { value: '8', reason: '满意度调查样本不足，酌情扣分' };
    });
    const { unit, derived, diagnostics } = run(raw);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const t = projectTable(unit, derived);
    const name = unit.projects[0]!.indicators[2]!.name;
    const row = rowStarting(t, name);
    expect(row.slice(-3)).toEqual(['10', '8', '人工调分理由：满意度调查样本不足，酌情扣分']);
    expect(rowStarting(t, '总分').slice(1)).toEqual(['100', '98', '优']);
  });

  it('prints 执行率 and its score from the displayed amounts, and "—" where a rate has no base', () => {
    const raw = withChange((u) => {
      setFunds(u, 0, '30.00', '30.00', '24.05');
      rebalance(u);
      keyTask(u, 0).lowExecutionReason = '部分培训延至次年';
    });
    const { unit, derived } = run(raw);
    const t = projectTable(unit, derived);
    expect(rowStarting(t, '年度资金总额').slice(1)).toEqual(['30.00', '30.00', '24.05', '10', '80.17%', '8.02']);
    expect(rowStarting(t, '其他资金').slice(1)).toEqual(['—', '—', '—', '—', '', '—']);
  });

  it('prints a 元 input in 万元 under the 万元 header, converted exactly and rounded once', () => {
    const raw = withChange((u) => {
      u.amountUnit = '元';
      setFunds(u, 0, '300000.00', '300000.00', '240512.34');
    });
    const { unit, derived } = run(raw);
    const t = projectTable(unit, derived);
    expect(rowStarting(t, '项目资金（万元）').length).toBeGreaterThan(0);
    expect(rowStarting(t, '年度资金总额').slice(1, 4)).toEqual(['30.00', '30.00', '24.05']);
  });

  it('spans 一级指标 over all its rows and 二级指标 over its own, in framework order', () => {
    const { unit, derived } = run(withChange(() => undefined));
    const t = projectTable(unit, derived);
    const grid = placeCells(t);
    const firstIndicatorRow = grid.rows.findIndex((r) => r.some((p) => cellText(p.cell.value) === '产出指标'));
    const level1 = grid.rows[firstIndicatorRow]!.find((p) => cellText(p.cell.value) === '产出指标')!;
    const produced = unit.projects[0]!.indicators.filter((i) => i.level1 === '产出指标').length;
    expect(level1.rowSpan).toBe(produced);
  });
});

describe('department table (Y2)', () => {
  it('takes key-task amounts and 执行率 from the linked project, never from typed figures', () => {
    const { unit, derived } = run(withChange(() => undefined));
    const t = composeTable(yunnan.tables['dept']!, deptTableView(unit, derived, yunnan));
    const task = derived.dept.keyTasks[0]!;
    const row = rowStarting(t, task.name);
    const p = derived.projects[task.projectIndex!]!;
    expect(row.slice(3, 8)).toEqual([p.total.adjustedBudget.toFixed(2), p.appropriation.adjustedBudget.toFixed(2), '', p.total.executed.toFixed(2), '100.00%']);
  });
});

describe('narrative layout (DOMAIN.md §3.1 narrativeLayout)', () => {
  it('lays 自评情况 out as the seeds’ table by default, and as headings and paragraphs with narrativeLayout: prose', async () => {
    const { composeDocuments } = await import('../../../src/profiles/yunnan/compose/documents.js');
    const { createTemplateEngine } = await import('../../../src/compose/templates.js');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const source = readFileSync(join(import.meta.dirname, '..', '..', '..', 'templates', 'yunnan', 'dept-report.md.hbs'), 'utf8');
    const templates = { 'dept-report.md.hbs': { name: 'dept-report.md.hbs', source } };
    const asTable = run(withChange(() => undefined));
    const tableDocs = composeDocuments(asTable.unit, asTable.derived, yunnan, templates, createTemplateEngine());
    expect(tableDocs.docx.sections[0]!.blocks.map((b) => b.type)).toEqual(['table']);
    expect(tableDocs.xlsxTables).toHaveLength(2 + asTable.unit.projects.length);

    const prose = run(
      withChange((u) => {
        u.options = { narrativeLayout: 'prose' };
      }),
    );
    const proseDocs = composeDocuments(prose.unit, prose.derived, yunnan, templates, createTemplateEngine());
    const blocks = proseDocs.docx.sections[0]!.blocks;
    expect(blocks[0]).toEqual({ type: 'title', text: `${prose.unit.year}年度部门整体支出绩效自评情况` });
    expect(blocks.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? b.text : ''))).toContain('（三）部门整体收支情况');
    expect(proseDocs.xlsxTables).toHaveLength(1 + prose.unit.projects.length);
  });
});
