import { describe, expect, it } from 'vitest';
import { diagnosticsOf, expectFires, expectQuiet, projectIndicator, withChange, withCode } from '../support/unit-builder.js';

describe('§7.7 W-NARRATIVE-GRADE (reference: the common grade of the projects, here 优)', () => {
  it('fires for 良好 in the conclusion', () => {
    expectFires(
      withChange((u) => {
        u.narrative.conclusion = '资金使用合规，资金绩效评价情况良好。';
      }),
      'W-NARRATIVE-GRADE',
      ['narrative', 'conclusion'],
    );
  });
  it('fires for a stated grade 良', () => {
    expectFires(
      withChange((u) => {
        u.narrative.conclusion = '经自评，评价等级为良。';
      }),
      'W-NARRATIVE-GRADE',
      ['narrative', 'conclusion'],
    );
  });
  it('fires for 基本完成 in a year goal while every indicator is met', () => {
    expectFires(
      withChange((u) => {
        u.dept.yearGoals[0]!.achieved = '基本完成';
      }),
      'W-NARRATIVE-GRADE',
      ['dept', 'yearGoals', 0, 'achieved'],
    );
  });
  it('does not fire for 良好 used as an ordinary adjective, or for the right grade', () => {
    expectQuiet(
      withChange(() => {}),
      'W-NARRATIVE-GRADE',
    ); // base: 取得良好的社会效益
    expectQuiet(
      withChange((u) => {
        u.narrative.conclusion = '自评等级为优，评价结论：优秀。';
      }),
      'W-NARRATIVE-GRADE',
    );
  });
  it('does not fire for 基本完成 when an indicator was missed', () => {
    const raw = withChange((u) => {
      u.dept.yearGoals[0]!.achieved = '基本完成';
      Object.assign(projectIndicator(u, 0, 0), { actual: '9', deviationReason: '1台设备次年到货。' });
    });
    expectQuiet(raw, 'W-NARRATIVE-GRADE');
  });
  it('does not fire on grade words when the projects have different grades', () => {
    const raw = withChange((u) => {
      u.narrative.conclusion = '评价情况良好。';
      Object.assign(projectIndicator(u, 0, 0), { actual: '5', deviationReason: '设备缺货，次年补购。' }); // P1: 10 + 25 + 30 + 10 = 75, 中
    });
    expectQuiet(raw, 'W-NARRATIVE-GRADE');
  });
});

describe('§7.7 W-DOCNUM-BRACKETS', () => {
  it('fires for a document number with （2023）', () => {
    expectFires(
      withChange((u) => {
        u.narrative.goalSetting = '依据沾财发（2023）12号文件设立绩效目标。';
      }),
      'W-DOCNUM-BRACKETS',
      ['narrative', 'goalSetting'],
    );
  });
  it('fires for [2023] anywhere in the free text', () => {
    expectFires(
      withChange((u) => {
        projectIndicator(u, 0, 0).deviationReason = '按财预[2020]10号执行。';
      }),
      'W-DOCNUM-BRACKETS',
      ['projects', 0, 'indicators', 0, 'deviationReason'],
    );
  });
  it('does not fire for 〔2023〕 or a year in brackets that is no document number', () => {
    expectQuiet(
      withChange((u) => {
        u.narrative.goalSetting = '依据沾财发〔2023〕12号文件，于本年度（2023）设立。';
      }),
      'W-DOCNUM-BRACKETS',
    );
  });
});

describe('§7.7 W-MANUAL-NUMBERING', () => {
  it('is not run for the yunnan profile: the seeds number items inside cells', () => {
    const raw = withChange((u) => {
      u.narrative.problems = '1、绩效目标不够细化。\n2、资金支付进度偏慢。';
    });
    expect(withCode(diagnosticsOf(raw), 'W-MANUAL-NUMBERING')).toEqual([]);
  });
});
