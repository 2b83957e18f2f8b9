/** 四川计分表检查（DOMAIN.md §7.3、§7.5）：填报项齐全、调分合规、旧报告印出的比率与得分、总分与等级、效益类别有无对应指标。 */
import { Money, formatAmount, formatPercent, formatScore, sum } from '../../../model/money.js';
import { diagnostic, type Diagnostic } from '../../../model/diagnostic.js';
import type { Profile } from '../../../model/profile.js';
import type { LineFigures, SheetFigures } from '../derived.js';
import type { Rubric } from '../rubric.js';
import type { CompletionIndicatorInput, LineInput, ScoresheetInput } from '../schema.js';
import { grade } from '../../../derive/scoring.js';
import { level2Of } from '../derive/indicators.js';
import { rubricLines } from '../derive/rubric.js';
import { suggestKey } from '../../../load/suggest.js';
import { rateAgrees, shownStated, statedNumber, statedPercent } from './stated.js';

/** One score sheet to check: its entries, figures, completion-table indicators and where it sits. */
export interface SheetToCheck {
  readonly who: string;
  readonly path: readonly PropertyKey[];
  readonly input: ScoresheetInput;
  readonly sheet: SheetFigures;
  readonly rubric: Rubric;
  readonly indicators: readonly CompletionIndicatorInput[];
  readonly bands: Profile['gradeBands'];
}

const LABELS: Readonly<Record<string, string>> = {
  answers: '各评分要点是否符合',
  quarters: '各季度是否按进度完成',
  degree: '实现程度',
  ratio: '比率',
  satisfaction: '满意度指标的执行结果',
};

/** Entries the rubric does not know, wrong answer counts, and inputs the line needs but lacks. */
function entryProblems(s: SheetToCheck): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = rubricLines(s.rubric).map((l) => l.line.id);
  for (const id of Object.keys(s.input.lines)) {
    if (ids.includes(id)) continue;
    const guess = suggestKey(id, ids);
    out.push(
      diagnostic(
        'E-SCHEMA',
        [...s.path, 'lines', id],
        `${s.who}计分表：评分细则中没有“${id}”${guess ? `，是否想写“${guess}”` : ''}；可用的标识为 ${ids.join('、')}。`,
        { expected: guess ?? ids.join(' | '), actual: id },
      ),
    );
  }
  for (const l of s.sheet.lines) {
    const at = [...s.path, 'lines', l.line.id];
    const input = s.input.lines[l.line.id];
    const name = `${s.who}计分表“${l.line.label}”`;
    const { rule } = l.line;
    if (rule.type === 'checklist' && input?.answers && input.answers.length !== rule.items.length) {
      out.push(
        diagnostic('E-SCHEMA', [...at, 'answers'], `${name}：应逐项填写${rule.items.length}个评分要点（实际${input.answers.length}个）。`, {
          expected: String(rule.items.length),
          actual: String(input.answers.length),
        }),
      );
    }
    const keys = l.line.inputs.map((i) => i.key);
    for (const k of Object.keys(input?.values ?? {})) {
      if (!keys.includes(k))
        out.push(
          diagnostic(
            'E-SCHEMA',
            [...at, 'values', k],
            `${name}：没有参数“${k}”；可填写的参数为 ${
              l.line.inputs
                .filter((i) => !i.from)
                .map((i) => `${i.key}（${i.label}）`)
                .join('、') || '（无）'
            }。`,
            { actual: k },
          ),
        );
    }
    if (input?.scoreOverride) continue;
    for (const m of l.missing) {
      const inp = l.line.inputs.find((i) => i.key === m);
      const label = inp ? inp.label : (LABELS[m] ?? m);
      out.push(
        diagnostic('E-REQUIRED', inp ? [...at, 'values', m] : [...at, m === 'satisfaction' ? 'ratio' : m], `${name}：缺少必填项“${label}”，无法计分。`, {
          expected: label,
          actual: '未填写',
        }),
      );
    }
    if (l.undefinedBase && l.score === null) {
      out.push(
        diagnostic('E-REQUIRED', at, `${name}：公式分母为0，比率无意义；请以人工调分（scoreOverride）给出得分及理由。`, {
          expected: 'scoreOverride',
          actual: '—',
        }),
      );
    }
  }
  return out;
}

/** E-SCORE-OVER-WEIGHT for an override above the line's points. */
function overrideProblems(s: SheetToCheck): Diagnostic[] {
  return s.sheet.lines.flatMap((l) => {
    const o = s.input.lines[l.line.id]?.scoreOverride;
    return o?.value.greaterThan(l.line.points)
      ? [
          diagnostic(
            'E-SCORE-OVER-WEIGHT',
            [...s.path, 'lines', l.line.id, 'scoreOverride', 'value'],
            `${s.who}计分表“${l.line.label}”：得分${formatScore(o.value)}超过分值${formatScore(l.line.points)}。`,
            { expected: `≤ ${formatScore(l.line.points)}`, actual: formatScore(o.value) },
          ),
        ]
      : [];
  });
}

/** The rate a stated rate is compared with: the line's rate, or for quarter lines the rate of the printed formula when on time. */
function comparableRate(l: LineFigures, input: LineInput | undefined) {
  const { rule } = l.line;
  if (rule.type !== 'quarters') return l.rate;
  return rule.onTimeRate && input?.quarters?.every((q) => q) ? rule.onTimeRate : null;
}

