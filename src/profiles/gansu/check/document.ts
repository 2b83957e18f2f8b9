/** 甘肃红头文件检查：落款与成文日期必填、叙述中的得分与等级、自带序号、文号括号，以及可选的列举数与外单位用语。 */
import { Money, formatScore } from '../../../model/money.js';
import { diagnostic, type Diagnostic } from '../../../model/diagnostic.js';
import type { GansuDerived } from '../derived.js';
import type { GansuUnit } from '../schema.js';
import { labelPath } from '../../../model/labels.js';
import { GRADE_CLAIM, GRADE_WORDS, docNumbers, texts } from '../../../check/narrative.js';
import { enumCount, foreignTerms, manualNumbering } from '../../../check/text.js';

/** "自评得分100分", "得分为97.5分". */
const SCORE_CLAIM = /(?:自评)?得分(?:为|是|：|:)?\s*(\d+(?:\.\d+)?)\s*分/gu;

/** Runs the document checks; `optional` adds W-ENUM-COUNT and W-FOREIGN-TERMS. */
export function checkDocument(u: GansuUnit, d: GansuDerived, optional: ReadonlySet<string>): Diagnostic[] {
  const fields = texts(u.narrative, ['narrative']);
  return [
    ...required(u),
    ...narrativeScore(u, d),
    ...manualNumbering(fields),
    ...docNumbers(u),
    ...(optional.has('W-ENUM-COUNT') ? enumCount(fields) : []),
    ...(optional.has('W-FOREIGN-TERMS') ? foreignTerms(fields, u.options?.foreignTerms ?? []) : []),
  ];
}

/** E-REQUIRED: GB/T 9704 needs the 发文机关署名 and the 成文日期 (DOMAIN.md §7.1). */
function required(u: GansuUnit): Diagnostic[] {
  const missing = (
    [
      ['signatory', '发文机关署名'],
      ['issueDate', '成文日期'],
    ] as const
  ).filter(([k]) => (u.document[k] ?? '') === '');
  return missing.map(([key, name]) => diagnostic('E-REQUIRED', ['document', key], `公文：缺少必填项“${name}”（${key}）。`, { expected: name }));
}

/**
 * W-NARRATIVE-GRADE: free text that states a total (自评得分N分) or a grade other than the computed ones.
 * Note: the report's own sentence is generated from the computed total, so only typed text can disagree.
 */
function narrativeScore(u: GansuUnit, d: GansuDerived): Diagnostic[] {
  const out: Diagnostic[] = [];
  const total = formatScore(d.totalScore);
  for (const { path, text } of texts(u.narrative, ['narrative'])) {
    const claims: string[] = [];
    for (const m of text.matchAll(SCORE_CLAIM)) if (!new Money(m[1]!).equals(d.totalScore)) claims.push(m[0]);
    for (const m of text.matchAll(GRADE_CLAIM)) {
      const word = m[1] ?? m[2] ?? '';
      if (GRADE_WORDS[word] !== undefined && GRADE_WORDS[word] !== d.grade) claims.push(m[0]);
    }
    for (const claim of claims) {
      out.push(
        diagnostic('W-NARRATIVE-GRADE', path, `${labelPath(path)}：文字表述为“${claim}”，与计算结果${total}分、等级“${d.grade}”不一致。`, {
          expected: `${total}分，${d.grade}`,
          actual: claim,
        }),
      );
    }
  }
  return out;
}
