/** What real filings need (issue 12): document sets, the printed money unit, absent ≠ zero, sub-rows, stated scores, weight 0. */
import { describe, expect, it } from 'vitest';
import { yunnanProfile } from '../../../src/profiles/yunnan/definition.js';
import { projectTableView } from '../../../src/profiles/yunnan/compose/project-table-view.js';
import { composeTable } from '../../../src/compose/table-layout/compose.js';
import { placeCells } from '../../../src/write/table-grid.js';
import { cellText } from '../../../src/write/cell-text.js';
import { unitYearSchema, type UnitYearInput } from '../../../src/model/unit-year.js';
import type { Table } from '../../../src/model/doc.js';
import type { Profile } from '../../../src/model/profile.js';
import type { Derived } from '../../../src/model/derived.js';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import {
  codesAndPaths,
  diagnosticsOf,
  expectFires,
  expectQuiet,
  project,
  projectIndicator,
  run,
  withChange,
  yunnan,
  type RawUnit,
} from '../../support/unit-builder.js';

const texts = (t: Table): string[][] => placeCells(t).rows.map((r) => r.map((p) => cellText(p.cell.value)));
const rowWith = (t: Table, cell: string): string[] => texts(t).find((r) => r.includes(cell)) ?? [];
const withSettings = (settings: Record<string, unknown>, over: Partial<Profile> = {}): Profile => ({
  ...yunnan,
  ...over,
  settings: { ...yunnan.settings, ...settings },
});

/** The unit through the yunnan definition (document sets apply there): validated input, derived, diagnostics, documents. */
function viaDefinition(raw: unknown, p: Profile) {
  const parsed = unitYearSchema((raw as { amountUnit?: string }).amountUnit === '元' ? '元' : '万元').safeParse(raw);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  const u = parsed.data as UnitYearInput;
  const d = yunnanProfile.derive(u, p) as Derived;
  const diagnostics: Diagnostic[] = yunnanProfile.check(u, d, p, {});
  return { u, d, diagnostics, compose: () => yunnanProfile.compose(u, d, p, undefined as never, (() => '') as never) };
}

/** A school's project-only filing: no narrative, finance or dept. */
function projectOnly(): Omit<RawUnit, 'narrative' | 'finance' | 'dept'> {
  const { narrative: _n, finance: _f, dept: _d, ...rest } = withChange(() => {});
  return rest;
}

