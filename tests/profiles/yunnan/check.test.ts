import { describe, expect, it } from 'vitest';
import { baseUnit, codesAndPaths, diagnosticsOf, keyTask, project, projectIndicator, run, withChange, withCode, yunnan } from '../../support/unit-builder.js';
import { check } from '../../../src/profiles/yunnan/check/check.js';
import { comparePaths } from '../../../src/check/order.js';
import { derive } from '../../../src/profiles/yunnan/derive/derive.js';
import type { Profile } from '../../../src/model/profile.js';

describe('check: the base unit', () => {
  it('produces no diagnostic of any kind', () => {
    expect(codesAndPaths(diagnosticsOf(baseUnit()))).toEqual([]);
  });
  it('stays clean in strict mode and with the optional checks', () => {
    expect(diagnosticsOf(baseUnit(), { strict: true, optional: true })).toEqual([]);
  });
  it('gives every diagnostic a message, a path and an expected or actual value', () => {
    const raw = withChange((u) => {
      projectIndicator(u, 0, 0).actual = '8';
      projectIndicator(u, 0, 0).deviationReason = '无偏差';
      project(u, 1).goal.achieved = project(u, 1).goal.expected;
    });
    const ds = diagnosticsOf(raw);
    expect(ds.length).toBeGreaterThan(0);
    for (const d of ds) {
      expect(d.message.length).toBeGreaterThan(0);
      expect(d.path).toBeDefined();
      expect(d.expected !== undefined || d.actual !== undefined).toBe(true);
    }
  });
});

describe('check: derive diagnostics, order, severity', () => {
  it('includes the diagnostics found while deriving', () => {
    const raw = withChange((u) => {
      keyTask(u, 0).project = 'P9';
    });
    expect(codesAndPaths(diagnosticsOf(raw))).toContainEqual({ code: 'E-SCHEMA', path: ['dept', 'keyTasks', 0, 'project'] });
  });

  it('sorts diagnostics by their place in the input (schema order, then list index)', () => {
    const raw = withChange((u) => {
      project(u, 1).goal.achieved = project(u, 1).goal.expected; // projects[1].goal.achieved
      projectIndicator(u, 0, 2).unit = '分'; // projects[0].indicators[2].unit
      u.finance.basicExpenditure = '160.00'; // finance.openingCarryover
      u.narrative.goalSetting = '依据沾财发（2023）12号文件设立。'; // narrative.goalSetting
      keyTask(u, 1).name = '业务培训项目'; // dept.keyTasks[1].name
    });
    const paths = diagnosticsOf(raw).map((d) => d.path);
    expect(paths).toEqual([
      ['narrative', 'goalSetting'],
      ['finance', 'openingCarryover'],
      ['dept', 'keyTasks', 1, 'name'],
      ['projects', 0, 'indicators', 2, 'unit'],
      ['projects', 1, 'goal', 'achieved'],
    ]);
  });

  it('orders list items by index and a parent before its children', () => {
    expect(comparePaths(['projects', 2], ['projects', 10])).toBeLessThan(0);
    expect(comparePaths(['projects', 1], ['projects', 1, 'indicators', 0])).toBeLessThan(0);
    expect(comparePaths(['projects', 0, 'indicators', 0, 'target'], ['projects', 0, 'indicators', 0, 'actual'])).toBeLessThan(0);
    expect(comparePaths(undefined, ['year'])).toBeLessThan(0);
  });

  it('turns every warning into an error with strict', () => {
    const raw = withChange((u) => {
      project(u, 1).goal.achieved = project(u, 1).goal.expected;
    });
    expect(withCode(diagnosticsOf(raw), 'W-GOAL-TEXT-COPIED')[0]?.severity).toBe('warning');
    const strict = diagnosticsOf(raw, { strict: true });
    expect(strict.map((d) => d.severity)).toEqual(strict.map(() => 'error'));
    expect(withCode(strict, 'W-GOAL-TEXT-COPIED')).toHaveLength(1);
  });

  it('applies the profile severity overrides in both directions', () => {
    const raw = withChange((u) => {
      project(u, 1).goal.achieved = project(u, 1).goal.expected;
      u.finance.projectExpenditure = '49.00';
      u.finance.income = [{ name: '财政拨款收入', amount: '199.00' }];
    });
    const profile: Profile = { ...yunnan, severity: { 'W-GOAL-TEXT-COPIED': 'error', 'E-SUM-PROJECT-ACTUAL': 'warning' } };
    const { unit } = run(raw);
    const ds = check(unit, derive(unit, profile), profile);
    expect(withCode(ds, 'W-GOAL-TEXT-COPIED')[0]?.severity).toBe('error');
    expect(withCode(ds, 'E-SUM-PROJECT-ACTUAL')[0]?.severity).toBe('warning');
    expect(withCode(diagnosticsOf(raw), 'E-SUM-PROJECT-ACTUAL')[0]?.severity).toBe('error');
  });

  it('keeps check pure: the same input gives the same diagnostics twice', () => {
    const raw = withChange((u) => {
      projectIndicator(u, 0, 0).actual = '8';
    });
    const { unit, derived } = run(raw);
    expect(check(unit, derived, yunnan)).toEqual(check(unit, derived, yunnan));
  });
});
