import { describe, expect, it } from 'vitest';
import {
  codesAndPaths,
  deptIndicator,
  diagnosticsOf,
  expectFires,
  expectQuiet,
  keyTask,
  project,
  projectIndicator,
  setFunds,
  withChange,
  withCode,
} from '../support/unit-builder.js';

const TASK0_REASON = ['dept', 'keyTasks', 0, 'lowExecutionReason'];

describe('§7.4 E-EXEC-OVER-UNEXPLAINED', () => {
  it('fires on the linked key task when 执行率 passes 100% without a reason', () => {
    expectFires(
      withChange((u) => setFunds(u, 0, '30.00', '30.00', '30.01')),
      'E-EXEC-OVER-UNEXPLAINED',
      TASK0_REASON,
    );
  });
  it('fires on the project (其他需要说明事项) when no key task is linked to it', () => {
    const raw = withChange((u) => {
      setFunds(u, 0, '30.00', '30.00', '31.00');
      u.dept.keyTasks.shift();
    });
    expectFires(raw, 'E-EXEC-OVER-UNEXPLAINED', ['projects', 0, 'otherNotes']);
  });
  it('does not fire at exactly 100% or with a reason', () => {
    expectQuiet(
      withChange(() => {}),
      'E-EXEC-OVER-UNEXPLAINED',
    );
    const raw = withChange((u) => {
      setFunds(u, 0, '30.00', '30.00', '31.00');
      keyTask(u, 0).lowExecutionReason = '使用以前年度结余资金1万元，已按规定报批。';
    });
    expectQuiet(raw, 'E-EXEC-OVER-UNEXPLAINED');
  });
});

describe('§7.4 W-EXEC-LOW-UNEXPLAINED', () => {
  it('does not fire at exactly 90.00%', () => {
    expect(codesAndPaths(diagnosticsOf(withChange((u) => setFunds(u, 0, '100.00', '100.00', '90.00'))))).toEqual([]);
  });
  it('fires at 89.99%', () => {
    expectFires(
      withChange((u) => setFunds(u, 0, '100.00', '100.00', '89.99')),
      'W-EXEC-LOW-UNEXPLAINED',
      TASK0_REASON,
    );
  });
  it('fires on a project without a linked task whose 其他需要说明事项 is 无', () => {
    const raw = withChange((u) => {
      setFunds(u, 0, '30.00', '30.00', '20.00');
      u.dept.keyTasks.shift();
      project(u, 0).otherNotes = '无';
    });
    expectFires(raw, 'W-EXEC-LOW-UNEXPLAINED', ['projects', 0, 'otherNotes']);
  });
  it('fires on a standing-alone key task', () => {
    const raw = withChange((u) => {
      u.dept.keyTasks.push({ name: '日常运转', fundingLevel: '区级', description: '保障运转。', approved: { appropriation: '10.00' }, spent: '5.00' });
    });
    expectFires(raw, 'W-EXEC-LOW-UNEXPLAINED', ['dept', 'keyTasks', 2, 'lowExecutionReason']);
  });
  it('does not fire when the reason is given', () => {
    const raw = withChange((u) => {
      setFunds(u, 0, '100.00', '100.00', '80.00');
      keyTask(u, 0).lowExecutionReason = '设备到货延迟，余款结转下年支付。';
    });
    expectQuiet(raw, 'W-EXEC-LOW-UNEXPLAINED');
  });
});

describe('§7.4 E-DEVIATION-DENIED', () => {
  it('fires when an unmet indicator says 无偏差', () => {
    const raw = withChange((u) => {
      projectIndicator(u, 0, 0).actual = '8';
      projectIndicator(u, 0, 0).deviationReason = '无偏差';
    });
    expectFires(raw, 'E-DEVIATION-DENIED', ['projects', 0, 'indicators', 0, 'deviationReason']);
  });
  it('fires when a key task under the threshold says 正常', () => {
    const raw = withChange((u) => {
      setFunds(u, 0, '100.00', '100.00', '80.00');
      keyTask(u, 0).lowExecutionReason = '正常';
    });
    expectFires(raw, 'E-DEVIATION-DENIED', TASK0_REASON);
  });
  it('does not fire when a met indicator says 无偏差, or an unmet one gives a reason', () => {
    expectQuiet(
      withChange((u) => {
        projectIndicator(u, 0, 0).deviationReason = '无偏差';
      }),
      'E-DEVIATION-DENIED',
    );
    expectQuiet(
      withChange((u) => {
        projectIndicator(u, 0, 0).actual = '8';
        projectIndicator(u, 0, 0).deviationReason = '供货延迟，已督促供应商。';
      }),
      'E-DEVIATION-DENIED',
    );
  });
});

