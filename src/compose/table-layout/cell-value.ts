/** 单元格取值：声明的单元格 + 视图中的值 → 文档模型的 Cell（金额单位换算、比率样式、空白与“—”规则）。 */
import { Decimal } from 'decimal.js';
import type { Cell, CellRole, CellValue } from '../../model/doc.js';
import { HUNDRED, roundTo } from '../../model/money.js';
import type { CellDecl, MoneyUnit, TableLayout } from '../../model/table-layout.js';
import { UnknownFieldError, interpolate, isCellValue, lookup, type Scope } from './view.js';

const TEN_THOUSAND = new Decimal(10000);
const EMPTY: CellValue = { kind: 'empty' };
const NA: CellValue = { kind: 'na' };

/**
 * An amount of the view (in the view's `amountUnit`, 万元 unless it says 元) as the declared unit prints it.
 * Note: 万元 and 百元 cells carry the 万元 figure (百元 prints it ×100); 元 cells carry the 元 figure. The
 * conversion is an exact Decimal multiplication or division, rounded once when printed.
 */
function amountValue(x: Decimal, from: MoneyUnit, decl: CellDecl, layout: TableLayout): CellValue {
  const unit = decl.unit ?? layout.money.unit ?? '万元';
  const places = decl.places ?? layout.money.places;
  const grouping = decl.grouping ?? layout.money.grouping;
  const inWan = from === '元' ? x.div(TEN_THOUSAND) : x;
  const value = unit === '元' ? (from === '元' ? x : x.times(TEN_THOUSAND)) : inWan;
  return {
    kind: 'amount',
    value,
    ...(unit !== '万元' ? { unit } : {}),
    ...(places !== undefined ? { places } : {}),
    ...(grouping ? { grouping } : {}),
  };
}

function percentValue(x: Decimal, decl: CellDecl, scope: Scope): CellValue {
  const given = decl.placesFrom !== undefined ? lookup(scope, decl.placesFrom) : decl.places;
  if (given !== undefined && typeof given !== 'number') throw new UnknownFieldError(`表格视图的字段 ${decl.placesFrom ?? ''} 不是小数位数`);
  const places = given ?? 2;
  // Note: trimWhole prints a whole percentage without decimals ("100%") and any other with `places` ("80.18%"), as the gansu money block does.
  const shown = decl.trimWhole && roundTo(x.times(HUNDRED), places).isInteger() ? 0 : places;
  return {
    kind: 'percent',
    value: x,
    ...(decl.percent === 'bare' ? { style: 'bare' as const } : {}),
    ...(given !== undefined || decl.trimWhole ? { places: shown } : {}),
  };
}

/** The typed value of a field cell, after the zero and absent rules. */
function fieldValue(decl: CellDecl, scope: Scope, layout: TableLayout): CellValue {
  const path = decl.field!;
  const v = lookup(scope, path);
  const absent = decl.absent ?? (decl.format === 'percent' ? 'na' : 'empty');
  if (v === undefined) return (decl.missing ?? absent) === 'na' ? NA : EMPTY;
  if (v === null) return absent === 'na' ? NA : EMPTY;
  if (typeof v === 'string') return { kind: 'text', text: v };
  if (typeof v === 'number') return { kind: 'text', text: String(v) };
  if (isCellValue(v)) return v;
  if (!Decimal.isDecimal(v)) throw new UnknownFieldError(`表格视图的字段 ${path} 不是可打印的值`);
  const x = v as Decimal;
  if (x.isZero() && decl.zero !== undefined && decl.zero !== 'print') return decl.zero === 'na' ? NA : EMPTY;
  switch (decl.format) {
    case 'amount':
      return amountValue(x, scope.root.amountUnit ?? '万元', decl, layout);
    case 'percent':
      return percentValue(x, decl, scope);
    // Note: without places a score prints whole when whole ("40") and else with 2 decimals ("9.50").
    case 'score':
      return { kind: 'score', value: x, ...(decl.places === 2 ? { fixed: true } : decl.places !== undefined ? { places: decl.places } : {}) };
    case 'number':
      return { kind: 'number', value: x };
    case 'text':
    case undefined:
      throw new UnknownFieldError(`字段 ${path} 是数值，应写 format（amount、percent、score 或 number）`);
  }
}

/** The document cell of a declared cell; spans are set by the composer. */
export function cellOf(decl: CellDecl, scope: Scope, layout: TableLayout): Cell {
  const value: CellValue =
    decl.text !== undefined
      ? { kind: 'text', text: interpolate(decl.text, scope) }
      : decl.value !== undefined
        ? decl.value === 'na'
          ? NA
          : EMPTY
        : fieldValue(decl, scope, layout);
  const role: CellRole = decl.role ?? (decl.text !== undefined ? 'header' : value.kind === 'text' ? 'label' : 'value');
  const bold = decl.bold ?? role === 'section';
  return { value, role, ...(bold ? { bold: true } : {}) };
}
