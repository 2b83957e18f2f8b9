/** 填报工作簿“说明”工作表的文字：用法、填写须知、各工作表一行是什么、各列怎么填。 */
import { TABLE_SHEETS, UNIT_SHEET, columnTitle } from '../model/entry-workbook.js';

/** [label, text] rows; a row with a label and no text is a heading. */
export const INSTRUCTIONS: readonly (readonly [string, string])[] = [
  ['jixiao 绩效自评填报工作簿（云南格式）', ''],
  ['', '本工作簿是 jixiao 的输入文件：填好后不必转换，直接交给 jixiao 检查和生成报告。'],
  ['用法', ''],
  ['检查', 'npx jixiao check 本文件.xlsx —— 问题的位置写作“本文件.xlsx!项目指标!F7”（工作表!单元格）。'],
  ['生成', 'npx jixiao build 本文件.xlsx --out out —— 生成 DOCX 与 XLSX；加 --pdf 同时生成 PDF（需安装 LibreOffice）。'],
  ['转换', 'npx jixiao convert 本文件.xlsx 本文件.yaml —— 转成 YAML；反过来 npx jixiao convert 单位.yaml 单位.xlsx。'],
  ['填写须知', ''],
  ['只填填报内容', '执行率、得分、总分、等级、年度资金总额、收入合计、支出合计、占比、重点任务金额、一(三) 部门整体收支情况的文字都由程序计算，不要填写。'],
  ['金额', '按“单位”表的金额单位（默认万元）填写，最多两位小数，不写千分位；金额列只接受数字。'],
  ['百分数指标', '指标值、实际完成值只填数字，度量单位填 %：“≥95%”写作 指标性质 ≥、指标值 95、度量单位 %。'],
  ['指标性质', '可选 ≥ > = ≤ < 定性；定量指标必须填写。定性指标的指标值、实际完成值填文字，并在“定性达成情况”中选择。'],
  ['项目标识', '“项目”表每行一个项目，项目标识不能重复；“项目指标”“调整预算”“重点任务”用项目标识指明所属项目（可从下拉列表选择）。'],
  ['多条内容', '单元格内按 Alt+Enter 换行，一条一行；段首不必写“一、”“（一）”等序号。'],
  ['增删行', '可以在各表中增删数据行；整行留空的行会被忽略。不要改动表头、工作表名称和“单位”表的字段代码列。'],
  ['示例数据', '由 jixiao init --xlsx 写出的工作簿带有虚构的示例单位，请逐项改成本单位的内容，多余的行整行删除。'],
  ['各工作表', ''],
  [UNIT_SHEET.name, '单位基本信息、部门整体收支、自评情况各节文字、部门职责与总体目标：一行一个字段，填在“填写内容”列。'],
  ...TABLE_SHEETS.map(
    (s) => [s.name, `每行${s.row}。列：${s.fields.map((f) => (f.hint ? `${columnTitle(f)}（${f.hint}）` : columnTitle(f))).join('；')}。`] as const,
  ),
];
