/** 输出文件夹中 jixiao 自己的文件名：清单与汇总表；扫描输入时据此认出输出文件夹，不把自己的输出当作输入。 */

/** The manifest of a build, in the output folder; a folder holding one is an output folder. */
export const MANIFEST_NAME = '.jixiao-manifest.json';

/** The batch's summary workbook, in the output folder. */
export const SUMMARY_NAME = '汇总表.xlsx';
