/** The sichuan rule types of DOMAIN.md §5.8, each at its boundaries: exactly 100%, just over, the floor reached. */
import { describe, expect, it } from 'vitest';
import { Money } from '../../../src/model/money.js';
import {
  checklistScore,
  decreaseFullScore,
  degreeScore,
  inverseScore,
  proportionalScore,
  quartersScore,
  ratioCapScore,
  ruleScore,
  savingScore,
  thresholdStepScore,
  type ThresholdStep,
} from '../../../src/profiles/sichuan/derive/rules.js';
import { RubricSchema, RuleSchema } from '../../../src/profiles/sichuan/rubric.js';
import { scoreLine } from '../../../src/profiles/sichuan/derive/line.js';

const d = (s: string | number) => new Money(String(s));
const pct = (p: string) => d(p).div(100);
const s = (x: Money | null) => x?.toFixed(2) ?? null;
const step = (threshold: number, direction: 'above' | 'below', by: number, deduct: string, mode: ThresholdStep['mode'] = 'continuous'): ThresholdStep => ({
  threshold: d(threshold),
  direction,
  step: d(by),
  deduct: d(deduct),
  mode,
});

describe('checklist', () => {
  const items = [1, 0.5, 0.5].map((p) => ({ points: d(p) }));
  it('adds the points of the items marked met', () => {
    expect(s(checklistScore(items, [true, true, true]))).toBe('2.00');
    expect(s(checklistScore(items, [true, false, true]))).toBe('1.50');
    expect(s(checklistScore(items, [false, false, false]))).toBe('0.00');
  });
  it('sums 0.2 × 5 exactly (no binary drift)', () => {
    expect(
      s(
        checklistScore(
          [0.2, 0.2, 0.2, 0.2, 0.2].map((p) => ({ points: d(p) })),
          [true, true, true, true, true],
        ),
      ),
    ).toBe('1.00');
  });
});

describe('proportional (实际得分=完成率×分值)', () => {
  it('scores w at exactly 100% and never more when over', () => {
    expect(s(proportionalScore(d(8), pct('100')))).toBe('8.00');
    expect(s(proportionalScore(d(8), pct('100.01')))).toBe('8.00');
  });
  it('scores in proportion below, rounded half up', () => {
    expect(s(proportionalScore(d(4), pct('99.96')))).toBe('4.00');
    expect(s(proportionalScore(d(10), pct('85')))).toBe('8.50');
    expect(s(proportionalScore(d(10), pct('90')))).toBe('9.00');
  });
  it('reaches the floor at 0% and below', () => {
    expect(s(proportionalScore(d(5), pct('0')))).toBe('0.00');
    expect(s(proportionalScore(d(5), pct('-3')))).toBe('0.00');
  });
  it('honours a cap above 100%', () => {
    expect(s(proportionalScore(d(5), pct('120'), d('1.2')))).toBe('5.00');
  });
});

describe('degree (实现程度×分值)', () => {
  it('scores the asserted degree within 0–100%', () => {
    expect(s(degreeScore(d(5), pct('100')))).toBe('5.00');
    expect(s(degreeScore(d(5), pct('80')))).toBe('4.00');
    expect(s(degreeScore(d(5), pct('130')))).toBe('5.00');
  });
});

describe('ratio-cap (小于或等于1计满分，否则按比例)', () => {
  it('scores w at exactly the limit and below', () => {
    expect(s(ratioCapScore(d(5), pct('100'), d(1)))).toBe('5.00');
    expect(s(ratioCapScore(d(5), d(48).div(52), d(1)))).toBe('5.00');
  });
  it('scores w × limit ÷ rate just over it', () => {
    expect(s(ratioCapScore(d(5), pct('100.01'), d(1)))).toBe('5.00');
    expect(s(ratioCapScore(d(5), pct('125'), d(1)))).toBe('4.00');
  });
});

describe('decrease-full (下降的计满分，增加的按比例扣减)', () => {
  it('scores w for a fall or no change', () => {
    expect(s(decreaseFullScore(d(5), pct('-82.48')))).toBe('5.00');
    expect(s(decreaseFullScore(d(5), pct('0')))).toBe('5.00');
  });
  it('deducts in proportion to a rise and reaches the floor at +100%', () => {
    expect(s(decreaseFullScore(d(5), pct('0.01')))).toBe('5.00');
    expect(s(decreaseFullScore(d(5), pct('10')))).toBe('4.50');
    expect(s(decreaseFullScore(d(5), pct('100')))).toBe('0.00');
    expect(s(decreaseFullScore(d(5), pct('250')))).toBe('0.00');
  });
});

