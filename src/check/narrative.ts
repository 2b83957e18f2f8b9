/** 文字检查（DOMAIN.md §7.7）：叙述中的等级、得分、完成程度与计算结果不符；文号年份括号。 */
import { Decimal } from 'decimal.js';
import { formatScore } from '../model/money.js';
import type { Derived } from '../model/derived.js';
import type { Profile } from '../model/profile.js';
import type { UnitYear } from '../model/unit-year.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { labelPath } from '../model/labels.js';

/** Grade words and the band label they mean; two-character words are unambiguous, one-character ones need a strong lead. */
export const GRADE_WORDS: Readonly<Record<string, string>> = { 优秀: '优', 优: '优', 良好: '良', 良: '良', 中等: '中', 中: '中', 较差: '差', 差: '差' };
/** "情况良好", "等级为良", "评价结论：优秀"; a lone 良 / 中 / 差 only after 等级, 结论, 评为 …, never inside 良好的社会效益. */
export const GRADE_CLAIM = new RegExp(
  String.raw`(?:等级|等次|档次|结论|结果|情况|评价|评定|评为|定为)(?:为|是|：|:){0,2}\s*[“"「]?(优秀|良好|中等|较差)` +
    String.raw`|(?:等级|等次|档次|结论|评定|评为|定为)(?:为|是|：|:){0,2}\s*[“"「]?(优|良|中|差)(?![\p{Script=Han}])`,
  'gu',
);
const PARTIAL_CLAIM = /基本完成|部分完成/gu;
/** 代字（2012）63号, 代字(2012)63号, 代字[2012]63号: GB/T 9704 wants 〔2012〕. */
const DOCNUM = /[\p{Script=Han}A-Za-z]{1,16}\s*[（([【]\s*(?:19|20)\d{2}\s*[）)\]】]\s*\d+\s*号/gu;

/** Runs the §7.7 checks. W-MANUAL-NUMBERING is not run for this profile: the seeds number items inside cells on purpose. */
export function checkNarrative(u: UnitYear, d: Derived, profile: Profile): Diagnostic[] {
  return [...narrativeGrade(u, d, profile), ...docNumbers(u)];
}

/**
 * W-NARRATIVE-GRADE. The Yunnan department table is unscored, so the reference is the common grade of the projects
 * (DOMAIN.md §7.7 #60). Grade words count only when every project has the same grade; 基本完成 / 部分完成 only when
 * every indicator is met and that grade is the top band.
 * Note: a stated score (自评得分N分) is not compared: the Yunnan department has no computed score to compare it with.
 */
function narrativeGrade(u: UnitYear, d: Derived, p: Profile): Diagnostic[] {
  if (d.projects.length === 0) return [];
  const grades = new Set(d.projects.map((x) => x.grade));
  const grade = grades.size === 1 ? d.projects[0]!.grade : null;
  if (grade === null) return [];
  const totals = d.projects.map((x) => x.totalScore);
  const low = Decimal.min(...totals);
  const high = Decimal.max(...totals);
  const totalText = low.equals(high) ? formatScore(low) : `${formatScore(low)}至${formatScore(high)}`;
  const top = [...p.gradeBands].sort((a, b) => b.min - a.min)[0]?.label;
  const allMet = [...d.dept.indicators, ...d.projects.flatMap((x) => x.indicators)].every((f) => f.met !== false);
  const fields: { path: readonly PropertyKey[]; name: string; text: string }[] = [
    { path: ['narrative', 'conclusion'], name: '评价情况分析及综合评价结论', text: u.narrative.conclusion },
    ...u.dept.yearGoals.flatMap((g, k) =>
      g.achieved !== undefined ? [{ path: ['dept', 'yearGoals', k, 'achieved'], name: `部门年度目标（${g.year}年）实际完成情况`, text: g.achieved }] : [],
    ),
  ];
  const out: Diagnostic[] = [];
  for (const f of fields) {
    const claims: string[] = [];
    for (const m of f.text.matchAll(GRADE_CLAIM)) {
      const word = m[1] ?? m[2] ?? '';
      if (GRADE_WORDS[word] !== undefined && GRADE_WORDS[word] !== grade) claims.push(m[0]);
    }
    if (allMet && grade === top) for (const m of f.text.matchAll(PARTIAL_CLAIM)) claims.push(m[0]);
    for (const claim of claims) {
      out.push(
        diagnostic('W-NARRATIVE-GRADE', f.path, `${f.name}：文字表述为“${claim}”，与计算结果${totalText}分、等级“${grade}”不一致。`, {
          expected: `${totalText}分，${grade}`,
          actual: claim,
        }),
      );
    }
  }
  return out;
}

/** W-DOCNUM-BRACKETS over every text of a validated input, whatever its profile. */
export function docNumbers(u: object): Diagnostic[] {
  const out: Diagnostic[] = [];
  eachText(u, [], (text, at) => {
    // Note: every document number ends in 号; most of a unit's texts are names and figures without one.
    if (!text.includes('号')) return;
    for (const m of text.matchAll(DOCNUM)) {
      const fixed = m[0].replace(/[（([【]\s*/, '〔').replace(/\s*[）)\]】]/, '〕');
      const path = [...at];
      out.push(diagnostic('W-DOCNUM-BRACKETS', path, `${labelPath(path)}：文号“${m[0]}”年份应使用六角括号〔〕。`, { expected: fixed, actual: m[0] }));
    }
  });
  return out;
}

/** Every string in the validated input with its path (amounts are Decimals and are skipped). */
export function texts(value: unknown, path: readonly PropertyKey[]): { path: readonly PropertyKey[]; text: string }[] {
  const out: { path: readonly PropertyKey[]; text: string }[] = [];
  eachText(value, [...path], (text, at) => out.push({ path: [...at], text }));
  return out;
}

/**
 * Calls `visit` with every string in the validated input and its path, in document order. Note: the path is one array
 * kept up to date as the walk goes, not a new one per value (a unit has thousands): copy it to keep it.
 */
function eachText(value: unknown, path: PropertyKey[], visit: (text: string, path: readonly PropertyKey[]) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value))
    value.forEach((v, i) => {
      path.push(i);
      eachText(v, path, visit);
      path.pop();
    });
  else if (value !== null && typeof value === 'object' && !Decimal.isDecimal(value))
    for (const [k, v] of Object.entries(value)) {
      path.push(k);
      eachText(v, path, visit);
      path.pop();
    }
}
