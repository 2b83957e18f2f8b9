/** 派生阶段入口：由已校验的输入计算文档需要的全部数字。 */
import type { Derived } from '../../../model/derived.js';
import type { UnitYear } from '../../../model/unit-year.js';
import type { Profile } from '../../../model/profile.js';
import type { Diagnostic } from '../../../model/diagnostic.js';
import { deriveProject } from './project.js';
import { deriveDept } from './dept.js';
import { settingsOf } from '../documents.js';

/** Computes every figure the documents print that is not typed in (pure). */
export function derive(u: UnitYear, profile: Profile): Derived {
  const diagnostics: Diagnostic[] = [];
  const places = settingsOf(u, profile).executionScorePlaces;
  const projects = u.projects.map((p, i) => {
    const r = deriveProject(p, i, profile, places);
    diagnostics.push(...r.diagnostics);
    return r.figures;
  });
  const dept = deriveDept(u, projects, profile, places);
  diagnostics.push(...dept.diagnostics);
  return { dept: dept.figures, projects, diagnostics };
}
