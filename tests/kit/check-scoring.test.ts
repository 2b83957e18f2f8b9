import { describe, expect, it } from 'vitest';
import { codesAndPaths, diagnosticsOf, expectFires, expectQuiet, project, parse, projectIndicator, withChange, type RawUnit } from '../support/unit-builder.js';

const P0I0 = ['projects', 0, 'indicators', 0] as const;

/** P2's 效益 line (分值 30) made 定性: 培训组织规范, with the given actual, achievement and score. */
const qualitative = (actual: string, extra: { achievement?: 'met' | 'partial' | 'unmet'; score?: string } = {}): RawUnit =>
  withChange((u) => {
    const ind = projectIndicator(u, 1, 1);
    Object.assign(ind, { name: '培训组织规范性', nature: '定性', target: '规范', actual, ...extra });
    delete ind.unit;
    ind.deviationReason = '个别班次签到不全，已整改。';
  });

describe('§7.5 E-SCORE-OVER-WEIGHT', () => {
  it('accepts a score exactly equal to 分值', () => {
    expect(
      codesAndPaths(
        diagnosticsOf(
          withChange((u) => {
            projectIndicator(u, 0, 0).score = '50';
          }),
        ),
      ),
    ).toEqual([]);
  });
  it('fires 0.01 over 分值', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 0).score = '50.01';
      }),
      'E-SCORE-OVER-WEIGHT',
      [...P0I0, 'score'],
    );
  });
  it('fires for an override above 分值', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 0).scoreOverride = { value: '51', reason: '专家复核加分处理' };
      }),
      'E-SCORE-OVER-WEIGHT',
      [...P0I0, 'scoreOverride', 'value'],
    );
  });
});

describe('§7.5 E-SCORE-NEGATIVE', () => {
  it('fires for 分值 0', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 2).weight = '0';
      }),
      'E-SCORE-NEGATIVE',
      ['projects', 0, 'indicators', 2, 'weight'],
    );
  });
  it('does not fire for positive 分值', () => {
    expectQuiet(
      withChange(() => {}),
      'E-SCORE-NEGATIVE',
    );
  });
});

describe('§7.5 E-WEIGHT-TOTAL', () => {
  it('fires when 执行率分值 + Σ 分值 ≠ 100', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 0).weight = '49';
      }),
      'E-WEIGHT-TOTAL',
      ['projects', 0, 'indicators'],
    );
  });
  it('counts the project execution weight', () => {
    const raw = withChange((u) => {
      project(u, 0).executionWeight = '20';
      projectIndicator(u, 0, 0).weight = '40';
    });
    expectQuiet(raw, 'E-WEIGHT-TOTAL');
    expectFires(
      withChange((u) => {
        project(u, 0).executionWeight = '20';
      }),
      'E-WEIGHT-TOTAL',
      ['projects', 0, 'indicators'],
    );
  });
});

describe('§7.5 W-WEIGHT-LEVEL1', () => {
  it('fires when a 一级指标 sum differs from the default 50 / 30 / 10', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 0).weight = '40';
        projectIndicator(u, 0, 1).weight = '40';
      }),
      'W-WEIGHT-LEVEL1',
      ['projects', 0, 'indicators'],
    );
  });
  it('reads 一级指标 through the aliases (完成指标 = 产出指标)', () => {
    expect(
      codesAndPaths(
        diagnosticsOf(
          withChange((u) => {
            projectIndicator(u, 0, 0).level1 = '完成指标';
          }),
        ),
      ),
    ).toEqual([]);
  });
});

describe('§7.5 E-SCORE-UNJUSTIFIED', () => {
  const missed = (score: string) =>
    withChange((u) => {
      Object.assign(projectIndicator(u, 0, 0), { actual: '8', score, deviationReason: '供货延迟，已督促供应商。' }); // rule: 50 × 8 ÷ 10 = 40
    });
  it('fires for a stated score 0.01 above the rule', () => {
    expectFires(missed('40.01'), 'E-SCORE-UNJUSTIFIED', [...P0I0, 'score']);
  });
  it('does not fire for the rule score; a score finer than 0.01 is refused by the schema', () => {
    expectQuiet(missed('40'), 'E-SCORE-UNJUSTIFIED');
    // Note: scores carry at most 2 decimals (issue 10), so a difference under 0.01 cannot be entered.
    expect(() => parse(missed('40.009'))).toThrow(/最多2位小数/);
  });
  it('does not fire when an override gives the reason', () => {
    const raw = withChange((u) => {
      Object.assign(projectIndicator(u, 0, 0), { actual: '8', score: '45', scoreOverride: { value: '45', reason: '剩余设备已于次年1月到货' } });
    });
    expectQuiet(raw, 'E-SCORE-UNJUSTIFIED');
  });
});

describe('§7.5 E-QUAL-SCORE-BAND', () => {
  it('accepts 部分达成 at the lower edge 60% (18 of 30)', () => {
    expect(codesAndPaths(diagnosticsOf(qualitative('基本规范', { achievement: 'partial', score: '18' })))).toEqual([]);
  });
  it('fires for 部分达成 at 80% (24 of 30), which belongs to 达成', () => {
    expectFires(qualitative('基本规范', { achievement: 'partial', score: '24' }), 'E-QUAL-SCORE-BAND', ['projects', 1, 'indicators', 1, 'score']);
  });
  it('fires for 达成 under 80%', () => {
    expectFires(qualitative('规范', { score: '23.99' }), 'E-QUAL-SCORE-BAND', ['projects', 1, 'indicators', 1, 'score']);
  });
  it('accepts 达成 at 80%', () => {
    expectQuiet(qualitative('规范', { score: '24' }), 'E-QUAL-SCORE-BAND');
  });
});

describe('§7.5 E-QUAL-SCORE-REQUIRED', () => {
  it('fires for 部分达成 without a score', () => {
    expectFires(qualitative('基本规范', { achievement: 'partial' }), 'E-QUAL-SCORE-REQUIRED', ['projects', 1, 'indicators', 1, 'score']);
  });
  it('does not fire for 达成 without a score (it defaults to 分值)', () => {
    expectQuiet(qualitative('规范'), 'E-QUAL-SCORE-REQUIRED');
  });
});

describe('§7.5 E-REQUIRED (达成情况 of a 定性 indicator whose actual differs from the target)', () => {
  it('fires when neither achievement nor score is given', () => {
    expectFires(qualitative('基本规范'), 'E-REQUIRED', ['projects', 1, 'indicators', 1, 'achievement']);
  });
  it('does not fire when the actual repeats the target', () => {
    expectQuiet(qualitative('规范'), 'E-REQUIRED');
  });
});
