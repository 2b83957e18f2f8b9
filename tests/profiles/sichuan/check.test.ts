/** Sichuan rubric files, score-sheet entries and completion tables: each problem reported by its code and path. */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { loadProfile } from '../../../src/load/profile.js';
import { profileRules } from '../../../src/profiles/registry.js';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import type { Profile } from '../../../src/model/profile.js';
import { sichuanUnitSchema } from '../../../src/profiles/sichuan/schema.js';
import { deriveSichuan } from '../../../src/profiles/sichuan/derive/derive.js';
import { readRubric } from '../../../src/profiles/sichuan/derive/rubric.js';
import { checkSichuan } from '../../../src/profiles/sichuan/check/check.js';
import { ROOT, inputPath } from '../../support/fixtures.js';

/** Input data edited freely by the tests before it is validated. */
// Note: the edits reach deep into plain YAML data; typing each would only restate the schema.
// biome-ignore lint/suspicious/noExplicitAny: the tests edit untyped YAML data (see the note above).
type Loose = any;

let profile: Profile;
let sample: Record<string, unknown>;
beforeAll(async () => {
  profile = (
    await loadProfile(join(ROOT, 'templates', 'sichuan'), {
      readText: (p) => readFile(p, 'utf8'),
      listDir: (p) => readdir(p),
      roots: [],
      rulesFor: profileRules,
    })
  ).profile;
  sample = YAML.parse(await readFile(inputPath('ziyang-renda-2023.yaml'), 'utf8')) as Record<string, unknown>;
});

/** The sample with `edit` applied to a deep copy, validated, derived and checked. */
function run(edit: (u: Loose) => void = () => {}, p: Profile = profile) {
  const raw = structuredClone(sample);
  edit(raw);
  const unit = sichuanUnitSchema('万元').parse(raw);
  const derived = deriveSichuan(unit, p);
  return { unit, derived, diagnostics: checkSichuan(unit, derived, p) };
}
const at = (ds: readonly Diagnostic[]) => ds.map((d) => [d.code, (d.path ?? []).join('.')]);
const errors = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'error');

describe('the rubric files', () => {
  it('load with the profile and add up (投入20/过程30/产出30/效果20, 25/25/20/30)', () => {
    const dept = readRubric(profile.data, 'rubric-dept', 'dept');
    const proj = readRubric(profile.data, 'rubric-project', 'project');
    expect(dept.problems).toEqual([]);
    expect(proj.problems).toEqual([]);
    expect(dept.rubric!.groups.map((g) => `${g.label}${g.points.toString()}`)).toEqual(['投入20', '过程30', '产出30', '效果20']);
    expect(proj.rubric!.groups.map((g) => `${g.label}${g.points.toString()}`)).toEqual(['投入25', '过程25', '产出20', '效果30']);
  });

  const broken = (edit: (r: Loose) => void) => {
    const data = structuredClone(profile.data['rubric-dept']) as Loose;
    edit(data);
    return readRubric({ 'rubric-dept': data }, 'rubric-dept', 'dept');
  };

  it('reports child points that do not add up to the parent (E-RUBRIC-INVALID)', () => {
    const r = broken((d) => {
      d.groups[0].groups[0].lines[0].points = 3;
      d.groups[0].groups[0].lines[0].rule.items[0].points = 2;
    });
    expect(r.rubric).toBeNull();
    expect(r.problems.map((p) => p.code)).toEqual(['E-RUBRIC-INVALID']);
    expect(r.problems[0]!.message).toBe('评分细则“部门整体支出绩效自评计分表”：“投入/目标设定”下三级指标分值合计6，应为5。');
  });

  it('reports checklist items that do not add up to the line', () => {
    const r = broken((d) => {
      d.groups[0].groups[0].lines[0].rule.items[2].points = 1;
    });
    expect(r.problems.map((p) => p.message)).toEqual(['评分细则“部门整体支出绩效自评计分表”：“绩效目标合理性”各评分要点分值合计2.50，应为2。']);
  });

  it('reports a missing rule parameter, a formula input that is not defined and a binding that does not exist', () => {
    const missing = broken((d) => {
      delete d.groups[1].groups[0].lines[3].rule.step;
    });
    expect(missing.problems.map((p) => p.code)).toEqual(['E-RUBRIC-INVALID']);
    expect(missing.problems[0]!.message).toContain('groups.1.groups.0.lines.3.rule.step');
    const formula = broken((d) => {
      d.groups[1].groups[0].lines[0].rate.of = ['completed', 'total'];
    });
    expect(formula.problems[0]!.message).toBe('评分细则“部门整体支出绩效自评计分表”：“预算完成率”公式引用的参数“total”未在 inputs 中定义。');
    const binding = broken((d) => {
      d.groups[1].groups[0].lines[0].inputs[0].from = 'income';
    });
    expect(binding.problems[0]!.message).toContain('取值来源“income”无效');
  });

  it('stops the unit with E-RUBRIC-INVALID when the profile carries a bad rubric', () => {
    const bad = structuredClone(profile.data['rubric-project']) as Loose;
    bad.total = 90;
    const r = run(() => {}, { ...profile, data: { ...profile.data, 'rubric-project': bad } });
    expect(r.derived.rubrics).toBeNull();
    expect(at(errors(r.diagnostics))).toEqual([['E-RUBRIC-INVALID', '']]);
  });
});