describe('document sets (settings.documents, options.documents)', () => {
  it('a project-only filing needs no narrative, finance or dept, runs none of their checks and prints only project tables', () => {
    const { diagnostics, compose } = viaDefinition(projectOnly(), withSettings({ documents: ['projectTables'] }));
    expect(codesAndPaths(diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
    expect(diagnostics.filter((d) => ['narrative', 'finance', 'dept'].includes(String(d.path?.[0])))).toEqual([]);
    const docs = compose();
    expect(docs.xlsxTables.map((t) => t.id)).toEqual(['project-1', 'project-2']);
    expect(docs.docx.sections).toHaveLength(2);
  });

  it('the input may choose its documents with options.documents', () => {
    const { diagnostics, compose } = viaDefinition({ ...projectOnly(), options: { documents: ['projectTables'] } }, yunnan);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(compose().xlsxTables).toHaveLength(2);
  });

  it('a printed document whose part is missing is E-REQUIRED at that part, naming the document and how to drop it', () => {
    const { diagnostics } = viaDefinition(projectOnly(), withSettings({ documents: ['deptTable', 'projectTables'] }));
    const req = diagnostics.filter((d) => d.code === 'E-REQUIRED');
    expect(codesAndPaths(req)).toEqual([{ code: 'E-REQUIRED', path: ['dept'] }]);
    expect(req[0]!.message).toContain('部门整体支出绩效自评表');
    expect(req[0]!.message).toContain('options.documents');
  });

  it('the default set (as before) still requires narrative, finance and dept', () => {
    const { diagnostics } = viaDefinition(projectOnly(), yunnan);
    expect(codesAndPaths(diagnostics.filter((d) => d.code === 'E-REQUIRED'))).toEqual([
      { code: 'E-REQUIRED', path: ['narrative'] },
      { code: 'E-REQUIRED', path: ['finance'] },
      { code: 'E-REQUIRED', path: ['dept'] },
    ]);
  });
});

describe('money unit of the printed table', () => {
  const yuan = () =>
    viaDefinition(
      {
        ...projectOnly(),
        amountUnit: '元',
        projects: [
          {
            ...projectOnly().projects[0]!,
            funds: { current: { initialBudget: '387664.62', adjustedBudget: '387664.62', executed: '387664.62' } },
          },
        ],
      },
      withSettings({ documents: ['projectTables'], tableMoney: { unit: '元', places: 2, grouping: true } }),
    );

  it('a 元 input printed in a 元 table is exact to the 分, with separators, and the header says 元', () => {
    const t = yuan().compose().xlsxTables[0]!;
    expect(rowWith(t, '年度资金总额').slice(1, 4)).toEqual(['387,664.62', '387,664.62', '387,664.62']);
    expect(texts(t).flat()).toContain('项目资金（元）');
  });

  it('the same input in the shipped 万元 table prints 38.77 and 项目资金（万元）', () => {
    const { u, d } = yuan();
    const t = composeTable(yunnan.tables['project']!, projectTableView(u as never, u.projects[0]!, d.projects[0]!, 0, yunnan));
    expect(rowWith(t, '年度资金总额').slice(1, 4)).toEqual(['38.77', '38.77', '38.77']);
    expect(texts(t).flat()).toContain('项目资金（万元）');
  });
});

describe('absent ≠ zero', () => {
  it('an absent 年初预算数 prints blank in its row and in 年度资金总额, and raises no sum or adjustment error', () => {
    const raw = withChange((u) => {
      project(u, 0).funds.current = { adjustedBudget: '30.00', executed: '30.00' };
    });
    const { unit, derived, diagnostics } = run(raw);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(derived.projects[0]!.total.initialBudget).toBeNull();
    const t = composeTable(yunnan.tables['project']!, projectTableView(unit, unit.projects[0]!, derived.projects[0]!, 0, yunnan));
    expect(rowWith(t, '年度资金总额').slice(1, 4)).toEqual(['', '30.00', '30.00']);
    expect(rowWith(t, '其中：当年财政拨款').slice(1, 4)).toEqual(['', '30.00', '30.00']);
  });

  it('a form whose noDeviationText is empty leaves a completed indicator’s 偏差原因 blank', () => {
    const p: Profile = { ...yunnan, noDeviationText: '' };
    const { unit, derived } = run(
      withChange(() => {}),
      {},
      p,
    );
    expect(derived.projects[0]!.indicators.map((i) => i.deviationText)).toEqual(['', '', '']);
    const t = composeTable(p.tables['project']!, projectTableView(unit, unit.projects[0]!, derived.projects[0]!, 0, p));
    expect(rowWith(t, '购置设备数量').at(-1)).toBe('');
  });
});

describe('sub-rows and score precision', () => {
  it('a 其中 row (subRow: true) prints with blank 分值/得分 and needs no weight; the weight total still holds', () => {
    const raw = withChange((u) => {
      project(u, 0).indicators.splice(1, 0, {
        ...projectIndicator(u, 0, 0),
        name: '其中：台式计算机',
        target: '6',
        actual: '6',
        weight: undefined,
        subRow: true,
      });
    });
    const { unit, derived, diagnostics } = run(raw);
    expect(codesAndPaths(diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
    expect(derived.projects[0]!.totalWeight.toString()).toBe('100');
    const t = composeTable(yunnan.tables['project']!, projectTableView(unit, unit.projects[0]!, derived.projects[0]!, 0, yunnan));
    expect(rowWith(t, '其中：台式计算机').slice(-3, -1)).toEqual(['', '']);
  });

  it('a sub-row that states a weight is E-SCHEMA at the weight', () => {
    const raw = withChange((u) => {
      projectIndicator(u, 0, 0).subRow = true;
    });
    expectFires(raw, 'E-SCHEMA', ['projects', 0, 'indicators', 0, 'weight']);
  });

  it('settings.executionScorePlaces: 0 scores execution to whole points (8.02 → 8)', () => {
    const raw = withChange((u) => {
      project(u, 0).funds.current = { initialBudget: '30.00', adjustedBudget: '30.00', executed: '24.05' };
    });
    expect(run(raw).derived.projects[0]!.executionScore.toString()).toBe('8.02');
    const { d } = viaDefinition(raw, withSettings({ executionScorePlaces: 0 }));
    expect(d.projects[0]!.executionScore.toString()).toBe('8');
  });
});

describe('values written with their comparison and unit in one cell (central)', () => {
  const scoreOf = (target: string, actual: string) =>
    run(
      withChange((u) => {
        Object.assign(projectIndicator(u, 0, 0), { nature: undefined, unit: undefined, target, actual });
      }),
    ).derived.projects[0]!.indicators[0]!;

  it('≥50个 is met by 52个 (full marks) and scored pro rata by 40个', () => {
    expect(scoreOf('≥50个', '52个').score?.toString()).toBe('50');
    expect(scoreOf('≥50个', '40个').score?.toString()).toBe('40');
  });

  it('≤90万元 is met by 85万元 and not by 95万元', () => {
    expect(scoreOf('≤90万元', '85万元').met).toBe(true);
    expect(scoreOf('≤90万元', '95万元').met).toBe(false);
  });

  it('2天以内 is not met by 3天', () => {
    expect(scoreOf('2天以内', '3天').met).toBe(false);
  });
});

describe('stated scores (audit of a published report)', () => {
  it('a stated execution 得分 or 总分 that the rules do not give is E-SCORE-UNJUSTIFIED / E-SCORE-TOTAL, located', () => {
    const raw = withChange((u) => {
      project(u, 0).stated = { executionScore: '9', totalScore: '99' };
    });
    const ds = diagnosticsOf(raw);
    expect(codesAndPaths(ds.filter((d) => d.code === 'E-SCORE-UNJUSTIFIED' || d.code === 'E-SCORE-TOTAL'))).toEqual([
      { code: 'E-SCORE-UNJUSTIFIED', path: ['projects', 0, 'stated', 'executionScore'] },
      { code: 'E-SCORE-TOTAL', path: ['projects', 0, 'stated', 'totalScore'] },
    ]);
    expect(ds.find((d) => d.code === 'E-SCORE-TOTAL')!.message).toContain('应为预算执行率得分与各指标得分之和100分，填报99分');
  });

  it('stated scores that agree are quiet and the printed 总分 stays the derived one', () => {
    const raw = withChange((u) => {
      project(u, 0).stated = { executionScore: '10', totalScore: '100' };
    });
    expectQuiet(raw, 'E-SCORE-TOTAL');
    expectQuiet(raw, 'E-SCORE-UNJUSTIFIED');
  });

  it('a stated indicator 得分 that the rules do not give is E-SCORE-UNJUSTIFIED and the derived score is printed', () => {
    const raw = withChange((u) => {
      projectIndicator(u, 0, 0).score = '45';
    });
    expectFires(raw, 'E-SCORE-UNJUSTIFIED', ['projects', 0, 'indicators', 0, 'score']);
    expect(run(raw).derived.projects[0]!.indicators[0]!.score?.toString()).toBe('50');
  });
});

describe('a weight of 0 means the same everywhere', () => {
  it('executionWeight: 0 is E-SCORE-NEGATIVE, as an indicator weight of 0 is', () => {
    expectFires(
      withChange((u) => {
        project(u, 0).executionWeight = '0';
      }),
      'E-SCORE-NEGATIVE',
      ['projects', 0, 'executionWeight'],
    );
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 0).weight = '0';
      }),
      'E-SCORE-NEGATIVE',
      ['projects', 0, 'indicators', 0, 'weight'],
    );
  });
});

