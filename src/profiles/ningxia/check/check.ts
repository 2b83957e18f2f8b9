/** 宁夏格式检查入口：项目、填报数与叙述文字各组检查，套用格式的严重程度与 --strict，按输入顺序排序。 */
import { diagnostic, type Diagnostic } from '../../../model/diagnostic.js';
import type { NingxiaDerived } from '../derived.js';
import { ningxiaUnitSchema, type NingxiaUnit } from '../schema.js';
import { NINGXIA_OPTIONAL_CHECKS, NingxiaSettingsSchema } from '../settings.js';
import { readSettings, type Profile } from '../../../model/profile.js';
import { applySeverity, type CheckOptions } from '../../../check/severity.js';
import { sortByPath } from '../../../check/order.js';
import { docNumbers, texts } from '../../../check/narrative.js';
import { enumCount, foreignTerms, manualNumbering } from '../../../check/text.js';
import { checkProjects } from './projects.js';
import { checkStated } from './stated.js';

const ORDER = ningxiaUnitSchema('万元');

/** 一致性检查 of a Ningxia unit (pure). */
export function checkNingxia(u: NingxiaUnit, d: NingxiaDerived, p: Profile, opts: CheckOptions = {}): Diagnostic[] {
  const { value: settings, problem } = readSettings(p, NingxiaSettingsSchema);
  const optional = new Set([...settings.optionalChecks, ...(opts.optional ? NINGXIA_OPTIONAL_CHECKS : [])]);
  const fields = [
    ...texts(u.narrative, ['narrative']),
    ...u.projects.flatMap((x, i) => texts({ purpose: x.purpose, deviationReason: x.deviationReason }, ['projects', i])),
  ];
  const found = [
    ...(problem ? [diagnostic('E-PROFILE', [], problem)] : []),
    ...d.diagnostics,
    ...checkProjects(u, d, p),
    ...checkStated(u, d, optional.has('W-NARRATIVE-FIGURE')),
    ...manualNumbering(fields),
    ...docNumbers(u),
    ...(optional.has('W-ENUM-COUNT') ? enumCount(fields) : []),
    ...(optional.has('W-FOREIGN-TERMS') ? foreignTerms(fields, u.options?.foreignTerms ?? []) : []),
  ];
  return sortByPath(applySeverity(found, p, opts.strict), ORDER);
}
