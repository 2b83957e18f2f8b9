/**
 * 基准数据：一个单位，指定项目数与每个项目的指标数（用于测量生成时间是否随规模线性增长，issue 10）。
 * 外壳（单位、叙述、部门表）取自 bench/generate.ts 的合成单位；项目与指标按规模重新生成，分值以分（0.01）为单位分配，
 * 产出 50、效益 30、满意度 10，加执行率 10，合计恰为 100；指标名称在表内唯一，输入能通过 check 且无错误。
 * Usage: tsx bench/generate-large.ts <projects> <indicatorsPerProject> <file.json> [distinct]
 *        tsx bench/generate-large.ts multiply <input.yaml> <times> <file.json>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { syntheticUnit } from './generate.js';

const LEVELS = [
  ['产出指标', '数量指标', '数量', '项', '≥', 10],
  ['产出指标', '质量指标', '合格率', '%', '=', 100],
  ['产出指标', '时效指标', '及时率', '%', '=', 100],
  ['产出指标', '成本指标', '单位成本', '万元/项', '≤', 5],
  ['效益指标', '社会效益指标', '知晓率', '%', '≥', 80],
  ['效益指标', '可持续影响指标', '使用年限', '年', '≥', 5],
  ['满意度指标', '服务对象满意度指标等', '满意度', '%', '≥', 90],
] as const;

/** Splits `cents` into `parts` positive amounts of whole cents, as decimal strings; the first ones take the remainder. */
function splitCents(cents: number, parts: number): string[] {
  const base = Math.floor(cents / parts);
  if (base < 1) throw new Error(`cannot split ${cents} cents into ${parts} positive parts`);
  const extra = cents - base * parts;
  return Array.from({ length: parts }, (_, i) => ((base + (i < extra ? 1 : 0)) / 100).toFixed(2));
}

/**
 * A unit with `projects` projects of `perProject` indicators each (at least 3 per project, at most 9,000).
 * `distinctLevels` gives every indicator its own 二级指标 (warnings W-LEVEL2-UNKNOWN, still built): the worst case for grouping.
 */
export function largeUnit(projects: number, perProject: number, opts: { distinctLevels?: boolean } = {}) {
  const shell = syntheticUnit(0, () => 0.5);
  const satisfaction = Math.max(1, Math.round(perProject / 9));
  const benefit = Math.max(1, Math.round((perProject * 3) / 9));
  const output = perProject - satisfaction - benefit;
  const weights = [...splitCents(5000, output), ...splitCents(3000, benefit), ...splitCents(1000, satisfaction)];
  const list = Array.from({ length: projects }, (_, i) => {
    const budget = (10 + (i % 50)).toFixed(2);
    return {
      id: `P${i + 1}`,
      name: `合成项目第${i + 1}项`,
      supervisor: shell.unit.name,
      implementer: shell.unit.name,
      funds: { current: { initialBudget: budget, adjustedBudget: budget, executed: budget } },
      goal: { expected: `完成第${i + 1}项年度任务。`, achieved: `已完成第${i + 1}项年度任务。` },
      indicators: weights.map((weight, k) => {
        const band = k < output ? k % 4 : k < output + benefit ? 4 + (k % 2) : 6;
        const [level1, level2, name, unit, nature, target] = LEVELS[band]!;
        // Note: short names and numeric weights keep 40,000 indicators under the 5 MiB input limit.
        return {
          level1,
          level2: opts.distinctLevels ? `${level2}${k + 1}` : level2,
          name: `${name}${k + 1}`,
          nature,
          target,
          unit,
          actual: target,
          weight: Number(weight),
        };
      }),
    };
  });
  const executed = list.reduce((a, p) => a + Number(p.funds.current.executed), 0);
  const basic = 500;
  return {
    ...shell,
    finance: {
      income: [{ name: '财政拨款收入', amount: (basic + executed).toFixed(2) }],
      basicExpenditure: basic.toFixed(2),
      projectExpenditure: executed.toFixed(2),
    },
    dept: { ...shell.dept, keyTasks: list.map((p) => ({ project: p.id, fundingLevel: '区级', description: p.goal.expected })) },
    projects: list,
  };
}

/**
 * A copy of an input in which every `indicators` list (of any profile) is repeated `times` times, names made unique
 * (`name` + index): the seed units at ×10, ×100 keep their other data and their checks' shape.
 */
export function multiplyIndicators(data: unknown, times: number): unknown {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [
        k,
        k === 'indicators' && Array.isArray(x)
          ? Array.from({ length: x.length * times }, (_, i) => ({
              ...(x[i % x.length] as object),
              name: `${(x[i % x.length] as { name: string }).name}${i + 1}`,
            }))
          : walk(x),
      ]),
    );
  };
  return walk(data);
}

if (process.argv[1]?.endsWith('generate-large.ts') && process.argv[2] === 'multiply') {
  const [, input = 'inputs/ziyang-renda-2023.yaml', times = '10', file = 'out/multiplied.json'] = process.argv.slice(2);
  writeFileSync(file, JSON.stringify(multiplyIndicators(parse(readFileSync(input, 'utf8')), Number(times))));
  console.log(`wrote ${file}: ${input} with every indicator list × ${times}`);
} else if (process.argv[1]?.endsWith('generate-large.ts')) {
  const [projects = '10', perProject = '100', file = 'out/large.json', distinct] = process.argv.slice(2);
  writeFileSync(file, JSON.stringify(largeUnit(Number(projects), Number(perProject), { distinctLevels: distinct === 'distinct' })));
  console.log(`wrote ${file}: ${projects} projects × ${perProject} indicators`);
}