describe('forms that write units in values and leave completed rows blank', () => {
  it('severity off drops a warning (W-UNIT-IN-VALUE) but never an error', () => {
    const raw = withChange((u) => {
      Object.assign(projectIndicator(u, 0, 0), { nature: undefined, unit: undefined, target: '≥10台', actual: '10台' });
      project(u, 0).executionWeight = '0';
    });
    const on = diagnosticsOf(raw);
    expect(on.some((d) => d.code === 'W-UNIT-IN-VALUE')).toBe(true);
    const p: Profile = { ...yunnan, severity: { 'W-UNIT-IN-VALUE': 'off', 'E-SCORE-NEGATIVE': 'off' } as never };
    const off = diagnosticsOf(raw, { strict: true }, p);
    expect(off.some((d) => d.code === 'W-UNIT-IN-VALUE')).toBe(false);
    expect(off.some((d) => d.code === 'E-SCORE-NEGATIVE')).toBe(true);
  });

  it('with noDeviationText empty, a blank 偏差原因 is W-DEVIATION-UNEXPLAINED only on a row that fell short', () => {
    const p: Profile = { ...yunnan, noDeviationText: '' };
    expect(
      diagnosticsOf(
        withChange(() => {}),
        {},
        p,
      ).filter((d) => d.code === 'W-DEVIATION-UNEXPLAINED'),
    ).toEqual([]);
    const short = withChange((u) => {
      projectIndicator(u, 0, 0).actual = '8';
    });
    expect(codesAndPaths(diagnosticsOf(short, {}, p).filter((d) => d.code === 'W-DEVIATION-UNEXPLAINED'))).toEqual([
      { code: 'W-DEVIATION-UNEXPLAINED', path: ['projects', 0, 'indicators', 0, 'deviationReason'] },
    ]);
  });
});

