import { describe, expect, it } from 'vitest';
import { codesAndPaths, diagnosticsOf, expectFires, expectQuiet, keyTask, project, rebalance, setFunds, withChange } from '../support/unit-builder.js';

describe('§7.2 W-INCOME-EXPENSE-GAP', () => {
  it('fires when 支出合计 exceeds 收入合计 and no 年初结转结余 is given', () => {
    expectFires(
      withChange((u) => {
        u.finance.basicExpenditure = '160.00';
      }),
      'W-INCOME-EXPENSE-GAP',
      ['finance', 'openingCarryover'],
    );
  });
  it('fires when the 年初结转结余 is 0.01 short of the gap', () => {
    expectFires(
      withChange((u) => {
        u.finance.basicExpenditure = '160.00';
        u.finance.openingCarryover = '9.99';
      }),
      'W-INCOME-EXPENSE-GAP',
      ['finance', 'openingCarryover'],
    );
  });
  it('does not fire when the 年初结转结余 covers the gap', () => {
    expectQuiet(
      withChange((u) => {
        u.finance.basicExpenditure = '160.00';
        u.finance.openingCarryover = '10.00';
      }),
      'W-INCOME-EXPENSE-GAP',
    );
  });
});

describe('§7.2 E-SUM-PROJECT-ACTUAL', () => {
  it('fires when 项目支出 differs from Σ 全年执行数 and the project list is complete', () => {
    expectFires(
      withChange((u) => {
        u.finance.projectExpenditure = '49.99';
      }),
      'E-SUM-PROJECT-ACTUAL',
      ['finance', 'projectExpenditure'],
    );
  });
  it('does not fire when the project list is declared incomplete', () => {
    expectQuiet(
      withChange((u) => {
        u.finance.projectExpenditure = '60.00';
        u.finance.projectsComplete = false;
      }),
      'E-SUM-PROJECT-ACTUAL',
    );
  });
});

describe('§7.2 E-SUM-BUDGET-ADJUST', () => {
  it('fires when 全年预算数 ≠ 年初预算数 + Σ 调整预算', () => {
    const raw = withChange((u) => {
      setFunds(u, 0, '30.00', '35.00', '35.00');
      project(u, 0).adjustments = [{ amount: '4.00', reason: '年中追加设备购置' }];
    });
    expectFires(raw, 'E-SUM-BUDGET-ADJUST', ['projects', 0, 'adjustments']);
  });
  it('does not fire when the adjustments add up, including a cut', () => {
    const raw = withChange((u) => {
      setFunds(u, 0, '30.00', '35.00', '35.00');
      project(u, 0).adjustments = [
        { amount: '7.00', reason: '年中追加设备购置' },
        { amount: '-2.00', reason: '压减一般性支出' },
      ];
    });
    expect(codesAndPaths(diagnosticsOf(raw))).toEqual([]);
  });
});

describe('§7.2 E-TASK-AMOUNT', () => {
  it('fires when a linked task states another 实际支出金额', () => {
    expectFires(
      withChange((u) => {
        keyTask(u, 0).spent = '29.00';
      }),
      'E-TASK-AMOUNT',
      ['dept', 'keyTasks', 0, 'spent'],
    );
  });
  it('fires when a linked task states another 批复金额', () => {
    expectFires(
      withChange((u) => {
        keyTask(u, 0).approved = { appropriation: '31.00' };
      }),
      'E-TASK-AMOUNT',
      ['dept', 'keyTasks', 0, 'approved'],
    );
  });
  it('does not fire when the stated amounts equal the project', () => {
    expectQuiet(
      withChange((u) => {
        keyTask(u, 0).approved = { appropriation: '30.00' };
        keyTask(u, 0).spent = '30.00';
      }),
      'E-TASK-AMOUNT',
    );
  });
});

describe('§7.2 W-TASK-SUM', () => {
  it('fires when Σ 批复金额 and Σ 实际支出金额 both differ from 项目支出', () => {
    const raw = withChange((u) => {
      u.dept.keyTasks[1] = { name: '业务培训', fundingLevel: '区级', description: '开展业务培训。', approved: { appropriation: '25.00' }, spent: '25.00' };
    });
    expectFires(raw, 'W-TASK-SUM', ['dept', 'keyTasks']);
  });
  it('does not fire when a project left money unspent (Σ 实际支出金额 = 项目支出)', () => {
    expectQuiet(
      withChange((u) => {
        setFunds(u, 0, '30.00', '30.00', '27.00');
      }),
      'W-TASK-SUM',
    );
  });
});

