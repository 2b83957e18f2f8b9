/**
 * 基准数据：生成 N 个合成的云南格式单位（每个 6–12 个项目、每个项目 4–8 个指标），同一种子总是生成同样的文件。
 * Usage: tsx bench/generate.ts <N> <folder> [seed]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** mulberry32: a small deterministic PRNG, so the same seed gives the same units on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTIES = ['沾益区', '麒麟区', '马龙区', '陆良县', '师宗县', '罗平县', '富源县', '会泽县', '宣威市', '寻甸县', '嵩明县', '石林县'];
const DEPARTMENTS = [
  '财政局',
  '教育体育局',
  '卫生健康局',
  '农业农村局',
  '自然资源局',
  '住房和城乡建设局',
  '交通运输局',
  '水务局',
  '民政局',
  '人力资源和社会保障局',
  '司法局',
  '文化和旅游局',
  '市场监督管理局',
  '应急管理局',
  '林业和草原局',
  '统计局',
  '审计局',
  '退役军人事务局',
  '医疗保障局',
  '生态环境分局',
];
const PROJECT_TOPICS = [
  '信息化建设',
  '业务培训',
  '专项督查',
  '宣传教育',
  '设备购置',
  '维修改造',
  '课题调研',
  '档案整理',
  '应急演练',
  '技术服务',
  '基层能力提升',
  '公共服务补助',
  '项目前期工作',
  '监测评估',
  '安全生产检查',
  '惠民补贴发放',
];
/** 三级指标 by 二级指标: name, unit, target, comparator. */
const INDICATORS = {
  数量指标: [
    ['培训人次', '人次', 300, '≥'],
    ['检查次数', '次', 12, '≥'],
    ['覆盖乡镇数', '个', 8, '='],
    ['购置设备数量', '台', 20, '≥'],
    ['发放户数', '户', 1500, '≥'],
  ],
  质量指标: [
    ['验收合格率', '%', 100, '='],
    ['资料归档完整率', '%', 95, '≥'],
    ['问题整改率', '%', 90, '≥'],
  ],
  时效指标: [
    ['按时完成率', '%', 100, '='],
    ['资金拨付及时率', '%', 95, '≥'],
  ],
  成本指标: [
    ['人均培训成本', '元/人', 300, '≤'],
    ['项目单位成本', '万元/项', 5, '≤'],
  ],
  社会效益指标: [
    ['群众知晓率', '%', 80, '≥'],
    ['服务对象覆盖率', '%', 90, '≥'],
  ],
  可持续影响指标: [
    ['制度长效运行', '年', 3, '≥'],
    ['设施持续使用年限', '年', 5, '≥'],
  ],
  服务对象满意度指标等: [
    ['服务对象满意度', '%', 90, '≥'],
    ['群众满意度', '%', 85, '≥'],
  ],
} as const;
type Level2 = keyof typeof INDICATORS;
const LEVEL1: Readonly<Record<Level2, string>> = {
  数量指标: '产出指标',
  质量指标: '产出指标',
  时效指标: '产出指标',
  成本指标: '产出指标',
  社会效益指标: '效益指标',
  可持续影响指标: '效益指标',
  服务对象满意度指标等: '满意度指标',
};

/** Splits `total` into `parts` positive whole numbers. */
function split(total: number, parts: number, rnd: () => number): number[] {
  const base = Math.floor(total / parts);
  const out = new Array<number>(parts).fill(base);
  for (let i = 0; i < total - base * parts; i++) out[Math.floor(rnd() * parts)]! += 1;
  return out;
}
const money = (x: number) => (Math.round(x * 100) / 100).toFixed(2);

/** One project: 4–8 indicators weighted 50 产出, 30 效益, 10 满意度, plus 10 for 执行率. */
function project(i: number, unitName: string, rnd: () => number) {
  const adjusted = 5 + rnd() * 300;
  const executed = rnd() < 0.7 ? adjusted : adjusted * (0.85 + rnd() * 0.15);
  const count = 4 + Math.floor(rnd() * 5);
  const output = count - 2 - Math.floor(rnd() * Math.min(2, count - 3));
  const levels: Level2[] = [
    ...Array.from({ length: output }, (_, k) => (['数量指标', '质量指标', '时效指标', '成本指标'] as const)[k % 4]!),
    ...Array.from({ length: count - output - 1 }, (_, k) => (['社会效益指标', '可持续影响指标'] as const)[k % 2]!),
    '服务对象满意度指标等',
  ];
  const weights = [...split(50, output, rnd), ...split(30, count - output - 1, rnd), 10];
  const topic = PROJECT_TOPICS[Math.floor(rnd() * PROJECT_TOPICS.length)]!;
  return {
    id: `P${i + 1}`,
    name: `${topic}项目（第${i + 1}项）`,
    supervisor: unitName,
    implementer: unitName,
    funds: { current: { initialBudget: money(adjusted), adjustedBudget: money(adjusted), executed: money(executed) } },
    goal: { expected: `完成${topic}年度任务，提升服务保障水平。`, achieved: `已完成${topic}年度任务，服务保障水平有所提升。` },
    indicators: levels.map((level2, k) => {
      const pool = INDICATORS[level2];
      const [name, unit, target, nature] = pool[k % pool.length]!;
      return {
        level1: LEVEL1[level2],
        level2,
        name: `${name}${k + 1 > pool.length ? `（${k + 1}）` : ''}`,
        nature,
        target,
        unit,
        actual: target,
        weight: weights[k]!,
      };
    }),
  };
}