describe('options.tableMoney as YAML gives it', () => {
  it('reads places from source text (load keeps YAML numbers as text) and rejects a non-integer where it is', () => {
    const ok = unitYearSchema('元').safeParse({ ...projectOnly(), amountUnit: '元', options: { tableMoney: { unit: '元', places: '2', grouping: true } } });
    expect(ok.success && ok.data.options?.tableMoney).toEqual({ unit: '元', places: 2, grouping: true });
    const bad = unitYearSchema('元').safeParse({ ...projectOnly(), amountUnit: '元', options: { tableMoney: { places: '1.5' } } });
    expect(bad.success ? [] : bad.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['options.tableMoney.places', '应为 0 到 6 的整数']]);
  });
});

describe('the department money block (dept.funds, national department table)', () => {
  const withFunds = (stated?: { executionScore?: string; totalScore?: string }, executionWeight?: string) =>
    withChange((u) => {
      Object.assign(u.dept.indicators[0]!, { weight: '50' });
      Object.assign(u.dept.indicators[1]!, { weight: '40' });
      u.dept.funds = {
        income: { generalBudget: { initialBudget: '180.00', adjustedBudget: '200.00', executed: '190.00' } },
        use: { basic: { adjustedBudget: '150.00', executed: '145.00' } },
        ...(stated ? { stated } : {}),
        ...(executionWeight ? { executionWeight } : {}),
      };
    });

  it('totals the income rows, scores execution and gives 总分 and grade', () => {
    const f = run(withFunds()).derived.dept.funds!;
    expect([f.total.adjustedBudget.toFixed(2), f.total.rate?.toFixed(4), f.executionScore.toFixed(2), f.totalScore.toFixed(2), f.grade]).toEqual([
      '200.00',
      '0.9500',
      '9.50',
      '99.50',
      '优',
    ]);
    expect(f.use.basic?.initialBudget).toBeNull();
  });

  it('audits stated department scores and rejects a zero execution weight, located under dept.funds', () => {
    expect(codesAndPaths(diagnosticsOf(withFunds({ executionScore: '10', totalScore: '100' })).filter((d) => d.code.startsWith('E-SCORE')))).toEqual([
      { code: 'E-SCORE-UNJUSTIFIED', path: ['dept', 'funds', 'stated', 'executionScore'] },
      { code: 'E-SCORE-TOTAL', path: ['dept', 'funds', 'stated', 'totalScore'] },
    ]);
    expectFires(withFunds(undefined, '0'), 'E-SCORE-NEGATIVE', ['dept', 'funds', 'executionWeight']);
  });
});
