/** 自评计分表：按细则逐行计分，合计总分并按等级表定级。 */
import { Money, sum } from '../../../model/money.js';
import type { Profile } from '../../../model/profile.js';
import type { SheetFigures } from '../derived.js';
import type { Rubric } from '../rubric.js';
import type { ScoresheetInput } from '../schema.js';
import { grade } from '../../../derive/scoring.js';
import { scoreLine, type LineContext } from './line.js';
import { rubricLines } from './rubric.js';

/** Scores every line of `rubric` with the unit's entries; the total counts unscored lines as 0. */
export function scoreSheet(rubric: Rubric, input: ScoresheetInput, ctx: LineContext, bands: Profile['gradeBands']): SheetFigures {
  const lines = rubricLines(rubric).map(({ line, level1, level2 }) => scoreLine(line, level1, level2, input.lines[line.id], ctx));
  const total = sum(lines.map((l) => l.score ?? new Money(0)));
  return { lines, total, grade: grade(total, bands) };
}
