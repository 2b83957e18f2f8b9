/** The gansu and ningxia rules in isolation: natures of bare targets, changes, typed cells, narrative figures, text checks, roll-up. */
import { describe, expect, it } from 'vitest';
import { Money } from '../../../src/model/money.js';
import type { GansuIndicatorInput } from '../../../src/profiles/gansu/schema.js';
import { GansuSettingsSchema } from '../../../src/profiles/gansu/settings.js';
import { scoredIndicator, yearTarget } from '../../../src/profiles/gansu/derive/indicators.js';
import { changeRate, deriveBudget } from '../../../src/profiles/gansu/derive/budget.js';
import { rollUpQualitative, rollUpValue } from '../../../src/profiles/gansu/derive/aggregate.js';
import { typedValue } from '../../../src/profiles/gansu/compose/typed-value.js';
import { changeView, chineseDate, narrativeAmount, narrativePercent, openEnded } from '../../../src/compose/narrative-numbers.js';
import { parseRuns } from '../../../src/compose/runs.js';
import { splitPreamble } from '../../../src/compose/markup.js';
import { enumCount, foreignTerms, manualNumbering } from '../../../src/check/text.js';
import { parseStatedPercent, statedAgrees } from '../../../src/check/stated.js';

const M = (s: string) => new Money(s);
const settings = GansuSettingsSchema.parse({});
const ind = (target: string, extra: Partial<GansuIndicatorInput> = {}): GansuIndicatorInput =>
  ({ level1: '部门管理', level2: '资金投入', name: '在职人员控制率', target, actual: '100%', ...extra }) as GansuIndicatorInput;

describe('G2 indicators', () => {
  it('gives a bare number target the profile’s nature, since the form has no 指标性质 column', () => {
    expect(scoredIndicator(ind('100%'), settings).nature).toBe('=');
    expect(scoredIndicator(ind('1'), { ...settings, bareTargetNature: '≥' }).nature).toBe('≥');
    expect(scoredIndicator(ind('≥1项'), settings).nature).toBeUndefined();
    expect(scoredIndicator(ind('健全'), settings).nature).toBeUndefined();
  });
  it('scores against 指标值 by default and against 年度目标值 when the profile says so', () => {
    const i = ind('≤10%', { yearTarget: '≤100%' });
    expect(scoredIndicator(i, settings).target).toBe('≤10%');
    expect(scoredIndicator(i, { ...settings, scoreAgainst: 'yearTarget' }).target).toBe('≤100%');
    expect(yearTarget(ind('≥95%'))).toBe('≥95%');
  });
  it('keeps every value as typed, storing real numbers where the text is one', () => {
    expect(typedValue('98.00%')).toEqual({ kind: 'percent', value: M('0.98'), places: 2 });
    expect(typedValue('100%')).toEqual({ kind: 'percent', value: M('1'), places: 0 });
    expect(typedValue('1')).toEqual({ kind: 'number', value: M('1') });
    for (const t of ['≥1项', '2项', '健全', '>90%', '1.50']) expect(typedValue(t)).toEqual({ kind: 'text', text: t });
  });
});

describe('部门预算 and its changes', () => {
  it('computes a change on the displayed amounts, with no change over a zero or missing base', () => {
    expect(changeRate(M('508.65'), M('465.37'))!.times(100).toFixed(2)).toBe('9.30');
    expect(changeRate(M('50'), M('0'))).toBeNull();
    expect(changeRate(M('50'), null)).toBeNull();
    expect(changeRate(M('90'), M('100'))!.toFixed(2)).toBe('-0.10');
  });
  it('takes 项目支出 from its items when no amount is typed, and totals the parts', () => {
    const b = deriveBudget({
      personnel: { amount: M('508.65'), prior: M('465.37') },
      goodsAndServices: { amount: M('85'), prior: M('78.17') },
      projects: {
        prior: M('36.40'),
        items: [
          { name: 'a', amount: M('41') },
          { name: 'b', amount: M('17') },
        ],
      },
    });
    expect([b.projects.amount.toFixed(2), b.total.amount.toFixed(2), b.total.prior!.toFixed(2)]).toEqual(['58.00', '651.65', '579.94']);
    expect(b.total.change!.times(100).toDecimalPlaces(2).toFixed(2)).toBe('12.37');
  });
});