describe('saving (节约的计满分，增加的按比例扣分)', () => {
  it('scores w for a saving and for none', () => {
    expect(s(savingScore(d(5), pct('19.82')))).toBe('5.00');
    expect(s(savingScore(d(5), pct('0')))).toBe('5.00');
  });
  it('deducts in proportion to an overrun and reaches the floor at −100%', () => {
    expect(s(savingScore(d(5), pct('-0.01')))).toBe('5.00');
    expect(s(savingScore(d(5), pct('-20')))).toBe('4.00');
    expect(s(savingScore(d(5), pct('-100')))).toBe('0.00');
  });
});

describe('inverse (未调整的计满分，调整了的按比例扣减)', () => {
  it('scores w at 0% and in proportion above, down to the floor', () => {
    expect(s(inverseScore(d(2), pct('0')))).toBe('2.00');
    expect(s(inverseScore(d(2), pct('10')))).toBe('1.80');
    expect(s(inverseScore(d(2), pct('100')))).toBe('0.00');
    expect(s(inverseScore(d(2), pct('140')))).toBe('0.00');
  });
});

describe('threshold-step', () => {
  const overspend = step(100, 'above', 1, '0.1');
  it('scores w at exactly the threshold and on the good side of it', () => {
    expect(s(thresholdStepScore(d(2), pct('100'), overspend))).toBe('2.00');
    expect(s(thresholdStepScore(d(2), pct('99.83'), overspend))).toBe('2.00');
  });
  it('deducts continuously just over (公用经费控制率, 每超过1个百分点扣0.1分)', () => {
    expect(s(thresholdStepScore(d(2), pct('100.01'), overspend))).toBe('2.00');
    expect(s(thresholdStepScore(d(2), pct('105'), overspend))).toBe('1.50');
  });
  it('reaches the floor and stays there (“三公经费”控制率 115.51% → 0)', () => {
    const threePublic = step(100, 'above', 1, '0.5');
    expect(s(thresholdStepScore(d(2), pct('104'), threePublic))).toBe('0.00');
    expect(s(thresholdStepScore(d(2), pct('115.51'), threePublic))).toBe('0.00');
  });
  it('counts below a threshold for direction below (资金到位率, 每少一个百分点扣1分)', () => {
    const arrival = step(100, 'below', 1, '1');
    expect(s(thresholdStepScore(d(5), pct('100'), arrival))).toBe('5.00');
    expect(s(thresholdStepScore(d(5), pct('99.5'), arrival))).toBe('4.50');
    expect(s(thresholdStepScore(d(5), pct('95'), arrival))).toBe('0.00');
    expect(s(thresholdStepScore(d(5), pct('80.18'), arrival))).toBe('0.00');
  });
  it('reads a part step as a whole step (ceil) or as none (floor)', () => {
    const carry = (mode: ThresholdStep['mode']) => step(5, 'above', 5, '1', mode);
    expect(s(thresholdStepScore(d(2), pct('5'), carry('ceil')))).toBe('2.00');
    expect(s(thresholdStepScore(d(2), pct('5.01'), carry('ceil')))).toBe('1.00');
    expect(s(thresholdStepScore(d(2), pct('5.01'), carry('floor')))).toBe('2.00');
    expect(s(thresholdStepScore(d(2), pct('9.99'), carry('floor')))).toBe('2.00');
    expect(s(thresholdStepScore(d(2), pct('10'), carry('floor')))).toBe('1.00');
    expect(s(thresholdStepScore(d(2), pct('10'), carry('continuous')))).toBe('1.00');
    expect(s(thresholdStepScore(d(2), pct('15.01'), carry('ceil')))).toBe('0.00');
  });
});

describe('quarters (1–4季度各得n分)', () => {
  it('scores perQuarter for each quarter on schedule', () => {
    expect(s(quartersScore(d('1.5'), [true, true, true, true]))).toBe('6.00');
    expect(s(quartersScore(d('1.5'), [true, false, true, true]))).toBe('4.50');
    expect(s(quartersScore(d(1), [false, false, false, false]))).toBe('0.00');
  });
});

