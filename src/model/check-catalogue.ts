/**
 * 检查代码目录：每个诊断代码在哪个阶段出现、何时出现、一条示例信息。docs/checks.md 由它生成（npm run docs），
 * 测试核对二者一致，所以文档不会与代码脱节。
 */
import type { DiagnosticCode } from './diagnostic.js';

/**
 * Where a code comes from: reading and validating the input (load), the consistency checks (check), an optional
 * check that a profile switches on (optional), reading a profile folder (profile), writing the outputs (build);
 * none: listed in DOMAIN.md §7 but never raised, with the reason in `when`.
 */
export type CheckStage = 'load' | 'check' | 'optional' | 'profile' | 'build' | 'none';

/** One code of the catalogue. */
export interface CatalogueEntry {
  readonly stage: CheckStage;
  /** The profiles that raise it, where not every profile does. */
  readonly profiles?: readonly string[];
  /** When it is raised, in Chinese (or, for stage none, why it never is). */
  readonly when: string;
  /** A message as the program prints it for a test input. */
  readonly example?: string;
}

/** Every diagnostic code; the type makes a new code without an entry a compile error. */
export const CHECK_CATALOGUE: { readonly [C in DiagnosticCode]: CatalogueEntry } = {
  'E-INPUT-UNREADABLE': {
    stage: 'load',
    when: '输入文件打不开、为空、只有注释，或是 Excel/Word/压缩包等二进制文件。',
    example: '这是 Excel/Word 文档或压缩包，不是 YAML/JSON 文本文件；请选择按示例填写的 .yaml 或 .json 文件。',
  },
  'E-INPUT-SYNTAX': { stage: 'load', when: 'YAML/JSON 语法错误（缩进、引号、冒号、重复的键等）。', example: '引号没有闭合：缺少结尾的引号' },
  'E-INPUT-ENCODING': {
    stage: 'load',
    when: '文件既不是 UTF-8（或带 BOM 的 UTF-16），也不是 GBK/GB18030 编码。',
    example:
      '文件既不是 UTF-8 编码，也不是 GBK/GB18030 编码（第 1 行第 7 列附近有无法识别的字节 0xFF）。请用记事本“另存为”并选择编码 UTF-8，或在 WPS/Excel 中导出为 UTF-8。',
  },
  'E-INPUT-CHARACTER': {
    stage: 'load',
    when: '文字（YAML/JSON 的键和值、填报工作簿的单元格）中有 Word/Excel 文件不能包含的字符：控制字符（Tab、换行除外）、U+FFFE、U+FFFF 等非字符、不成对的代理码元；多由复制粘贴带入。逐个报告位置（最多 20 个）。',
    example:
      '文字中含有 Word/Excel 文件不允许的字符 U+FFFF（非字符，即 Unicode 保留不用的码位），位于“，内设19个科室，有职工”之后；请删除这个看不见的字符后重试（它多由从网页、PDF 或其他软件复制粘贴带入）。',
  },
  'E-INPUT-TOO-LARGE': {
    stage: 'load',
    when: '文件超过 5 MiB。',
    example: '文件大小为 5.00 MiB（5242881 字节），超过上限 5 MiB（5242880 字节）；请确认选择的是单位年度的 YAML/JSON 文件。',
  },
  'E-INPUT-LIMIT': {
    stage: 'load',
    when: '规模超过上限：项目超过 2,000 个、一张表的绩效指标超过 5,000 个、一个单位的指标合计超过 100,000 个，或填报工作簿的 zip 条目数、解压后大小、一个工作表的行数超过上限（见“规模上限”）。',
    example: '项目支出：共 2001 个项目，超过上限 2000 个；请检查是否重复粘贴，或把项目分到几个单位的输入中。',
  },
  'E-WORKBOOK-CELL': {
    stage: 'load',
    when: '填报工作簿的数据单元格不是本列类型的普通值：数据区的合并单元格、非日期列中的日期、公式（不计算公式，保存的结果可能已过时，请粘贴为数值）、错误值（#DIV/0!、#N/A 等）、NaN、引用了不存在的共享字符串。',
    example: '项目表F4（全年预算数）：这是日期单元格（2024-01-01），此列应填写数字（金额）；请把单元格格式设为“常规”或“文本”后重新填写。',
  },
  'E-SCHEMA': {
    stage: 'load',
    when: '值的类型或格式不对，如金额不是数字、未知的格式或金额单位、重点工作任务指向不存在的项目、无法识别的指标性质。',
    example: '项目支出第1项 › 项目资金 › 当年财政拨款 › 全年执行数：金额须为数字，例如 150.25（实际为“八百”）',
  },
  'E-UNKNOWN-KEY': {
    stage: 'load',
    when: '出现输入中不存在的字段（多为拼写错误，会提示最接近的字段）。',
    example: '未知字段“reportdate”，是否想写“reportDate”（报告日期）？',
  },
  'E-REQUIRED': {
    stage: 'load',
    when: '必填项缺失或为空；检查阶段还要求定量指标的度量单位、项目指标的分值、定性指标的达成情况。',
    example: '单位：缺少必填项“名称”（name）。',
  },
  'E-TEMPLATE': {
    stage: 'build',
    when: '`build` 时叙述模板缺失、有语法错误、引用了不存在的字段或助手，或标题结构不合要求；报告 `模板文件:行:列`（退出码 3）。',
    example: '模板引用了不存在的字段“noSuchField”',
  },
  'E-WRITE': {
    stage: 'build',
    when: '`build` 时输出文件、清单或汇总表无法写入，旧文件无法删除（无写权限、磁盘已满、路径过长、被同名文件占用等），或同一批中两个单位会写同一个文件；该单位上次生成的文件保持不变。',
    example:
      '写入输出文件失败：磁盘已满（ENOSPC），out/2023/A01/2023年度绩效自评-曲靖市沾益区财政局.docx。请检查输出目录是否有写权限、磁盘是否已满、路径是否过长；该单位上次生成的文件保持不变。',
  },
  'E-PROFILE': { stage: 'profile', when: '格式目录或其中的 profile.yaml 无法读取，或不符合要求。', example: '无法读取格式目录 mytemplates/yunnan：ENOENT' },
  'E-INTERNAL': {
    stage: 'build',
    when: '程序缺陷导致处理某单位时抛出异常；其他单位照常处理，退出码 70。',
    example: '这是程序缺陷，请附上输入文件报告问题。（下一行起附调用栈）',
  },
  'E-PDF': {
    stage: 'build',
    when: '`build --pdf` 时 LibreOffice 没有写出某个 PDF（转换失败，或退出码 0 却没有文件）；DOCX/XLSX 已生成，退出码 1。',
    example: 'LibreOffice 未生成 PDF（退出码 1：Error: source file could not be loaded）。',
  },
  'E-PDF-TIMEOUT': {
    stage: 'build',
    when: '某个文件转换超过 `--pdf-timeout`（默认 120 秒），LibreOffice 已被终止；其他文件照常转换。',
    example: '转换 PDF 超过 120 秒，已终止 LibreOffice，未生成 PDF；可用 --pdf-timeout 放宽时限后重试。',
  },
  'W-MANIFEST-IGNORED': {
    stage: 'build',
    when: '输出目录中的增量生成清单不是有效 JSON、不符合模式或记录了不属于 jixiao 的路径，已忽略。',
    example: '增量生成清单不可用（units./x.yaml.outputs.0.path：不是 jixiao 写出的单位文件路径），已忽略：本次全部重新生成，不删除任何旧文件。',
  },
  'E-NATURE-MISSING': {
    stage: 'check',
    when: '指标值是数值，却没有填写指标性质。',
    example: '部门整体支出绩效指标“群众满意度”：未填写指标性质（≥、≤、=、>、< 或 定性）。',
  },
  'E-VALUE-NOT-NUMERIC': {
    stage: 'check',
    when: '指标性质是比较符号，但指标值或实际完成值去掉单位后不是一个数。',
    example: '项目“办公设备购置”指标“购置设备数量”：指标性质为“≥”，但实际完成值“已完成”不是数值。',
  },
  'E-RANGE-WITH-SYMBOL': {
    stage: 'check',
    when: '指标值是区间（a-b、a～b、a至b），同时又有比较符号。',
    example: '项目“办公设备购置”指标“购置设备数量”：指标值“1-2”为区间，不能与“≥”同时使用；请改为单一数值或拆分为两个指标。',
  },
  'E-ACTUAL-HAS-SYMBOL': {
    stage: 'check',
    when: '实际完成值含比较符号或区间。',
    example: '项目“办公设备购置”指标“购置设备数量”：实际完成值“≥10”应为实际达到的单一数值，不能含比较符号或区间。',
  },
  'W-UNIT-IN-VALUE': {
    stage: 'check',
    when: '指标值或实际完成值带有单位（已拆出），或所带单位与度量单位不同。',
    example: '项目“办公设备购置”指标“购置设备数量”：“10台”中含有单位，已按度量单位“台”处理。',
  },
  'W-FRACTION-PERCENT': {
    stage: 'check',
    when: '比率类指标的数值不大于 1，疑为小数形式的比率（1 表示 100%）。',
    example: '项目“办公设备购置”指标“设备使用率”：数值“0.9”疑为小数形式的比率，请以百分数填写（如 100%）。',
  },
  'W-FUZZY-TARGET': {
    stage: 'check',
    when: '指标值含“约”“大约”“左右”“力争”“争取”等模糊表述。',
    example: '项目“办公设备购置”指标“购置设备数量”：指标值“约10”含模糊表述，无法客观判断是否完成。',
  },
  'E-SUM-FUNDS': { stage: 'none', when: '输入不填报年度资金总额，由程序按来源相加，无从不一致。' },
  'E-SUM-BUDGET-ADJUST': {
    stage: 'check',
    when: '填了调整预算，但全年预算数不等于年初预算数加各项调整预算之和。',
    example: '项目“办公设备购置”：全年预算数35.00万元，不等于年初预算数30.00万元加调整预算4.00万元。',
  },
  'E-SUM-EXPENSE': { stage: 'none', when: '输入不填报支出合计，由程序计算。' },
  'E-SUM-INCOME': { stage: 'none', when: '输入不填报收入合计，由程序计算。' },
  'E-SUM-BASIC': { stage: 'none', when: '现有格式的输入不含人员经费与公用经费的分列。' },
  'E-SUM-BREAKDOWN': {
    stage: 'check',
    profiles: ['sichuan', 'gansu'],
    when: '所列明细（项目支出明细、完成情况表各行）之和不等于所列总数。',
    example: '项目支出：明细合计85.00万元，与所列总数86.00万元不一致（差1.00万元）。',
  },
  'E-CARRYOVER-BALANCE': {
    stage: 'check',
    profiles: ['sichuan'],
    when: '年末结转结余不等于年初结转结余加收入减支出（四川完成情况表）。',
    example: '年末结转结余应为10.00+200.00−190.00=20.00万元，填报为21.00万元（预算额210.00万元−执行额190.00万元）。',
  },
  'W-INCOME-EXPENSE-GAP': {
    stage: 'check',
    when: '支出合计大于收入合计，且年初结转和结余未填或不足以弥补差额。',
    example: '支出合计210.00万元超过收入合计200.00万元，差额10.00万元，未说明年初结转结余。',
  },
  'E-SUM-PROJECT-BUDGET': {
    stage: 'check',
    profiles: ['sichuan'],
    when: '项目清单完整时，部门项目支出预算不等于各项目全年预算数之和。',
    example: '项目支出预算120.00万元，与各项目全年预算数合计118.00万元不一致。',
  },
  'E-SUM-PROJECT-ACTUAL': {
    stage: 'check',
    when: '项目清单完整（`projectsComplete` 默认 `true`）时，项目支出不等于各项目全年执行数之和。',
    example: '项目支出49.99万元，与各项目全年执行数合计50.00万元不一致。',
  },
  'W-PROJECT-CARRYOVER-CONFLICT': {
    stage: 'check',
    profiles: ['sichuan'],
    when: '部门项目支出结转结余小于所列各项目未执行金额之和。',
    example: '部门项目支出结转结余为2.00万元，但所列项目未执行金额合计5.00万元，二者矛盾。',
  },
  'E-TASK-AMOUNT': {
    stage: 'check',
    when: '关联了项目的重点工作任务自填的批复金额或实际支出金额与该项目不一致。',
    example: '重点工作任务“办公设备购置”实际支出金额29.00万元，与项目“办公设备购置”的全年执行数30.00万元不一致。',
  },
  'W-TASK-SUM': {
    stage: 'check',
    when: '重点工作任务的批复金额合计和实际支出金额合计都不等于项目支出。',
    example: '重点工作任务批复金额合计55.00万元，与项目支出50.00万元不一致。',
  },
  'W-TASK-NAME': {
    stage: 'check',
    when: '重点工作任务与其对应项目（按 `project` 关联或按金额匹配）名称不同。',
    example: '重点工作任务“办公设备购置项目”与项目支出绩效自评表“办公设备购置”名称不一致，请统一。',
  },
  'W-TASK-UNMATCHED': {
    stage: 'check',
    when: '重点工作任务找不到对应的项目，或项目没有对应的重点工作任务。',
    example: '项目“业务培训”没有对应的重点工作任务。',
  },
  'E-EXEC-WITHOUT-BUDGET': {
    stage: 'check',
    when: '某资金来源或未关联项目的重点工作任务全年预算数为 0，却有执行数。',
    example: '项目“业务培训”（上年结转资金）：全年预算数为0，但全年执行数为5.00万元。',
  },
  'W-FIGURE-PAIR-DIFFERS': {
    stage: 'check',
    profiles: ['sichuan'],
    when: '应为同一数的两处填报不同（机关运行经费与公用经费控制率的实际支出）。',
    example: '机关运行经费为30.00万元，公用经费控制率的实际支出公用经费总额为31.00万元，二者应为同一数。',
  },
  'W-DEPT-FUNDS-SCOPE': {
    stage: 'check',
    profiles: ['gansu'],
    when: '整体支出自评表的资金块等于项目支出而不是部门预算总额。',
    example: '整体支出自评表的资金应为部门预算总额320.00万元，当前为85.00万元（疑为项目支出）。',
  },
  'W-ROUNDING-TAIL': {
    stage: 'check',
    when: '以元填写时，各分项四舍五入到万元后的合计与打印的合计有尾差（以万元填写不会出现）。',
    example: '收入合计：分项四舍五入后合计200.01，与合计200.00存在尾差0.01。',
  },
  'E-STATED-RATE': {
    stage: 'check',
    profiles: ['sichuan', 'gansu', 'ningxia'],
    when: '旧报告手填的比率、变动率或评分比率与重新计算的值（按显示精度）不同。',
    example: '完成情况表“部门整体”结转结余率：填报为5.00%，按当年结转结余额÷预算额计算应为4.76%。',
  },
  'E-STATED-AMOUNT': {
    stage: 'check',
    profiles: ['sichuan', 'ningxia'],
    when: '旧报告手填的派生金额（差额、结转结余额、到位资金、合计）与重新计算的值不同。',
    example: '项目“人大代表履职经费”：填报为148.00万元，计算应为143.00万元。',
  },
  'W-RATE-ZERO-DENOMINATOR': {
    stage: 'check',
    profiles: ['sichuan'],
    when: '分母为 0 的比率填报成了数字。',
    example: '完成情况表“部门整体”结转结余变动率：分母为0，比率无意义，应显示为“—”（填报为0.00%）。',
  },
  'E-SHARE-SUM': { stage: 'none', when: '占比由程序用最大余数法计算，合计恰为 100%。' },
  'E-EXEC-OVER-UNEXPLAINED': {
    stage: 'check',
    when: '执行率超过 100%，而重点工作任务（或未关联任务的项目的“其他需要说明事项”）没有说明原因。',
    example: '重点工作任务“办公设备购置”：执行率100.03%超过100%，须说明原因。',
  },
  'W-EXEC-LOW-UNEXPLAINED': {
    stage: 'check',
    when: '执行率低于 90%（`executionLowThreshold`），且没有说明偏低原因。',
    example: '重点工作任务“办公设备购置”：执行率89.99%低于90%，须说明预算执行偏低的原因及改进措施。',
  },
  'E-DEVIATION-DENIED': {
    stage: 'check',
    when: '指标未完成或执行率偏离，偏差原因却填写“无偏差”“无”“正常”等无偏差用语。',
    example: '项目“办公设备购置”指标“购置设备数量”：实际完成值8未达到指标值≥10，但偏差原因填写为“无偏差”，请说明偏差原因及改进措施。',
  },
  'W-DEVIATION-UNEXPLAINED': {
    stage: 'check',
    when: '指标未完成（得分低于分值），且未填写偏差原因。',
    example: '项目“办公设备购置”指标“购置设备数量”：未完成指标值（8/≥10），未填写偏差原因分析及改进措施。',
  },
  'W-OVERACHIEVED': {
    stage: 'check',
    when: '实际完成值向有利方向超出指标值 30% 及以上（`overachievementRatio`），且未说明原因。',
    example: '项目“业务培训”指标“培训人次”：实际完成值130超出指标值≥100达30.00%，请说明是否指标值设定偏低。',
  },
  'W-ADJUSTMENT-UNEXPLAINED': {
    stage: 'check',
    when: '全年预算数不等于年初预算数，而没有填写调整理由。',
    example: '项目“办公设备购置”：预算由30.00万元调整为35.00万元，须说明调整理由。',
  },
  'W-GOAL-TEXT-COPIED': {
    stage: 'check',
    when: '年度总体目标的“实际完成情况”与“预期目标”（忽略空白）完全相同。',
    example: '项目“办公设备购置”：年度总体目标的“实际完成情况”与“预期目标”完全相同，请填写实际完成情况。',
  },
  'W-SCORE-EXEC-DIVERGENCE': {
    stage: 'optional',
    when: '可选检查：指标得分率与预算执行率相差超过 5 个百分点；只在调用 `check()` 时传入 `optional: true` 才运行，命令行目前没有开启它的选项。',
    example: '项目“办公设备购置”：指标完成程度72.22%与预算执行率100.00%相差较大，请核实。',
  },
  'E-SCORE-OVER-WEIGHT': { stage: 'check', when: '填报得分或人工调分超过分值。', example: '项目“办公设备购置”指标“购置设备数量”：得分50.01超过分值50。' },
  'E-SCORE-NEGATIVE': {
    stage: 'check',
    when: '分值小于或等于 0，或得分为负。',
    example: '项目“办公设备购置”指标“职工满意度”：分值或得分不能为负数或零（分值0，得分0）。',
  },
  'E-WEIGHT-TOTAL': {
    stage: 'check',
    when: '项目表的执行率分值与各指标分值之和不等于满分 100。',
    example: '项目支出绩效自评表“办公设备购置”：各项分值合计为99（含预算执行率10），应为100。',
  },
  'W-WEIGHT-LEVEL1': {
    stage: 'check',
    when: '某一级指标的分值之和与格式的默认权重（产出 50、效益 30、满意度 10）不同。',
    example:
      '项目支出绩效自评表“办公设备购置”：一级指标分值为产出指标40、效益指标40、满意度指标10，与默认权重产出指标50、效益指标30、满意度指标10不同，请在说明中注明调整理由。',
  },
  'E-SCORE-TOTAL': {
    stage: 'check',
    profiles: ['sichuan', 'gansu'],
    when: '填报的总分不等于执行率得分加各项得分。',
    example: '整体支出绩效目标自评表：总分填报为95，各项得分合计为94.50（含预算执行率得分10）。',
  },
  'E-GRADE-BAND': {
    stage: 'check',
    profiles: ['sichuan'],
    when: '填报的等级与总分所在的等级区间不符。',
    example: '部门整体支出计分表：总分88对应等级为“良”，填报为“优”。',
  },
  'E-SCORE-UNJUSTIFIED': {
    stage: 'check',
    when: '填报得分与评分规则结果相差 0.01 分及以上，且没有调分理由。',
    example: '项目“办公设备购置”指标“购置设备数量”：按评分规则应得40分，填报40.01分；如需调整请填写调分理由。',
  },
  'E-QUAL-SCORE-BAND': {
    stage: 'check',
    when: '定性指标的得分不在其达成档次的区间内。',
    example: '项目“业务培训”指标“培训组织规范性”：“部分达成”的得分应在18至24分之间，当前为24分。',
  },
  'E-QUAL-SCORE-REQUIRED': {
    stage: 'check',
    when: '定性指标为部分达成或未达成，却没有填写得分。',
    example: '项目“业务培训”指标“培训组织规范性”：定性指标为“部分达成”时须填写得分。',
  },
  'W-SCORE-CAPPED': { stage: 'none', when: '§5.7 按执行率封顶总分的可选规则尚无格式启用。' },
  'W-RUBRIC-NO-TARGET': {
    stage: 'check',
    profiles: ['sichuan'],
    when: '计分表对某类效益计了分，完成情况表中却没有该类指标。',
    example: '项目“人大代表履职经费”：计分表对“生态效益”计2分，但绩效目标完成情况表中没有该类指标。',
  },
  'E-RUBRIC-INVALID': {
    stage: 'profile',
    profiles: ['sichuan'],
    when: '格式目录中的评分细则：下级分值之和不等于上级，或缺少规则参数。',
    example: '评分细则“部门整体”：投入分值合计19，应为20。',
  },
  'E-PERCENT-OVER-100': {
    stage: 'check',
    when: '比率类指标（单位为 %，名称含率、满意度等）的指标值或实际完成值超过 100。',
    example: '项目“办公设备购置”指标“设备使用率”：实际完成值为120%，比率类指标不能超过100%。',
  },
  'W-UNIT-CATEGORY': {
    stage: 'check',
    when: '度量单位与指标内容不符：计数类用 %、满意度不用 %、成本指标无金额单位、时效指标不用时间单位。',
    example: '项目“办公设备购置”指标“职工满意度”：度量单位“分”与指标内容不符（满意度应以百分比计量）。',
  },
  'W-LEVEL2-MISFIT': {
    stage: 'check',
    when: '按关键词判断，指标归入的二级指标可能不当。',
    example: '项目“业务培训”指标“培训合格率”：归入“数量指标”可能不当，建议归入“质量指标”。',
  },
  'W-LEVEL2-UNKNOWN': {
    stage: 'check',
    when: '二级指标（或一级指标）不在当前指标框架中。',
    example: '项目“办公设备购置”指标“购置设备数量”：二级指标“效率指标”不属于一级指标“产出指标”。',
  },
  'E-DUP-INDICATOR': {
    stage: 'check',
    when: '同一张表中三级指标名称（归一后）重复。',
    example: '项目支出绩效自评表“办公设备购置”：指标“购置设备数量。”重复出现（第1行、第2行）。',
  },
  'W-TARGET-DIVERGENT': {
    stage: 'check',
    when: '同名指标在部门整体支出绩效自评表和项目表中的指标值或实际完成值不同。',
    example: '指标“培训人次”：部门整体支出绩效自评表的指标值为≥120人次，项目“业务培训”的指标值为≥100人次，请核对统一。',
  },
  'W-COST-TOTAL-MISMATCH': {
    stage: 'check',
    when: '以万元计的总额成本指标，指标值既不等于全年预算数也不等于年初预算数，或实际完成值不等于全年执行数。',
    example: '项目“办公设备购置”：成本指标“设备购置经费”指标值为25.00万元，与项目全年预算数30.00万元不一致。',
  },
  'W-NARRATIVE-GRADE': {
    stage: 'check',
    when: '叙述中的等级用语，或“基本完成”“部分完成”，与计算结果（各项目共同的等级）不符。',
    example: '评价情况分析及综合评价结论：文字表述为“等级为良”，与计算结果100分、等级“优”不一致。',
  },
  'W-DOCNUM-BRACKETS': {
    stage: 'check',
    when: '自由文字中的文号年份用了（）、() 或 []，而不是六角括号〔〕。',
    example: '自评情况 › 部门绩效目标的设立情况：文号“依据沾财发（2023）12号”年份应使用六角括号〔〕。',
  },
  'W-MANUAL-NUMBERING': {
    stage: 'check',
    profiles: ['sichuan', 'gansu', 'ningxia'],
    when: '自由文字段落以自己的序号开头（（一）、1.、一、），可能与自动编号冲突。',
    example: '自评情况 › 绩效目标：文字中自带序号“（一）”，可能与自动编号冲突。',
  },
  'W-NARRATIVE-FIGURE': {
    stage: 'optional',
    profiles: ['ningxia'],
    when: '可选检查：叙述中紧挨已知名称的金额与数据不符。',
    example: '项目“人大代表履职经费”：“人大代表履职经费148.00万元”与数据不符，数据为143.00万元。',
  },
  'W-ENUM-COUNT': {
    stage: 'optional',
    profiles: ['gansu', 'ningxia'],
    when: '可选检查：称“N个”，但列举的项数不是 N。',
    example: '正文 › 一（二）：称“3个”，但列举了4项。',
  },
  'W-FOREIGN-TERMS': {
    stage: 'optional',
    profiles: ['gansu', 'ningxia'],
    when: '可选检查：出现输入 `options.foreignTerms` 中列出的外单位用语。',
    example: '正文 › 一（一）：出现“纪检监察”，疑为他单位材料。',
  },
  'W-UNIT-COST': { stage: 'none', when: '可选检查（§7.6 #59），尚未实现：输入中没有单位成本标准与数量、天数的关联。' },
};
