import { describe, expect, it } from 'vitest';
import {
  codesAndPaths,
  deptIndicator,
  diagnosticsOf,
  expectFires,
  expectQuiet,
  projectIndicator,
  withChange,
  type RawIndicator,
} from '../support/unit-builder.js';

const P0 = ['projects', 0, 'indicators'] as const;
/** Replaces P1's 效益 line (分值 30) with `ind`. */
const asP0I1 = (ind: Partial<RawIndicator>) =>
  withChange((u) => {
    Object.assign(projectIndicator(u, 0, 1), ind);
  });

describe('§7.6 E-PERCENT-OVER-100', () => {
  it('fires for a rate above 100%', () => {
    expectFires(asP0I1({ actual: '120' }), 'E-PERCENT-OVER-100', [...P0, 1, 'actual']);
  });
  it('fires for a satisfaction target above 100%', () => {
    expectFires(
      withChange((u) => {
        deptIndicator(u, 1).target = '800';
      }),
      'E-PERCENT-OVER-100',
      ['dept', 'indicators', 1, 'target'],
    );
  });
  it('does not fire for a count above 100 or a rate of exactly 100%', () => {
    expectQuiet(
      withChange((u) => {
        projectIndicator(u, 1, 0).actual = '120';
      }),
      'E-PERCENT-OVER-100',
    );
    expectQuiet(asP0I1({ actual: '100' }), 'E-PERCENT-OVER-100');
  });
});

describe('§7.6 W-UNIT-CATEGORY', () => {
  it('fires for a count measured in %', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 0).unit = '%';
      }),
      'W-UNIT-CATEGORY',
      [...P0, 0, 'unit'],
    );
  });
  it('fires for a count named by 1-2次 measured in %', () => {
    expectFires(
      withChange((u) => {
        Object.assign(deptIndicator(u, 0), { name: '召开会议1-2次，补选代表等。', target: '100', unit: '%', actual: '100' });
      }),
      'W-UNIT-CATEGORY',
      ['dept', 'indicators', 0, 'unit'],
    );
  });
  it('fires for 满意度 not in %', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 2).unit = '分';
      }),
      'W-UNIT-CATEGORY',
      [...P0, 2, 'unit'],
    );
  });
  it('fires for a 成本指标 without a money unit', () => {
    expectFires(
      withChange((u) => {
        Object.assign(projectIndicator(u, 0, 0), { level2: '成本指标', name: '换届工作完成', target: '100', unit: '%', actual: '100' });
      }),
      'W-UNIT-CATEGORY',
      [...P0, 0, 'unit'],
    );
  });
  it('fires for a 时效指标 measured in 次', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 0).level2 = '时效指标';
        projectIndicator(u, 0, 0).unit = '次';
      }),
      'W-UNIT-CATEGORY',
      [...P0, 0, 'unit'],
    );
  });
  it('does not fire for fitting units: 成本 in 万元, 时效 in 天 or %, a rate in %', () => {
    const raw = withChange((u) => {
      Object.assign(projectIndicator(u, 0, 0), { level2: '成本指标', name: '设备购置单价', nature: '≤', target: '3', unit: '万元/台', actual: '3' });
      Object.assign(projectIndicator(u, 1, 0), { level2: '时效指标', name: '培训完成时限', nature: '≤', target: '30', unit: '天', actual: '30' });
      Object.assign(deptIndicator(u, 0), { level2: '时效指标', name: '检查及时率', nature: '=', target: '100', unit: '%', actual: '100' });
    });
    expectQuiet(raw, 'W-UNIT-CATEGORY');
  });
});