describe('figures in sentences', () => {
  it('prints amounts and rates as the seeds do (trim) or with 2 decimals (fixed)', () => {
    expect([narrativeAmount(M('85'), 'trim'), narrativeAmount(M('38.70'), 'trim'), narrativeAmount(M('7.06'), 'trim')]).toEqual(['85', '38.7', '7.06']);
    expect(narrativeAmount(M('85'), 'fixed')).toBe('85.00');
    expect([narrativePercent(M('0.093'), 'trim'), narrativePercent(M('1'), 'trim'), narrativePercent(M('0.645'), 'fixed')]).toEqual(['9.3%', '100%', '64.50%']);
  });
  it('gives the direction of a change as flags and its size without a sign', () => {
    expect(changeView(M('-0.0441'), 'trim')).toEqual({ increase: false, same: false, rate: '4.41%' });
    expect(changeView(M('0.00001'), 'trim')).toEqual({ increase: false, same: true, rate: '0%' });
    expect(changeView(null, 'trim')).toBeNull();
  });
  it('writes dates and open-ended sentences as a document does', () => {
    expect(chineseDate('2024-03-08')).toBe('2024年3月8日');
    expect(openEnded('属于正常偏差范围。')).toBe('属于正常偏差范围');
  });
});

describe('markup of the narrative templates', () => {
  it('splits **bold** stretches into runs and leaves unmatched markers alone', () => {
    expect(parseRuns('**（一）项目背景。**人大综合业务')).toEqual([{ text: '（一）项目背景。', bold: true }, { text: '人大综合业务' }]);
    expect(parseRuns('一是**预算编制**。预算')).toEqual([{ text: '一是' }, { text: '预算编制', bold: true }, { text: '。预算' }]);
    expect(parseRuns('5**8')).toEqual([{ text: '5**8' }]);
  });
  it('keeps the opening paragraphs before the first heading apart', () => {
    expect(splitPreamble('开头一\n\n开头二\n# 一、标题\n正文')).toEqual({ preamble: ['开头一', '开头二'], rest: '# 一、标题\n正文' });
  });
});

describe('text checks', () => {
  const field = (text: string) => [{ path: ['narrative', 'mandate'], text }];
  it('W-MANUAL-NUMBERING: a paragraph that starts with its own number, not a figure', () => {
    expect(manualNumbering(field('（一）人员支出\n1.5万元用于培训\n2、加强管理\n一是加强')).map((d) => d.actual)).toEqual(['（一）', '2、']);
  });
  it('W-ENUM-COUNT: “N个” next to a list in parentheses that names another number of items', () => {
    expect(enumCount(field('下设“两室四工委”（办公室、甲委、乙委、丙委、丁委）6个工作机构')).map((d) => d.actual)).toEqual(['6个']);
    expect(enumCount(field('设五个科室（甲、乙、丙、丁、戊）'))).toEqual([]);
    expect(enumCount(field('下设3个科（甲、乙）'))).toHaveLength(1);
  });
  it('W-FOREIGN-TERMS: a configured term, once per field', () => {
    expect(foreignTerms(field('纪检监察工作，纪检监察干部'), ['纪检监察']).map((d) => d.code)).toEqual(['W-FOREIGN-TERMS']);
  });
  it('compares a typed percentage at the precision it was typed with', () => {
    expect(statedAgrees(parseStatedPercent('9.3%')!, M('0.0929997'))).toBe(true);
    expect(statedAgrees(parseStatedPercent('9.21%')!, M('0.1254'))).toBe(false);
    expect(parseStatedPercent('百分之九')).toBeUndefined();
  });
});

describe('roll-up of subordinate units (DOMAIN.md §5.9)', () => {
  const parts = [
    { funds: M('300'), value: M('3'), ratio: M('1') },
    { funds: M('100'), value: M('5'), ratio: M('0.6') },
  ];
  it('sums absolute values and weights relative ones by fund amount', () => {
    expect(rollUpValue('absolute', parts)!.toFixed(2)).toBe('8.00');
    expect(
      rollUpValue('relative', [
        { funds: M('300'), value: M('98'), ratio: M('1') },
        { funds: M('100'), value: M('90'), ratio: M('1') },
      ])!.toFixed(2),
    ).toBe('96.00');
  });
  it('weights qualitative completion ratios by fund amount', () => {
    expect(rollUpQualitative(M('4'), parts)!.toFixed(2)).toBe('3.60');
    expect(rollUpQualitative(M('4'), [{ funds: M('0'), value: null, ratio: M('1') }])).toBeNull();
  });
});