describe('ruleScore dispatches on the rule data', () => {
  const rule = (data: unknown) => RuleSchema.parse(data);
  const none = { rate: null, degree: null, items: null, quarters: null };
  it('scores each type from what it needs, and nothing when that is missing', () => {
    expect(s(ruleScore(rule({ type: 'threshold-step', threshold: 5, direction: 'above', step: 5, deduct: 1 }), d(2), { ...none, rate: pct('0.04') }))).toBe(
      '2.00',
    );
    expect(s(ruleScore(rule({ type: 'ratio-cap', limit: 1 }), d(5), none))).toBeNull();
    expect(s(ruleScore(rule({ type: 'checklist', items: [{ text: '甲', points: 1 }] }), d(1), { ...none, items: [true] }))).toBe('1.00');
    expect(s(ruleScore(rule({ type: 'quarters', perQuarter: 1 }), d(4), { ...none, quarters: [true, true, true, false] }))).toBe('3.00');
    expect(s(ruleScore(rule({ type: 'degree' }), d(5), { ...none, degree: pct('100') }))).toBe('5.00');
    expect(s(ruleScore(rule({ type: 'proportional' }), d(10), { ...none, rate: pct('92.5') }))).toBe('9.25');
  });
  it('defaults whenUndefined to na, mode to continuous and cap to 1', () => {
    expect(rule({ type: 'inverse' })).toMatchObject({ whenUndefined: 'na' });
    expect(rule({ type: 'threshold-step', threshold: 100, direction: 'below', step: 1, deduct: 1 })).toMatchObject({ mode: 'continuous' });
    const p = rule({ type: 'proportional' });
    expect(p.type === 'proportional' && p.cap.toString()).toBe('1');
  });
  it('rejects a rule missing a parameter', () => {
    expect(RuleSchema.safeParse({ type: 'threshold-step', threshold: 100, direction: 'above', deduct: 1 }).success).toBe(false);
    expect(RuleSchema.safeParse({ type: 'ratio-cap' }).success).toBe(false);
    expect(RuleSchema.safeParse({ type: 'bonus' }).success).toBe(false);
  });
});

describe('a line over a zero base (whenUndefined)', () => {
  const lineWith = (whenUndefined: string) =>
    RubricSchema.parse({
      name: '测试',
      total: 2,
      groups: [
        {
          label: '过程',
          points: 2,
          groups: [
            {
              label: '预算执行',
              points: 2,
              lines: [
                {
                  id: 'change',
                  label: '结转结余变动率',
                  points: 2,
                  definition: '',
                  rule: { type: 'threshold-step', threshold: 15, direction: 'above', step: 5, deduct: 1, whenUndefined },
                  inputs: [
                    { key: 'thisYear', label: '本年' },
                    { key: 'lastYear', label: '上年' },
                  ],
                  rate: { formula: 'change', of: ['thisYear', 'lastYear'] },
                },
              ],
            },
          ],
        },
      ],
    }).groups[0]!.groups[0]!.lines[0]!;
  const ctx = { bindings: {}, satisfaction: null, amountUnit: '万元' as const };
  const input = { values: { thisYear: d(1), lastYear: d(0) } };
  it('scores full, zero or nothing (the unit must override) as the rule says', () => {
    expect(s(scoreLine(lineWith('full'), '过程', '预算执行', input, ctx).score)).toBe('2.00');
    expect(s(scoreLine(lineWith('zero'), '过程', '预算执行', input, ctx).score)).toBe('0.00');
    const na = scoreLine(lineWith('na'), '过程', '预算执行', input, ctx);
    expect([na.score, na.rate, na.undefinedBase]).toEqual([null, null, true]);
  });
  it('takes an override instead, with its reason', () => {
    const o = scoreLine(lineWith('na'), '过程', '预算执行', { ...input, scoreOverride: { value: d('1.5'), reason: '上年无结转结余' } }, ctx);
    expect([s(o.score), o.ruleScore, o.overrideReason]).toEqual(['1.50', null, '上年无结转结余']);
  });
  it('converts entered amounts from 元 when the file is in 元', () => {
    const r = scoreLine(lineWith('na'), '过程', '预算执行', { values: { thisYear: d(6700), lastYear: d(76200) } }, { ...ctx, amountUnit: '元' });
    expect(r.values.map((v) => v.value!.toString())).toEqual(['0.67', '7.62']);
    expect(r.rate!.times(100).toFixed(2)).toBe('-91.21');
  });
});