describe('§7.6 W-LEVEL2-MISFIT', () => {
  it('fires for a 合格率 filed as 数量指标', () => {
    expectFires(
      withChange((u) => {
        Object.assign(projectIndicator(u, 1, 1), { level1: '产出指标', level2: '数量指标' });
      }),
      'W-LEVEL2-MISFIT',
      ['projects', 1, 'indicators', 1, 'level2'],
    );
  });
  it('fires for 按时 filed as 数量指标 and 知晓率 filed as 经济效益指标', () => {
    expectFires(
      withChange((u) => {
        Object.assign(projectIndicator(u, 0, 0), { name: '按时发放经费', target: '100', unit: '%', actual: '100' });
      }),
      'W-LEVEL2-MISFIT',
      [...P0, 0, 'level2'],
    );
    expectFires(asP0I1({ level2: '经济效益指标', name: '群众知晓率' }), 'W-LEVEL2-MISFIT', [...P0, 1, 'level2']);
  });
  it('fires for 满意度 outside 满意度指标', () => {
    expectFires(asP0I1({ name: '职工满意度提升' }), 'W-LEVEL2-MISFIT', [...P0, 1, 'level2']);
  });
  it('does not fire for a 合格率 under 质量指标', () => {
    expectQuiet(
      withChange((u) => {
        Object.assign(projectIndicator(u, 1, 1), { level1: '产出指标', level2: '质量指标' });
      }),
      'W-LEVEL2-MISFIT',
    );
  });
});

describe('§7.6 W-LEVEL2-UNKNOWN', () => {
  it('fires for a 二级指标 outside the framework', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 0).level2 = '效率指标';
      }),
      'W-LEVEL2-UNKNOWN',
      [...P0, 0, 'level2'],
    );
  });
  it('fires at 一级指标 when that is unknown', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 0).level1 = '投入指标';
      }),
      'W-LEVEL2-UNKNOWN',
      [...P0, 0, 'level1'],
    );
  });
  it('accepts the aliases 服务对象满意度指标等 and 项目效益', () => {
    const raw = withChange((u) => {
      projectIndicator(u, 0, 2).level2 = '服务对象满意度指标等';
      projectIndicator(u, 0, 1).level1 = '项目效益';
    });
    expect(codesAndPaths(diagnosticsOf(raw))).toEqual([]);
  });
});

describe('§7.6 E-DUP-INDICATOR', () => {
  it('fires at the second row with the same 三级指标 in one table', () => {
    expectFires(asP0I1({ name: '购置设备数量。' }), 'E-DUP-INDICATOR', [...P0, 1, 'name']);
  });
  it('does not fire for the same name in two tables', () => {
    expectQuiet(
      withChange((u) => {
        projectIndicator(u, 1, 2).name = '职工满意度';
      }),
      'E-DUP-INDICATOR',
    );
  });
});

describe('§7.6 W-TARGET-DIVERGENT', () => {
  const shared = (deptTarget: string, deptActual = '100') =>
    withChange((u) => {
      Object.assign(deptIndicator(u, 0), {
        name: '培训人次',
        nature: '≥',
        target: deptTarget,
        unit: '人次',
        actual: deptActual,
        deviationReason: '部分学员改为线上培训。',
      });
    });
  it('fires when the department and a project give the same indicator different targets', () => {
    expectFires(shared('120'), 'W-TARGET-DIVERGENT', ['projects', 1, 'indicators', 0, 'target']);
  });
  it('fires when the actuals differ', () => {
    expectFires(shared('100', '99'), 'W-TARGET-DIVERGENT', ['projects', 1, 'indicators', 0, 'actual']);
  });
  it('does not fire when targets and actuals agree, even written with the unit', () => {
    expectQuiet(shared('100'), 'W-TARGET-DIVERGENT');
    expectQuiet(shared('100人次'), 'W-TARGET-DIVERGENT');
  });
});

describe('§7.6 W-COST-TOTAL-MISMATCH', () => {
  const cost = (target: string, actual: string) =>
    asP0I1({ level1: '产出指标', level2: '成本指标', name: '设备购置经费', nature: '≤', target, unit: '万元', actual });
  it('fires for a target equal to neither budget', () => {
    expectFires(cost('25', '30'), 'W-COST-TOTAL-MISMATCH', [...P0, 1, 'target']);
  });
  it('fires for an actual other than 全年执行数', () => {
    expectFires(cost('30', '28'), 'W-COST-TOTAL-MISMATCH', [...P0, 1, 'actual']);
  });
  it('does not fire when both match the project', () => {
    expectQuiet(cost('30', '30'), 'W-COST-TOTAL-MISMATCH');
  });
});
