/** 自评依据及说明：计算类指标按细则模板写出公式与结果，其余写填报的依据；未满分的评分要点注明扣分。 */
import { formatAmount, formatPercent, formatPlain, formatScore } from '../../../model/money.js';
import type { LineFigures } from '../derived.js';
import type { LineInput } from '../schema.js';
import type { Render } from '../../../compose/templates.js';
import { plainText } from '../../../compose/verbatim.js';

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';

/** What the evidence of a line may refer to besides the line itself. */
export interface EvidenceContext {
  readonly year: number;
  readonly rubricName: string;
  readonly render: Render;
}

/** The view of a line's evidence template: every input formatted, the rate, the change and its verb. */
export function evidenceView(l: LineFigures, year: number): Record<string, string> {
  const values = Object.fromEntries(
    l.values.map((v) => {
      const kind = l.line.inputs.find((i) => i.key === v.key)?.kind;
      return [v.key, v.value === null ? '' : kind === 'count' ? formatPlain(v.value) : formatAmount(v.value)];
    }),
  );
  return {
    ...values,
    rate: l.rate === null ? '—' : formatPercent(l.rate),
    difference: l.difference === null ? '' : formatAmount(l.difference.abs()),
    verb: l.difference?.isNegative() ? '减少' : '增加',
    year: String(year),
    priorYear: String(year - 1),
    score: l.score === null ? '' : formatScore(l.score),
    points: formatScore(l.line.points),
  };
}

/** Checklist evidence: the unit's text (or the items met), then each item not met with the points it lost. */
function checklistText(l: LineFigures, input: LineInput | undefined): string {
  if (l.line.rule.type !== 'checklist') return '';
  const items = l.line.rule.items;
  const answers = input?.answers ?? [];
  const met = items.filter((_, i) => answers[i] === true).map((it) => it.text);
  const lost = items.flatMap((it, i) => (answers[i] === true ? [] : [`${CIRCLED[i] ?? `${i + 1}.`}${it.text}（扣${formatScore(it.points)}分）`]));
  const base = input?.evidence ?? (met.length > 0 ? `${met.join('；')}。` : '');
  return [base, lost.length > 0 ? `未达到：${lost.join('；')}。` : ''].filter((s) => s !== '').join('\n');
}

/** Quarter evidence: which quarters were on schedule. */
function quartersText(input: LineInput | undefined): string {
  const q = input?.quarters ?? [];
  const on = q.flatMap((x, i) => (x ? [i + 1] : []));
  const off = q.flatMap((x, i) => (x ? [] : [i + 1]));
  if (off.length === 0) return '1—4季度均按计划完成。';
  return `${[on.length > 0 ? `第${on.join('、')}季度按计划完成` : '', `第${off.join('、')}季度未按计划完成`].filter((s) => s !== '').join('，')}。`;
}

/** 自评依据及说明 of one line. */
export function lineEvidence(l: LineFigures, input: LineInput | undefined, ctx: EvidenceContext): string {
  const own = input?.evidence;
  let text: string;
  switch (l.line.rule.type) {
    case 'checklist':
      text = checklistText(l, input);
      break;
    case 'quarters':
      text = own ?? quartersText(input);
      break;
    case 'degree':
      text = own ?? (input?.degree ? `实现程度${formatPercent(input.degree)}。` : '');
      break;
    default:
      if (l.rateEntered) text = own ?? `${l.line.label}为${formatPercent(l.rate!)}。`;
      else if (l.missing.length > 0 || !l.line.evidence) text = own ?? '';
      else
        text = [plainText(ctx.render(`评分细则“${ctx.rubricName}”${l.line.id}.evidence`, l.line.evidence, evidenceView(l, ctx.year))), own ?? '']
          .filter((s) => s !== '')
          .join('\n');
  }
  return l.overrideReason ? [text, `人工调分理由：${l.overrideReason}`].filter((s) => s !== '').join('\n') : text;
}
