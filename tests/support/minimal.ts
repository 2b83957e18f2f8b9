/** 最小有效输入：一个项目（两个指标）、全部叙述段落、收支、部门整体（一个年度目标、一项重点任务、两个指标）。 */

/** A small but complete valid input; tests edit copies of it to make one problem at a time. */
export const MINIMAL_YAML = `# 最小有效输入（测试用）
year: 2023
amountUnit: 万元
reportDate: 2024-03-31
unit:
  name: 曲靖市沾益区财政局
  code: '101001'
narrative:
  overview: 曲靖市沾益区财政局是区人民政府工作部门，内设19个科室，有职工67人。
  goalSetting: 按照目标引领、绩效引导、民生优先的原则设立部门绩效目标。
  budgetManagement: 建立财务管理、固定资产管理等制度，严格预算资金管理。
  threePublicControl: 2023年度财政拨款“三公”经费支出决算数26.34万元。
  evaluationPurpose: 检验资金支出效率和效果，分析存在问题及原因，提高资金使用效益。
  preparation: 成立绩效自评工作小组，制定自评工作方案。
  implementation: 收集整理资料，对照指标逐项开展自评。
  conclusion: 部门整体支出绩效自评得分95分，等级为优。
  problems: 绩效目标设置不够细化。
  resultUse: 自评结果作为下一年度预算安排的重要参考。
  experience: 坚持预算绩效全过程管理。
finance:
  income:
    - name: 财政拨款收入
      amount: 1522.66
  basicExpenditure: 1503.16
  projectExpenditure: 19.50
dept:
  mandate: 拟定全区财政发展战略、规划、政策并组织实施，承担各项财政收支管理。
  overallGoal: 保障机构正常运转，规范财政资金管理，提高资金使用效益。
  yearGoals:
    - year: 2023
      goal: 完成年度财政收支任务，开展财政资金监督检查。
      achieved: 全面完成年度财政收支任务，开展监督检查4次。
  keyTasks:
    - project: P1
      fundingLevel: 区级
      description: 开展财政资金使用情况监督检查。
  indicators:
    - level1: 产出指标
      level2: 数量指标
      name: 监督检查次数
      nature: ≥
      target: 4
      unit: 次
      actual: 4
    - level1: 效益指标
      level2: 社会效益指标
      name: 财政资金使用规范性
      nature: 定性
      target: 规范
      actual: 规范
projects:
  - id: P1
    name: 财政资金监督检查工作经费
    supervisor: 曲靖市沾益区财政局
    implementer: 曲靖市沾益区财政局
    funds:
      current:
        initialBudget: 20.00
        adjustedBudget: 20.00
        executed: 19.50
    executionWeight: 10
    goal:
      expected: 开展财政资金监督检查4次，规范资金使用。
      achieved: 开展财政资金监督检查4次，资金使用规范。
    indicators:
      - level1: 产出指标
        level2: 数量指标
        name: 监督检查次数
        nature: ≥
        target: 4
        unit: 次
        actual: 4
        weight: 50
        score: 50
      - level1: 效益指标
        level2: 社会效益指标
        name: 财政资金使用规范性
        nature: 定性
        target: 规范
        actual: 规范
        weight: 40
        score: 40
`;

/** The 1-based line and column where `needle` first occurs in `text` (after `after`, if given). */
export function placeOf(text: string, needle: string, after = ''): { line: number; column: number } {
  const from = after === '' ? 0 : text.indexOf(after);
  if (from < 0) throw new Error(`placeOf: "${after}" not found`);
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`placeOf: "${needle}" not found`);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}