describe('score-sheet entries', () => {
  it('needs every input of a line (E-REQUIRED at the value)', () => {
    const r = run((u) => {
      delete u.dept.scoresheet.lines.publicCostControl.values.budget;
    });
    expect(at(errors(r.diagnostics))).toEqual([['E-REQUIRED', 'dept.scoresheet.lines.publicCostControl.values.budget']]);
    expect(r.derived.dept.sheet!.lines.find((l) => l.line.id === 'publicCostControl')!.score).toBeNull();
  });

  it('needs one answer per checklist item and knows no other line ids or inputs (E-SCHEMA)', () => {
    const r = run((u) => {
      u.dept.scoresheet.lines.goalReasonable.answers = [true, true];
      u.dept.scoresheet.lines.goalReasonabel = { answers: [true] };
      u.dept.scoresheet.lines.staffControl.values.staff = 48;
    });
    expect(at(errors(r.diagnostics))).toEqual([
      ['E-SCHEMA', 'dept.scoresheet.lines.goalReasonabel'],
      ['E-SCHEMA', 'dept.scoresheet.lines.goalReasonable.answers'],
      ['E-SCHEMA', 'dept.scoresheet.lines.staffControl.values.staff'],
    ]);
    expect(r.diagnostics.find((d) => d.path?.includes('goalReasonabel'))!.message).toContain('是否想写“goalReasonable”');
  });

  it('scores an undefined rate by whenUndefined (na: the unit must override)', () => {
    const r = run((u) => {
      u.dept.scoresheet.lines.threePublicChange.values.lastYear = 0;
    });
    expect(at(errors(r.diagnostics))).toEqual([['E-REQUIRED', 'dept.scoresheet.lines.threePublicChange']]);
    const ok = run((u) => {
      u.dept.scoresheet.lines.threePublicChange.values.lastYear = 0;
      u.dept.scoresheet.lines.threePublicChange.scoreOverride = { value: 5, reason: '上年未安排三公经费预算' };
    });
    expect(errors(ok.diagnostics)).toEqual([]);
    expect(ok.derived.dept.sheet!.total.toFixed(2)).toBe('98.00');
  });

  it('keeps an override within the line’s points (E-SCORE-OVER-WEIGHT) and prints its reason', () => {
    const r = run((u) => {
      u.dept.scoresheet.lines.threePublicControlRate.scoreOverride = { value: 3, reason: '经财政部门同意调整' };
    });
    expect(at(errors(r.diagnostics))).toEqual([['E-SCORE-OVER-WEIGHT', 'dept.scoresheet.lines.threePublicControlRate.scoreOverride.value']]);
  });

  it('grades by the profile’s label sets: 优 for the department, 优秀 for projects, and the band edges hold', () => {
    const r = run((u) => {
      u.projects[0].scoresheet.lines.fundsArrival.values.received = 121.6;
    });
    // 121.6 ÷ 130 = 93.54% → 5 − 6.46 < 0 → 0; 99.5 − 5 = 94.5
    expect(r.derived.projects[0]!.sheet!.total.toFixed(2)).toBe('94.50');
    // 99.5 − 5 (质量达标率 0%) − 20 (four 效益 lines at 0%) = 74.5 → 中
    const mid = run((u) => {
      for (const id of ['economic', 'social', 'ecological', 'sustainable']) u.projects[0].scoresheet.lines[id].degree = '0%';
      u.projects[0].scoresheet.lines.quality.ratio = '0%';
    });
    expect([mid.derived.projects[0]!.sheet!.total.toFixed(2), mid.derived.projects[0]!.sheet!.grade]).toEqual(['74.50', '中']);
  });
});

describe('completion tables and money', () => {
  it('derives the 百元 rows of seed 001 from the 万元 figures', () => {
    const { rows } = run().derived.dept;
    expect([rows.total.budget, rows.total.executed, rows.total.carryover].map((x) => x.times(100).toFixed(0))).toEqual(['177293', '177226', '67']);
    expect([rows.total.rate, rows.basic.rate].map((x) => x!.times(100).toFixed(2))).toEqual(['0.04', '0.05']);
    expect(rows.projects.changeRate).toBeNull();
    expect(rows.total.changeRate!.times(100).toFixed(2)).toBe('-91.21');
  });

  it('checks that declared budget books add up (E-SUM-BREAKDOWN)', () => {
    const r = run((u) => {
      u.dept.finance.books = { general: { budget: 1700, executed: 1772.26 }, govFund: { budget: 72.92, executed: 0 } };
    });
    expect(at(errors(r.diagnostics))).toEqual([['E-SUM-BREAKDOWN', 'dept.finance.books']]);
  });

  it('knows only the profile’s project types (E-SCHEMA)', () => {
    const r = run((u) => {
      u.projects[0].type = '会议保障';
    });
    expect(at(errors(r.diagnostics))).toEqual([['E-SCHEMA', 'projects.0.type']]);
  });

  it('compares the listed projects with 政策和项目支出 when the list is complete', () => {
    const r = run((u) => {
      u.dept.finance.projectsComplete = true;
    });
    expect(at(errors(r.diagnostics))).toEqual([
      ['E-SUM-PROJECT-BUDGET', 'dept.finance.budget.projects'],
      ['E-SUM-PROJECT-ACTUAL', 'dept.finance.executed.projects'],
    ]);
  });

  it('asks for an adjustment reason and for the reason of low execution (errors in sichuan)', () => {
    const r = run((u) => {
      delete u.projects[1].funds.adjustments[0].reason;
      delete u.projects[1].goal.deviation;
    });
    expect(at(errors(r.diagnostics))).toEqual([
      ['W-ADJUSTMENT-UNEXPLAINED', 'projects.1.funds.adjustments.0.reason'],
      ['W-EXEC-LOW-UNEXPLAINED', 'projects.1.goal.deviation'],
    ]);
  });
});