describe('§7.2 W-TASK-NAME', () => {
  it('fires when a linked task names its project differently', () => {
    expectFires(
      withChange((u) => {
        keyTask(u, 0).name = '办公设备购置项目';
      }),
      'W-TASK-NAME',
      ['dept', 'keyTasks', 0, 'name'],
    );
  });
  it('fires when a task matched by amount names its project differently', () => {
    const raw = withChange((u) => {
      u.dept.keyTasks[1] = { name: '培训经费', fundingLevel: '区级', description: '开展业务培训。', approved: { appropriation: '20.00' }, spent: '20.00' };
    });
    expectFires(raw, 'W-TASK-NAME', ['dept', 'keyTasks', 1, 'name']);
  });
  it('does not fire for the same name (white space aside)', () => {
    expectQuiet(
      withChange((u) => {
        keyTask(u, 0).name = '办公设备 购置';
      }),
      'W-TASK-NAME',
    );
  });
});

describe('§7.2 W-TASK-UNMATCHED', () => {
  it('fires for a project without a key task', () => {
    expectFires(
      withChange((u) => {
        u.dept.keyTasks.pop();
      }),
      'W-TASK-UNMATCHED',
      ['projects', 1],
    );
  });
  it('fires for an unlinked key task whose amount matches no project', () => {
    const raw = withChange((u) => {
      u.dept.keyTasks.push({ name: '日常运转', fundingLevel: '区级', description: '保障运转。', approved: { appropriation: '5.00' }, spent: '5.00' });
    });
    expectFires(raw, 'W-TASK-UNMATCHED', ['dept', 'keyTasks', 2]);
  });
  it('does not fire for an unlinked task that matches a project by amount', () => {
    const raw = withChange((u) => {
      u.dept.keyTasks[1] = { name: '业务培训', fundingLevel: '区级', description: '开展业务培训。', approved: { appropriation: '20.00' }, spent: '20.00' };
    });
    expect(codesAndPaths(diagnosticsOf(raw))).toEqual([]);
  });
});

describe('§7.2 E-EXEC-WITHOUT-BUDGET', () => {
  it('fires for a fund line executed without a 全年预算数', () => {
    const raw = withChange((u) => {
      project(u, 1).funds.carryover = { initialBudget: '0', adjustedBudget: '0', executed: '5.00' };
      rebalance(u);
    });
    expectFires(raw, 'E-EXEC-WITHOUT-BUDGET', ['projects', 1, 'funds', 'carryover', 'executed']);
  });
  it('fires for a standing-alone key task that spent without 批复金额', () => {
    const raw = withChange((u) => {
      u.dept.keyTasks.push({ name: '日常运转', fundingLevel: '区级', description: '保障运转。', approved: { appropriation: '0' }, spent: '5.00' });
    });
    expectFires(raw, 'E-EXEC-WITHOUT-BUDGET', ['dept', 'keyTasks', 2, 'spent']);
  });
  it('does not fire when the carryover has its budget', () => {
    const raw = withChange((u) => {
      project(u, 1).funds.carryover = { initialBudget: '5.00', adjustedBudget: '5.00', executed: '5.00' };
      rebalance(u);
    });
    expectQuiet(raw, 'E-EXEC-WITHOUT-BUDGET');
  });
});

describe('§7.2 W-ROUNDING-TAIL (amounts typed in 元)', () => {
  const inYuan = (income: [string, string]) =>
    withChange((u) => {
      u.amountUnit = '元';
      u.finance = {
        income: [
          { name: '财政拨款收入', amount: income[0] },
          { name: '其他收入', amount: income[1] },
        ],
        basicExpenditure: '1500000',
        projectExpenditure: '500000',
      };
      project(u, 0).funds.current = { initialBudget: '300000', adjustedBudget: '300000', executed: '300000' };
      project(u, 1).funds.current = { initialBudget: '200000', adjustedBudget: '200000', executed: '200000' };
    });
  it('fires when the printed income lines do not add up to the printed 收入合计', () => {
    expectFires(inYuan(['1000050', '999950']), 'W-ROUNDING-TAIL', ['finance', 'income']);
  });
  it('does not fire when every amount is a whole 0.01 万元', () => {
    expect(codesAndPaths(diagnosticsOf(inYuan(['1000100', '999900'])))).toEqual([]);
  });
});
