/** 输入数据 → YAML 文本：数字不加引号、金额两位小数，每个字段后附中文名注释（jixiao convert 写出）。 */
import { Document, Scalar, isPair, isScalar, isSeq, visit } from 'yaml';
import { AMOUNT_KEYS, FIELD_TITLES, isPlainNumber } from '../model/entry-workbook.js';
import { FIELD_LABELS } from '../model/labels.js';

/** Writes plain input data as YAML, with `header` as the opening comment. */
export function inputToYaml(data: unknown, header: string): string {
  const doc = new Document(data);
  visit(doc, {
    Pair(_, pair, ancestors) {
      if (!isScalar(pair.key)) return;
      const key = String(pair.key.value);
      const steps = ancestors.flatMap((a) => (isPair(a) && isScalar(a.key) ? [String(a.key.value)] : isSeq(a) ? ['*'] : []));
      const label = FIELD_TITLES.get([...steps, key].join('.')) ?? FIELD_LABELS[key];
      if (isScalar(pair.value)) {
        const v = pair.value.value;
        // Note: load/ reads every number back as its written text, so "6.00" stays what was typed.
        if (typeof v === 'string' && isPlainNumber(v)) pair.value = numberScalar(v, AMOUNT_KEYS.has(key) ? 2 : 0);
        if (label) (pair.value as Scalar).comment = ` ${label}`;
      } else if (label) pair.key.comment = ` ${label}`;
    },
  });
  doc.commentBefore = header;
  return doc.toString({ lineWidth: 0 });
}

function numberScalar(text: string, minDecimals: number): Scalar {
  const node = new Scalar(Number(text));
  const decimals = Math.max(minDecimals, text.split('.')[1]?.length ?? 0);
  if (decimals > 0) node.minFractionDigits = decimals;
  return node;
}