/** The input of synthetic unit `n` as a plain object (valid, with realistic sizes and texts). */
export function syntheticUnit(n: number, rnd: () => number) {
  const name = `曲靖市${COUNTIES[n % COUNTIES.length]}${DEPARTMENTS[Math.floor(n / COUNTIES.length) % DEPARTMENTS.length]}${n >= COUNTIES.length * DEPARTMENTS.length ? `（${n}）` : ''}`;
  const projects = Array.from({ length: 6 + Math.floor(rnd() * 7) }, (_, i) => project(i, name, rnd));
  const projectExecuted = projects.reduce((a, p) => a + Number(p.funds.current.executed), 0);
  const basic = 300 + rnd() * 1500;
  return {
    year: 2023,
    amountUnit: '万元',
    reportDate: '2024-03-31',
    unit: { name, code: `B${String(n + 1).padStart(5, '0')}` },
    narrative: {
      overview: `${name}是区人民政府工作部门，内设${5 + (n % 15)}个股室，有职工${20 + (n % 60)}人。`,
      goalSetting: '按照目标引领、绩效引导、民生优先的原则设立部门绩效目标。',
      budgetManagement: '建立财务管理、固定资产管理等制度，严格预算资金管理。',
      threePublicControl: `2023年度财政拨款“三公”经费支出决算数${money(5 + rnd() * 20)}万元。`,
      evaluationPurpose: '检验资金支出效率和效果，分析存在问题及原因，提高资金使用效益。',
      preparation: '成立绩效自评工作小组，制定自评工作方案。',
      implementation: '收集整理资料，对照指标逐项开展自评。',
      conclusion: '部门整体支出绩效良好，各项目均完成年度目标。',
      problems: '绩效目标设置不够细化。',
      resultUse: '自评结果作为下一年度预算安排的重要参考。',
      experience: '坚持预算绩效全过程管理。',
    },
    finance: {
      income: [{ name: '财政拨款收入', amount: money(basic + projectExecuted) }],
      basicExpenditure: money(basic),
      projectExpenditure: money(projectExecuted),
    },
    dept: {
      mandate: `负责${name.replace(/^曲靖市/, '')}职责范围内的各项工作。`,
      overallGoal: '保障机构正常运转，规范资金管理，提高资金使用效益。',
      yearGoals: [{ year: 2023, goal: '完成年度重点工作任务。', achieved: '全面完成年度重点工作任务。' }],
      keyTasks: projects.map((p) => ({
        project: p.id,
        fundingLevel: '区级',
        description: p.goal.expected,
        ...(p.funds.current.executed !== p.funds.current.adjustedBudget
          ? { lowExecutionReason: '部分资金按合同进度支付，剩余资金结转下年使用；将加快项目实施进度。' }
          : {}),
      })),
      indicators: [
        { level1: '产出指标', level2: '数量指标', name: '重点任务完成数', nature: '≥', target: projects.length, unit: '项', actual: projects.length },
        { level1: '产出指标', level2: '时效指标', name: '资金拨付及时率', nature: '≥', target: 95, unit: '%', actual: 100 },
        { level1: '效益指标', level2: '社会效益指标', name: '财政资金使用规范性', nature: '定性', target: '规范', actual: '规范' },
        { level1: '满意度指标', level2: '服务对象满意度指标等', name: '服务对象满意度', nature: '≥', target: 90, unit: '%', actual: 92 },
      ],
    },
    projects,
  };
}

/** Writes units 0…n-1 as `<folder>/unit-00001.yaml` …; returns the paths. */
export function generateUnits(n: number, folder: string, seed = 20240331): string[] {
  mkdirSync(folder, { recursive: true });
  return Array.from({ length: n }, (_, i) => {
    const path = join(folder, `unit-${String(i + 1).padStart(5, '0')}.yaml`);
    writeFileSync(path, stringify(syntheticUnit(i, prng(seed + i)), { lineWidth: 0 }));
    return path;
  });
}

if (process.argv[1]?.endsWith('generate.ts')) {
  const [n = '10', folder = 'out/bench-inputs', seed] = process.argv.slice(2);
  const files = generateUnits(Number(n), folder, seed === undefined ? undefined : Number(seed));
  console.log(`wrote ${files.length} units to ${folder}`);
}
