/** 格式模块登记表：每个 profile 的派生、检查、组装与摘要函数；流水线按输入的 profile 调用。 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { Profile } from '../model/profile.js';
import type { ProfileId, AnyUnit } from '../model/units.js';
import type { UnitSummary } from '../model/summary.js';
import type { Render } from '../compose/templates.js';
import type { ProfileTemplates, UnitDocuments } from './yunnan/compose/documents.js';
import { ratio } from '../model/money.js';
import { derive } from './yunnan/derive/derive.js';
import { check } from './yunnan/check/check.js';
import { composeDocuments } from './yunnan/compose/documents.js';
import type { UnitYear } from '../model/unit-year.js';
import type { Derived } from '../model/derived.js';
import { gansuModule } from './gansu/definition.js';
import { ningxiaModule } from './ningxia/definition.js';
import { sichuanModule } from './sichuan/definition.js';

/** What a profile does with a validated unit; D is its derived model. */
export interface ProfileModule<U extends AnyUnit, D> {
  readonly derive: (u: U, p: Profile) => D;
  readonly check: (u: U, d: D, p: Profile, opts: { strict?: boolean }) => Diagnostic[];
  readonly compose: (u: U, d: D, p: Profile, t: ProfileTemplates, render: Render) => UnitDocuments;
  readonly summarize: (u: U, d: D) => UnitSummary;
}

const yunnan: ProfileModule<UnitYear, Derived> = {
  derive,
  check,
  compose: composeDocuments,
  // Note: the Yunnan department is unscored and states no department budget; its headline is the project budget.
  summarize: (u, d) => ({
    budget: d.dept.projectsBudget,
    executed: d.dept.projectsExecuted,
    rate: ratio(d.dept.projectsExecuted, d.dept.projectsBudget),
    score: null,
    grade: null,
    projects: d.projects.map((p, i) => ({ name: u.projects[i]!.name, score: p.totalScore, grade: p.grade })),
  }),
};

/**
 * A module as the registry holds it, its unit type erased.
 * Note: with several profiles, `PROFILE_MODULES[unit.profile]` is a union whose functions would take `never`; the
 * pipeline only ever hands a module a unit of its own profile (the id selects both), so the registry erases the type.
 */
const entry = <U extends AnyUnit, D>(m: ProfileModule<U, D>): ProfileModule<AnyUnit, unknown> => m as unknown as ProfileModule<AnyUnit, unknown>;

/** Profile id → module. A new profile adds its module here. */
export const PROFILE_MODULES: { readonly [K in ProfileId]: ProfileModule<AnyUnit, unknown> } = {
  yunnan: entry(yunnan),
  gansu: entry(gansuModule),
  ningxia: entry(ningxiaModule),
  sichuan: entry(sichuanModule),
};