describe('§7.4 W-DEVIATION-UNEXPLAINED', () => {
  it('fires for an unmet project indicator without a reason', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 0).actual = '8';
      }),
      'W-DEVIATION-UNEXPLAINED',
      ['projects', 0, 'indicators', 0, 'deviationReason'],
    );
  });
  it('fires for an unmet department indicator without a reason', () => {
    expectFires(
      withChange((u) => {
        deptIndicator(u, 0).actual = '3';
      }),
      'W-DEVIATION-UNEXPLAINED',
      ['dept', 'indicators', 0, 'deviationReason'],
    );
  });
  it('does not fire when the reason is given', () => {
    expectQuiet(
      withChange((u) => {
        projectIndicator(u, 0, 0).actual = '8';
        projectIndicator(u, 0, 0).deviationReason = '供货延迟，已督促供应商。';
      }),
      'W-DEVIATION-UNEXPLAINED',
    );
  });
});

describe('§7.4 W-OVERACHIEVED', () => {
  it('fires at exactly 30% above a ≥ target', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 1, 0).actual = '130';
      }),
      'W-OVERACHIEVED',
      ['projects', 1, 'indicators', 0, 'actual'],
    );
  });
  it('fires 30% under a ≤ target', () => {
    expectFires(
      withChange((u) => {
        Object.assign(projectIndicator(u, 1, 0), { name: '培训完成天数', nature: '≤', target: '30', unit: '天', actual: '21' });
      }),
      'W-OVERACHIEVED',
      ['projects', 1, 'indicators', 0, 'actual'],
    );
  });
  it('does not fire at 29.99%, or when the deviation is explained', () => {
    expectQuiet(
      withChange((u) => {
        projectIndicator(u, 1, 0).actual = '129.99';
      }),
      'W-OVERACHIEVED',
    );
    expectQuiet(
      withChange((u) => {
        projectIndicator(u, 1, 0).actual = '150';
        projectIndicator(u, 1, 0).deviationReason = '增开线上班次，参训人数增加。';
      }),
      'W-OVERACHIEVED',
    );
  });
});

describe('§7.4 W-ADJUSTMENT-UNEXPLAINED', () => {
  it('fires when 全年预算数 ≠ 年初预算数 and there is no adjustment', () => {
    expectFires(
      withChange((u) => setFunds(u, 0, '30.00', '35.00', '35.00')),
      'W-ADJUSTMENT-UNEXPLAINED',
      ['projects', 0, 'funds', 'current', 'adjustedBudget'],
    );
  });
  it('fires at the adjustment that has no reason', () => {
    const raw = withChange((u) => {
      setFunds(u, 0, '30.00', '35.00', '35.00');
      project(u, 0).adjustments = [{ amount: '5.00' }];
    });
    expectFires(raw, 'W-ADJUSTMENT-UNEXPLAINED', ['projects', 0, 'adjustments', 0, 'reason']);
  });
  it('does not fire when the adjustment has a reason', () => {
    const raw = withChange((u) => {
      setFunds(u, 0, '30.00', '35.00', '35.00');
      project(u, 0).adjustments = [{ amount: '5.00', reason: '年中追加设备购置' }];
    });
    expectQuiet(raw, 'W-ADJUSTMENT-UNEXPLAINED');
  });
});

describe('§7.4 W-GOAL-TEXT-COPIED', () => {
  it('fires when 实际完成情况 repeats 预期目标 (white space aside)', () => {
    expectFires(
      withChange((u) => {
        project(u, 0).goal.achieved = ' 购置办公设备 10台。';
      }),
      'W-GOAL-TEXT-COPIED',
      ['projects', 0, 'goal', 'achieved'],
    );
  });
  it('does not fire for a real account', () => {
    expectQuiet(
      withChange(() => {}),
      'W-GOAL-TEXT-COPIED',
    );
  });
});

describe('§7.4 W-SCORE-EXEC-DIVERGENCE (optional)', () => {
  const raw = withChange((u) => {
    projectIndicator(u, 0, 0).actual = '5';
    projectIndicator(u, 0, 0).deviationReason = '预算执行完毕但设备缺货。';
  });
  it('fires with the optional checks when indicators score far below 执行率', () => {
    expectFires(raw, 'W-SCORE-EXEC-DIVERGENCE', ['projects', 0, 'funds'], { optional: true });
  });
  it('does not run by default', () => {
    expect(withCode(diagnosticsOf(raw), 'W-SCORE-EXEC-DIVERGENCE')).toEqual([]);
  });
});
