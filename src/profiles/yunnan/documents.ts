/**
 * 文档集（settings.documents / options.documents）：一个单位报哪些文档，输入因而需要哪些部分。
 * 例如只报项目支出绩效自评表的学校不必填写 narrative、finance、dept；未印出的部分不做检查。
 */
import { Money } from '../../model/money.js';
import { readSettings, type Profile } from '../../model/profile.js';
import { diagnostic, type Diagnostic } from '../../model/diagnostic.js';
import type { DocumentKind, UnitYear, UnitYearInput } from '../../model/unit-year.js';
import { YunnanSettingsSchema, type YunnanSettings } from './settings.js';

/** The yunnan-family settings with the input's options over them. */
export function settingsOf(u: Pick<UnitYearInput, 'options'>, p: Profile): YunnanSettings {
  const s = readSettings(p, YunnanSettingsSchema).value;
  return {
    ...s,
    ...(u.options?.documents ? { documents: u.options.documents } : {}),
    ...(u.options?.tableMoney ? { tableMoney: { ...s.tableMoney, ...u.options.tableMoney } } : {}),
  };
}

type Part = 'narrative' | 'finance' | 'dept';

const PART_NAMES: Readonly<Record<Part, string>> = { narrative: '自评情况叙述（narrative）', finance: '收支情况（finance）', dept: '部门整体（dept）' };
const DOC_NAMES: Readonly<Record<DocumentKind, string>> = { report: '自评情况', deptTable: '部门整体支出绩效自评表', projectTables: '项目支出绩效自评表' };

/** Which input parts the documents print: the report prints all three, the department table prints dept. */
function needs(docs: readonly DocumentKind[]): Record<Part, DocumentKind | null> {
  const has = (k: DocumentKind) => docs.includes(k);
  return {
    narrative: has('report') ? 'report' : null,
    finance: has('report') ? 'report' : null,
    dept: has('report') ? 'report' : has('deptTable') ? 'deptTable' : null,
  };
}

/** E-REQUIRED for each part a listed document prints but the input leaves out (located at the file's top level). */
export function missingParts(u: UnitYearInput, docs: readonly DocumentKind[]): Diagnostic[] {
  const need = needs(docs);
  return (Object.keys(need) as Part[]).flatMap((part) => {
    const by = need[part];
    if (by === null || u[part] !== undefined) return [];
    return [
      diagnostic(
        'E-REQUIRED',
        [part],
        `缺少必填项“${PART_NAMES[part]}”：所报文档（documents: ${docs.join(', ')}）包括${DOC_NAMES[by]}，须填写 ${part}；不报${DOC_NAMES[by]}时请在 options.documents 或格式的 settings.documents 中去掉 ${by}。`,
        { expected: part, actual: '' },
      ),
    ];
  });
}

/** Department texts a form's department table may print; the input needs them only where it does. */
const DEPT_TEXTS = { mandate: '部门职责', overallGoal: '总体绩效目标' } as const;

/**
 * E-REQUIRED for each department text that the form's department table declaration (tables/dept.yaml) prints,
 * when the documents print that table and the input leaves the text out or blank.
 */
export function missingDeptTexts(u: UnitYearInput, docs: readonly DocumentKind[], deptFields: ReadonlySet<string>): Diagnostic[] {
  if (!u.dept || needs(docs).dept === null) return [];
  const dept = u.dept;
  return (Object.keys(DEPT_TEXTS) as (keyof typeof DEPT_TEXTS)[])
    .filter((key) => deptFields.has(key) && (dept[key] ?? '').trim() === '')
    .map((key) => diagnostic('E-REQUIRED', ['dept', key], `部门整体支出绩效自评表：缺少必填项“${DEPT_TEXTS[key]}”（${key}）。`, { expected: key, actual: '' }));
}

/** Whether a diagnostic is about a part the documents do not print (its checks do not run). */
export function isUnprinted(d: Diagnostic, docs: readonly DocumentKind[]): boolean {
  const need = needs(docs);
  const head = d.path?.[0];
  return (head === 'narrative' || head === 'finance' || head === 'dept') && need[head] === null;
}

/**
 * The input with absent parts filled by empty ones, so derive and the shared checks see one shape.
 * Note: the fillers are never printed (compose leaves out the documents that print them) and their diagnostics are dropped.
 */
export function filled(u: UnitYearInput): UnitYear {
  const zero = new Money(0);
  return {
    ...u,
    narrative: u.narrative ?? {
      overview: '',
      goalSetting: '',
      budgetManagement: '',
      threePublicControl: '',
      evaluationPurpose: '',
      preparation: '',
      implementation: '',
      conclusion: '',
      problems: '',
      resultUse: '',
      experience: '',
    },
    finance: u.finance ?? { income: [], basicExpenditure: zero, projectExpenditure: zero, projectsComplete: false },
    dept: u.dept
      ? { ...u.dept, mandate: u.dept.mandate ?? '', overallGoal: u.dept.overallGoal ?? '' }
      : { mandate: '', overallGoal: '', yearGoals: [], keyTasks: [], indicators: [] },
  };
}
