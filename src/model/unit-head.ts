/** 各格式输入共有的开头：格式、年度、金额单位、报告日期，以及自由文字检查的选项。 */
import * as z from 'zod';
import { AMOUNT_UNITS, DateText, RequiredText, Year } from './unit-year.js';

/** The keys a profile's input starts with: 格式 (this profile's id), 年度, 金额单位, 报告日期. */
export const unitHead = <P extends string>(profile: P) => ({
  profile: z.literal(profile, { error: `格式应为 ${profile}` }),
  year: Year,
  amountUnit: z.enum(AMOUNT_UNITS, { error: '金额单位应为“万元”或“元”' }).default('万元'),
  reportDate: DateText.optional(),
});

/** `options` of a narrative profile: terms foreign to this kind of unit (W-FOREIGN-TERMS), e.g. 纪检监察 in a 人大 report. */
export const TextCheckOptions = z.strictObject({ foreignTerms: z.array(RequiredText).optional() }).optional();
