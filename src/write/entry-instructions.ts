/** 填报工作簿“说明”工作表的文字：用法、填写须知、各工作表一行是什么、各列怎么填。 */
import { CHECKS_SHEET, NAMES_SHEET, columnTitle, type EntryLayout } from '../model/entry-workbook.js';

const CHECKS_ROW = [
  CHECKS_SHEET,
  '可不填。本单位对某项检查的设置，一行一项：检查代码（诊断结果中“代码”一列，如 W-TASK-NAME）和设置（关闭、警告或错误）。以 E- 开头的错误不能关闭或降为警告。',
] as const;

/** [label, text] rows of a layout's 说明 sheet (`names`: the workbook has a 代号 sheet); a row with a label and no text is a heading. */
export const instructions = (layout: EntryLayout, names = false): readonly (readonly [string, string])[] =>
  layout.profile === 'yunnan' ? [...YUNNAN_ROWS, ...sheetRows(layout)] : generic(layout, names);

const NAMES_ROW = [
  NAMES_SHEET,
  '按代号逐行填写的各表（如计分表的三级指标）可用的代号和名称，取自格式的评分细则，不必修改；这些表的代号列可从下拉列表选取，名称列按代号自动显示。',
] as const;

const sheetRows = (layout: EntryLayout): (readonly [string, string])[] =>
  layout.tables.map(
    (s) => [s.name, `每行${s.row}。列：${s.fields.map((f) => (f.hint ? `${columnTitle(f)}（${f.hint}）` : columnTitle(f))).join('；')}。`] as const,
  );

/** The 说明 of a workbook generated from a profile's schema (entry-layout.ts). */
function generic(layout: EntryLayout, names: boolean): (readonly [string, string])[] {
  return [
    [`jixiao 绩效自评填报工作簿（${layout.profile} 格式）`, ''],
    ['', '本工作簿就是生成绩效自评报告所需的全部数据：按下面的须知填好各工作表，保存为 .xlsx，不必转换成别的格式。'],
    ['怎么用', ''],
    ['1. 填写', '逐表填写白底的格子（灰底的表头、字段名和说明不能改动，工作表已保护，不设密码）。'],
    [
      '2. 检查与生成',
      '保存后，在 jixiao 离线网页（jixiao.html，用浏览器打开，无需安装）中选择本文件，页面列出有问题的格子并生成 DOCX 与 XLSX；或交给负责生成报告的同事。',
    ],
    ['3. 按提示修改', '问题的位置写作“工作表!单元格”，每条都写明哪一项、错在哪里、应当怎样填；改好后再检查一次。'],
    ['填写须知', ''],
    ['只填填报内容', '合计、执行率、得分、总分、等级等由程序计算，不要填写。'],
    ['金额', '按“单位”表的金额单位（默认万元）填写，最多两位小数，不写千分位；金额列只接受数字。'],
    ['多条内容', '单元格内按 Alt+Enter 换行，一条一行；段首不必写“一、”“（一）”等序号。'],
    ['增删行', '可以在各表中增删数据行；整行留空的行会被忽略。不要改动表头、工作表名称和“单位”表的字段代码列。'],
    ['示例数据', '示例工作簿带有虚构的示例单位，请逐项改成本单位的内容，多余的行整行删除。'],
    ['各工作表', ''],
    [layout.unit.name, `${layout.unit.sections.map((s) => s.title).join('、')}：一行一个字段，填在“填写内容”列。`],
    ...sheetRows(layout),
    ...(names ? [NAMES_ROW] : []),
    CHECKS_ROW,
  ];
}

const YUNNAN_ROWS: readonly (readonly [string, string])[] = [
  ['jixiao 绩效自评填报工作簿（云南格式及全国通用表样）', ''],
  ['', '本工作簿就是生成绩效自评报告所需的全部数据：按下面的须知填好各工作表，保存为 .xlsx，不必转换成别的格式。'],
  ['怎么用', ''],
  ['1. 填写', '逐表填写白底的格子（灰底的表头、字段名和说明不能改动，工作表已保护，不设密码）。'],
  [
    '2. 检查与生成',
    '保存后，在 jixiao 离线网页（jixiao.html，用浏览器打开，无需安装）中选择本文件，页面列出有问题的格子并生成 DOCX 与 XLSX；或交给负责生成报告的同事。',
  ],
  ['3. 按提示修改', '问题的位置写作“项目指标!F7”（工作表!单元格），每条都写明哪一项、错在哪里、应当怎样填；改好后再检查一次。'],
  ['填写须知', ''],
  ['只填填报内容', '执行率、得分、总分、等级、年度资金总额、收入合计、支出合计、占比、重点任务金额、一(三) 部门整体收支情况的文字都由程序计算，不要填写。'],
  ['金额', '按“单位”表的金额单位（默认万元）填写，最多两位小数，不写千分位；金额列只接受数字。'],
  ['百分数指标', '指标值、实际完成值只填数字，度量单位填 %：“≥95%”写作 指标性质 ≥、指标值 95、度量单位 %。'],
  ['指标性质', '可选 ≥ > = ≤ < 定性；定量指标必须填写。定性指标的指标值、实际完成值填文字，并在“定性达成情况”中选择。'],
  ['项目标识', '“项目”表每行一个项目，项目标识不能重复；“项目指标”“调整预算”“重点任务”用项目标识指明所属项目（可从下拉列表选择）。'],
  ['多条内容', '单元格内按 Alt+Enter 换行，一条一行；段首不必写“一、”“（一）”等序号。'],
  ['增删行', '可以在各表中增删数据行；整行留空的行会被忽略。不要改动表头、工作表名称和“单位”表的字段代码列。'],
  ['示例数据', '示例工作簿带有虚构的示例单位，请逐项改成本单位的内容，多余的行整行删除。'],
  ['各工作表', ''],
  ['单位', '单位基本信息、部门整体收支、自评情况各节文字、部门职责与总体目标：一行一个字段，填在“填写内容”列。'],
];
