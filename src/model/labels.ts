/** 字段中文名：输入文件每个键的中文标签，用于诊断信息和示例输入的注释。 */

/** Chinese label of every input key (DOMAIN.md §2), so a message can name the field as the form does. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  profile: '格式（地区）',
  year: '年度',
  amountUnit: '金额单位',
  reportDate: '报告日期',
  options: '选项',
  percentValueStyle: '百分数指标值样式',
  narrativeGrouping: '叙述金额千分位',
  unit: '单位',
  name: '名称',
  code: '预算单位编码',
  overview: '部门概况',
  finance: '部门整体收支',
  income: '收入',
  amount: '金额',
  basicExpenditure: '基本支出',
  projectExpenditure: '项目支出',
  projectsComplete: '项目清单是否完整',
  openingCarryover: '年初结转和结余',
  dept: '部门整体支出绩效自评表',
  mandate: '部门职责',
  mandateNote: '部门职责说明',
  overallGoal: '总体绩效目标',
  overallGoalNote: '总体绩效目标说明',
  yearGoals: '部门年度目标',
  goal: '目标',
  achieved: '实际完成情况',
  keyTasks: '部门年度重点工作任务',
  project: '对应项目',
  fundingLevel: '项目级次',
  description: '主要内容',
  approved: '批复金额',
  appropriation: '财政拨款',
  other: '其他资金',
  spent: '实际支出金额',
  lowExecutionReason: '预算执行偏低原因及改进措施',
  indicators: '绩效指标',
  level1: '一级指标',
  level2: '二级指标',
  nature: '指标性质',
  target: '指标值',
  actual: '实际完成值',
  weight: '分值',
  score: '得分',
  scoreOverride: '人工调分',
  value: '分值',
  reason: '理由',
  achievement: '定性指标达成情况',
  deviationReason: '偏差原因分析及改进措施',
  otherNotes: '其他需说明事项',
  narrative: '自评情况',
  goalSetting: '部门绩效目标的设立情况',
  budgetManagement: '部门预算管理制度建设情况',
  threePublicControl: '严控“三公经费”支出情况',
  evaluationPurpose: '绩效自评的目的',
  preparation: '前期准备',
  implementation: '组织实施',
  conclusion: '评价情况分析及综合评价结论',
  problems: '存在的问题和整改情况',
  resultUse: '绩效自评结果应用',
  experience: '主要经验及做法',
  otherMatters: '其他需说明的情况',
  projects: '项目支出',
  id: '项目标识',
  supervisor: '主管部门',
  implementer: '实施单位',
  funds: '项目资金',
  current: '当年财政拨款',
  carryover: '上年结转资金',
  initialBudget: '年初预算数',
  adjustedBudget: '全年预算数',
  executed: '全年执行数',
  adjustments: '调整预算',
  executionWeight: '预算执行率分值',
  expected: '预期目标',
};

/** "projects[1].indicators[0].target" — the data path as a user can search for it. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const step of path) out += typeof step === 'number' ? `[${step}]` : `${out ? '.' : ''}${String(step)}`;
  return out;
}

/** "项目支出第2项 › 绩效指标第1项 › 指标值" — the same path in the words of the form. */
export function labelPath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const step of path) {
    if (typeof step === 'number') {
      const last = parts.pop() ?? '';
      parts.push(`${last}第${step + 1}项`);
    } else if (step === 'unit' && parts.length > 0) parts.push('度量单位'); // Note: only the top-level `unit` is 单位
    else parts.push(FIELD_LABELS[String(step)] ?? String(step));
  }
  return parts.join(' › ');
}
