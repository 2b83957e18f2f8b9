/** 四川格式检查入口：金额、执行、指标、计分表各组检查，套用格式的严重程度与 --strict，按输入顺序排序。 */
import { diagnostic, type Diagnostic } from '../../../model/diagnostic.js';
import type { Profile } from '../../../model/profile.js';
import type { SichuanDerived } from '../derived.js';
import { sichuanUnitSchema, type SichuanUnit } from '../schema.js';
import { applySeverity, type CheckOptions } from '../../../check/severity.js';
import { sortByPath } from '../../../check/order.js';
import { checkFinance } from './finance.js';
import { checkExecution } from './execution.js';
import { checkIndicators } from './indicators.js';
import { checkSheet, type SheetToCheck } from './scoresheet.js';

const ORDER = sichuanUnitSchema('万元');

/** The score sheets of a unit that could be scored (none when the rubrics are invalid). */
function sheets(u: SichuanUnit, d: SichuanDerived): SheetToCheck[] {
  if (!d.rubrics || !d.dept.sheet) return [];
  const { grades } = d.settings;
  const out: SheetToCheck[] = [
    {
      who: '部门整体支出',
      path: ['dept', 'scoresheet'],
      input: u.dept.scoresheet,
      sheet: d.dept.sheet,
      rubric: d.rubrics.dept,
      indicators: u.dept.indicators,
      bands: grades.dept,
    },
  ];
  u.projects.forEach((p, i) => {
    const sheet = d.projects[i]!.sheet;
    if (sheet)
      out.push({
        who: `项目“${p.name}”`,
        path: ['projects', i, 'scoresheet'],
        input: p.scoresheet,
        sheet,
        rubric: d.rubrics!.project,
        indicators: p.indicators,
        bands: grades.project,
      });
  });
  return out;
}

/** E-SCHEMA for a 项目类型 the profile does not know. */
function projectTypes(u: SichuanUnit, d: SichuanDerived): Diagnostic[] {
  const types = d.settings.projectTypes;
  return u.projects.flatMap((p, i) =>
    types.includes(p.type)
      ? []
      : [
          diagnostic('E-SCHEMA', ['projects', i, 'type'], `项目“${p.name}”：项目类型“${p.type}”不在表样的选项中，应为 ${types.join('、')} 之一。`, {
            expected: types.join(' | '),
            actual: p.type,
          }),
        ],
  );
}

/** 一致性检查 of a Sichuan unit (pure): every diagnostic of derive and of the checks, with the profile's severities. */
export function checkSichuan(u: SichuanUnit, d: SichuanDerived, p: Profile, opts: CheckOptions = {}): Diagnostic[] {
  const found = [
    ...d.diagnostics,
    ...projectTypes(u, d),
    ...checkFinance(u, d),
    ...checkExecution(u, d, p),
    ...checkIndicators(u, d, p),
    ...sheets(u, d).flatMap((s) => checkSheet(s, p)),
  ];
  return sortByPath(applySeverity(found, p, opts.strict), ORDER);
}
