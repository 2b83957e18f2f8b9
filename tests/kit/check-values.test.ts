import { describe, it } from 'vitest';
import { deptIndicator, expectFires, expectQuiet, projectIndicator, withChange } from '../support/unit-builder.js';

const P0I0 = ['projects', 0, 'indicators', 0] as const;

describe('§7.1 E-NATURE-MISSING', () => {
  it('fires for a numeric target without 指标性质', () => {
    expectFires(
      withChange((u) => {
        delete deptIndicator(u, 1).nature;
      }),
      'E-NATURE-MISSING',
      ['dept', 'indicators', 1, 'nature'],
    );
  });
  it('does not fire when the target carries its comparator or is verbal', () => {
    expectQuiet(
      withChange((u) => {
        delete deptIndicator(u, 1).nature;
        deptIndicator(u, 1).target = '≥90';
      }),
      'E-NATURE-MISSING',
    );
    expectQuiet(
      withChange((u) => {
        Object.assign(deptIndicator(u, 0), { target: '有效', actual: '有效' });
        delete deptIndicator(u, 0).nature;
        delete deptIndicator(u, 0).unit;
      }),
      'E-NATURE-MISSING',
    );
  });
});

describe('§7.1 E-VALUE-NOT-NUMERIC', () => {
  it('fires when the nature is a comparator and the actual is words', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 0).actual = '已完成';
      }),
      'E-VALUE-NOT-NUMERIC',
      [...P0I0, 'actual'],
    );
  });
  it('fires when the nature is a comparator and the target is words', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 0).target = '十台';
      }),
      'E-VALUE-NOT-NUMERIC',
      [...P0I0, 'target'],
    );
  });
  it('does not fire for a 定性 indicator with verbal values', () => {
    expectQuiet(
      withChange((u) => {
        Object.assign(projectIndicator(u, 0, 1), { nature: '定性', target: '有效', actual: '有效' });
        delete projectIndicator(u, 0, 1).unit;
      }),
      'E-VALUE-NOT-NUMERIC',
    );
  });
});

describe('§7.1 E-RANGE-WITH-SYMBOL', () => {
  it('fires for a range target with ≥', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 0).target = '1-2';
      }),
      'E-RANGE-WITH-SYMBOL',
      [...P0I0, 'target'],
    );
  });
  it('fires for a comparator inside the target and a range (≥1～2)', () => {
    expectFires(
      withChange((u) => {
        delete projectIndicator(u, 0, 0).nature;
        projectIndicator(u, 0, 0).target = '≥1～2';
      }),
      'E-RANGE-WITH-SYMBOL',
      [...P0I0, 'target'],
    );
  });
  it('does not fire for a single number', () => {
    expectQuiet(
      withChange((u) => {
        projectIndicator(u, 0, 0).target = '2';
      }),
      'E-RANGE-WITH-SYMBOL',
    );
  });
});

describe('§7.1 E-ACTUAL-HAS-SYMBOL', () => {
  it('fires for an actual with a comparator', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 0).actual = '≥10';
      }),
      'E-ACTUAL-HAS-SYMBOL',
      [...P0I0, 'actual'],
    );
  });
  it('fires for a range actual', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 0).actual = '9-10';
      }),
      'E-ACTUAL-HAS-SYMBOL',
      [...P0I0, 'actual'],
    );
  });
  it('does not fire for a plain number', () => {
    expectQuiet(
      withChange((u) => {
        projectIndicator(u, 0, 0).actual = '11';
      }),
      'E-ACTUAL-HAS-SYMBOL',
    );
  });
});

describe('§7.1 W-UNIT-IN-VALUE', () => {
  it('fires when the target carries its unit', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 0).target = '10台';
      }),
      'W-UNIT-IN-VALUE',
      [...P0I0, 'target'],
    );
  });
  it('fires when the actual carries a different unit', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 0).actual = '10套';
      }),
      'W-UNIT-IN-VALUE',
      [...P0I0, 'actual'],
    );
  });
  it('does not fire for bare numbers', () => {
    expectQuiet(
      withChange(() => {}),
      'W-UNIT-IN-VALUE',
    );
  });
});

describe('§7.1 W-FRACTION-PERCENT', () => {
  it('fires for a rate written as 1 (meaning 100%)', () => {
    expectFires(
      withChange((u) => {
        Object.assign(projectIndicator(u, 0, 1), { target: '0.9', actual: '1' });
      }),
      'W-FRACTION-PERCENT',
      ['projects', 0, 'indicators', 1, 'actual'],
    );
  });
  it('does not fire for a reverse rate with a small percentage (投诉率 ≤ 1%)', () => {
    expectQuiet(
      withChange((u) => {
        Object.assign(projectIndicator(u, 0, 1), { name: '投诉率', nature: '≤', target: '1', actual: '0.5' });
      }),
      'W-FRACTION-PERCENT',
    );
  });
  it('does not fire for a count that happens to be 1', () => {
    expectQuiet(
      withChange((u) => {
        Object.assign(projectIndicator(u, 0, 0), { target: '1', actual: '1' });
      }),
      'W-FRACTION-PERCENT',
    );
  });
});

describe('§7.1 W-FUZZY-TARGET', () => {
  it('fires for 约', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 0).target = '约10';
      }),
      'W-FUZZY-TARGET',
      [...P0I0, 'target'],
    );
  });
  it('fires for 左右', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 0).target = '10台左右';
      }),
      'W-FUZZY-TARGET',
      [...P0I0, 'target'],
    );
  });
  it('does not fire for 约束 in a verbal target', () => {
    expectQuiet(
      withChange((u) => {
        Object.assign(projectIndicator(u, 0, 1), { nature: '定性', target: '约束机制健全', actual: '约束机制健全' });
        delete projectIndicator(u, 0, 1).unit;
      }),
      'W-FUZZY-TARGET',
    );
  });
});

describe('§7.1 E-REQUIRED (度量单位 of a 定量 indicator, 分值 of a project indicator)', () => {
  it('fires when a 定量 indicator has no 度量单位', () => {
    expectFires(
      withChange((u) => {
        delete projectIndicator(u, 0, 0).unit;
      }),
      'E-REQUIRED',
      [...P0I0, 'unit'],
    );
  });
  it('does not ask for a 度量单位 when the value carries it, or for a 定性 indicator', () => {
    expectQuiet(
      withChange((u) => {
        delete projectIndicator(u, 0, 0).unit;
        projectIndicator(u, 0, 0).target = '10台';
        projectIndicator(u, 0, 0).actual = '10台';
      }),
      'E-REQUIRED',
    );
    expectQuiet(
      withChange((u) => {
        Object.assign(projectIndicator(u, 0, 1), { nature: '定性', target: '有效', actual: '有效' });
        delete projectIndicator(u, 0, 1).unit;
      }),
      'E-REQUIRED',
    );
  });
  it('fires when a project indicator has no 分值', () => {
    expectFires(
      withChange((u) => {
        delete projectIndicator(u, 1, 2).weight;
      }),
      'E-REQUIRED',
      ['projects', 1, 'indicators', 2, 'weight'],
    );
  });
  it('does not ask for 分值 in the unscored department table', () => {
    expectQuiet(
      withChange(() => {}),
      'E-REQUIRED',
    );
  });
});
