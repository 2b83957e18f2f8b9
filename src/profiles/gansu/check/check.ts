/** 甘肃格式检查入口：预算、自评表、红头文件各组检查，套用格式的严重程度与 --strict，按输入顺序排序。 */
import { diagnostic, type Diagnostic } from '../../../model/diagnostic.js';
import type { GansuDerived } from '../derived.js';
import { gansuUnitSchema, type GansuUnit } from '../schema.js';
import { GANSU_OPTIONAL_CHECKS, GansuSettingsSchema } from '../settings.js';
import { readSettings, type Profile } from '../../../model/profile.js';
import { applySeverity, type CheckOptions } from '../../../check/severity.js';
import { sortByPath } from '../../../check/order.js';
import { checkBudget } from './budget.js';
import { checkTable } from './table.js';
import { checkDocument } from './document.js';

const ORDER = gansuUnitSchema('万元');

/** 一致性检查 of a Gansu unit (pure); `optional` or the profile's `optionalChecks` switch on the optional ones. */
export function checkGansu(u: GansuUnit, d: GansuDerived, p: Profile, opts: CheckOptions = {}): Diagnostic[] {
  const { value: settings, problem } = readSettings(p, GansuSettingsSchema);
  const optional = new Set([...settings.optionalChecks, ...(opts.optional ? GANSU_OPTIONAL_CHECKS : [])]);
  const found = [
    ...(problem ? [diagnostic('E-PROFILE', [], problem)] : []),
    ...d.diagnostics,
    ...checkBudget(u, d),
    ...checkTable(u, d, p, settings),
    ...checkDocument(u, d, optional),
  ];
  return sortByPath(applySeverity(found, p, opts.strict), ORDER);
}