/** The printed formula behind a rate, for messages. */
const formulaOf = (l: LineFigures): string => {
  const r = l.line.ruleText?.split('\n')[0] ?? '';
  const m = /[=＝](.+?)。/.exec(r);
  return m ? m[1]!.trim() : '评分细则的公式';
};

/** Stated rates, differences and scores of each line (an old report's figures). */
function statedProblems(s: SheetToCheck): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const l of s.sheet.lines) {
    const input = s.input.lines[l.line.id];
    const stated = input?.stated;
    if (!stated) continue;
    const at = [...s.path, 'lines', l.line.id, 'stated'];
    const name = `${s.who}计分表“${l.line.label}”`;
    if (stated.ratio !== undefined) {
      const want = comparableRate(l, input);
      const got = statedPercent(stated.ratio);
      if (want === null && l.undefinedBase && got)
        out.push(
          diagnostic('W-RATE-ZERO-DENOMINATOR', [...at, 'ratio'], `${name}：分母为0，比率无意义，应显示为“—”（填报为${stated.ratio}）。`, {
            expected: '—',
            actual: stated.ratio,
          }),
        );
      else if (want !== null && (!got || !rateAgrees(got, want, 2))) {
        out.push(
          diagnostic('E-STATED-RATE', [...at, 'ratio'], `${name}：填报为${shownStated(stated.ratio)}，按${formulaOf(l)}计算应为${formatPercent(want)}。`, {
            expected: formatPercent(want),
            actual: stated.ratio,
          }),
        );
      }
    }
    if (stated.difference !== undefined && l.difference !== null) {
      const want = l.difference.abs();
      const got = statedNumber(stated.difference);
      if (!got?.equals(want.toDecimalPlaces(2)))
        out.push(
          diagnostic('E-STATED-AMOUNT', [...at, 'difference'], `${name}：填报为${shownStated(stated.difference)}万元，计算应为${formatAmount(want)}万元。`, {
            expected: formatAmount(want),
            actual: stated.difference,
          }),
        );
    }
    if (stated.score !== undefined && l.score !== null) {
      const got = statedNumber(stated.score);
      if (stated.score === '')
        out.push(
          diagnostic('E-REQUIRED', [...at, 'score'], `${name}：自评分数为空白，按评分规则应得${formatScore(l.score)}分；缺少必填项。`, {
            expected: formatScore(l.score),
            actual: '空白',
          }),
        );
      else if (!got || got.minus(l.score).abs().greaterThanOrEqualTo('0.01')) {
        out.push(
          diagnostic(
            'E-SCORE-UNJUSTIFIED',
            [...at, 'score'],
            `${name}：按评分规则应得${formatScore(l.score)}分，填报${shownStated(stated.score)}分；如需调整请填写调分理由。`,
            { expected: formatScore(l.score), actual: stated.score },
          ),
        );
      }
    }
  }
  return out;
}

/** E-SCORE-TOTAL against the printed line scores, and E-GRADE-BAND against the total. */
function totalProblems(s: SheetToCheck): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stated = s.input.stated;
  const printed = s.sheet.lines.map((l) => statedNumber(s.input.lines[l.line.id]?.stated?.score ?? '') ?? l.score ?? new Money(0));
  const sumPrinted = sum(printed);
  const total = stated?.total !== undefined ? statedNumber(stated.total) : undefined;
  if (stated?.total !== undefined && !total?.equals(sumPrinted)) {
    out.push(
      diagnostic(
        'E-SCORE-TOTAL',
        [...s.path, 'stated', 'total'],
        `${s.who}计分表：总分填报为${shownStated(stated.total)}，各项得分合计为${formatScore(sumPrinted)}。`,
        { expected: formatScore(sumPrinted), actual: stated.total },
      ),
    );
  }
  if (stated?.grade !== undefined) {
    const base = total ?? s.sheet.total;
    const want = grade(base, s.bands);
    if (stated.grade !== want)
      out.push(
        diagnostic(
          'E-GRADE-BAND',
          [...s.path, 'stated', 'grade'],
          `${s.who}计分表：总分${formatScore(base)}对应等级为“${want}”，填报为“${shownStated(stated.grade)}”。`,
          { expected: want, actual: stated.grade },
        ),
      );
  }
  return out;
}

/** W-RUBRIC-NO-TARGET: a line scoring a category (经济效益 …) while the completion table has no indicator of it. */
function noTarget(s: SheetToCheck, p: Profile): Diagnostic[] {
  const present = new Set(s.indicators.map((ind) => level2Of(ind, p)));
  return s.sheet.lines.flatMap((l) => {
    const cat = l.line.category;
    if (!cat || present.has(cat) || !l.score?.greaterThan(0)) return [];
    return [
      diagnostic(
        'W-RUBRIC-NO-TARGET',
        [...s.path, 'lines', l.line.id],
        `${s.who}：计分表对“${cat}”计${formatScore(l.score)}分，但绩效目标完成情况表中没有该类指标。`,
        { expected: cat, actual: '（无）' },
      ),
    ];
  });
}

/** Runs the score-sheet checks of one sheet. */
export function checkSheet(s: SheetToCheck, p: Profile): Diagnostic[] {
  return [...entryProblems(s), ...overrideProblems(s), ...statedProblems(s), ...totalProblems(s), ...noTarget(s, p)];
}
