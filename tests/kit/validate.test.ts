import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/load/read-input.js';
import { suggestKey } from '../../src/load/suggest.js';
import { allowedKeys, validateUnit } from '../../src/load/validate.js';
import { INPUT_SCHEMAS, type AnyUnit } from '../../src/profiles/registry.js';
import { unitYearSchema, type UnitYear } from '../../src/model/unit-year.js';
import { MINIMAL_YAML, placeOf } from '../support/minimal.js';

/** Reads and validates a text the way the pipeline does. */
function validate(text: string, file = 'unit.yaml') {
  const { loaded, diagnostics } = readInput(file, new TextEncoder().encode(text));
  expect(diagnostics).toEqual([]);
  const r = validateUnit<AnyUnit>(loaded!, INPUT_SCHEMAS);
  // Note: these inputs are yunnan ones; other profiles have their own tests.
  return { ...r, unit: r.unit as UnitYear | undefined };
}

/** MINIMAL_YAML with one exact substring replaced (the substring must exist). */
function edit(from: string, to: string, text = MINIMAL_YAML): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

const EXECUTED_PATH = ['projects', 0, 'funds', 'current', 'executed'];

describe('validateUnit: valid input', () => {
  it('accepts MINIMAL_YAML with no diagnostics', () => {
    const { unit, diagnostics } = validate(MINIMAL_YAML);
    expect(diagnostics).toEqual([]);
    expect(unit?.year).toBe(2023);
    expect(unit?.unit.code).toBe('101001');
    expect(unit?.projects[0]?.funds.current.executed.toFixed(2)).toBe('19.50');
    expect(unit?.dept.indicators).toHaveLength(2);
    expect(unit?.projects[0]?.indicators).toHaveLength(2);
  });

  it('accepts the same data written as JSON', () => {
    const { loaded } = readInput('min.yaml', new TextEncoder().encode(MINIMAL_YAML));
    const { unit, diagnostics } = validate(JSON.stringify(loaded!.data, null, 2), 'min.json');
    expect(diagnostics).toEqual([]);
    expect(unit?.finance.basicExpenditure.toFixed(2)).toBe('1503.16');
  });

  it('accepts "1,522.66" as 1522.66', () => {
    const { unit, diagnostics } = validate(edit('amount: 1522.66', 'amount: 1,522.66'));
    expect(diagnostics).toEqual([]);
    expect(unit?.finance.income[0]?.amount.toString()).toBe('1522.66');
  });

  it('keeps a code written with leading zeros', () => {
    expect(validate(edit("code: '101001'", 'code: 007')).unit?.unit.code).toBe('007');
  });

  it('converts amounts in 元 to 万元 (105600 元 = 10.56 万元)', () => {
    const { unit, diagnostics } = validate(edit('amountUnit: 万元', 'amountUnit: 元', edit('executed: 19.50', 'executed: 105600')));
    expect(diagnostics).toEqual([]);
    expect(unit?.projects[0]?.funds.current.executed.toString()).toBe('10.56');
  });

  it('defaults amountUnit to 万元', () => {
    const { unit } = validate(edit('amountUnit: 万元\n', ''));
    expect(unit?.amountUnit).toBe('万元');
    expect(unit?.projects[0]?.funds.current.executed.toString()).toBe('19.5');
  });
});

describe('validateUnit: problems are reported by code and place', () => {
  it('reports a missing required field as E-REQUIRED at the object that lacks it', () => {
    const text = edit('        executed: 19.50\n', '');
    const { unit, diagnostics } = validate(text);
    expect(unit).toBeUndefined();
    expect(diagnostics).toMatchObject([
      { code: 'E-REQUIRED', severity: 'error', file: 'unit.yaml', path: EXECUTED_PATH, place: placeOf(text, 'initialBudget:') },
    ]);
  });

  it('reports missing top-level sections as E-REQUIRED', () => {
    const text = edit("unit:\n  name: 曲靖市沾益区财政局\n  code: '101001'\n", '');
    expect(validate(text).diagnostics).toMatchObject([{ code: 'E-REQUIRED', path: ['unit'], place: { line: 2, column: 1 } }]);
  });

  it('reports a blank value (key with nothing after it, or ~) as E-REQUIRED at the key', () => {
    const text = edit('executed: 19.50', 'executed:');
    expect(validate(text).diagnostics).toMatchObject([{ code: 'E-REQUIRED', path: EXECUTED_PATH, place: placeOf(text, 'executed:') }]);
    const tilde = edit('  name: 曲靖市沾益区财政局', '  name: ~');
    expect(validate(tilde).diagnostics).toMatchObject([{ code: 'E-REQUIRED', path: ['unit', 'name'], place: placeOf(tilde, 'name: ~') }]);
    const empty = edit('  name: 曲靖市沾益区财政局', "  name: '  '");
    expect(validate(empty).diagnostics).toMatchObject([{ code: 'E-REQUIRED', path: ['unit', 'name'], place: placeOf(empty, "name: '") }]);
  });

  it('reports wrong types as E-SCHEMA at the value', () => {
    const text = edit("unit:\n  name: 曲靖市沾益区财政局\n  code: '101001'\n", 'unit: 曲靖市沾益区财政局\n');
    expect(validate(text).diagnostics).toMatchObject([{ code: 'E-SCHEMA', path: ['unit'], place: placeOf(text, '曲靖市沾益区财政局') }]);
    const list = edit(
      '    funds:\n',
      '    funds: [1, 2]\n',
      edit('      current:\n        initialBudget: 20.00\n        adjustedBudget: 20.00\n        executed: 19.50\n', ''),
    );
    expect(validate(list).diagnostics).toMatchObject([{ code: 'E-SCHEMA', path: ['projects', 0, 'funds'], place: placeOf(list, '[1, 2]') }]);
    const bool = edit('reportDate: 2024-03-31\n', 'reportDate: 2024-03-31\noptions:\n  narrativeGrouping: 是\n');
    expect(validate(bool).diagnostics).toMatchObject([{ code: 'E-SCHEMA', path: ['options', 'narrativeGrouping'], place: placeOf(bool, '是') }]);
  });

  it.each([
    ['a negative amount', '-19.50'],
    ['a non-numeric amount', '八百'],
    ['too many decimals in 万元', '10.555'],
    ['.nan', '.nan'],
    ['NaN', 'NaN'],
    ['.inf', '.inf'],
    ['-.inf', '-.inf'],
  ])('rejects %s as E-SCHEMA at the value', (_name, value) => {
    const text = edit('executed: 19.50', `executed: ${value}`);
    expect(validate(text).diagnostics).toMatchObject([
      { code: 'E-SCHEMA', path: EXECUTED_PATH, place: placeOf(text, value, 'executed:'), actual: `“${value}”` },
    ]);
  });

  it('reports an unknown key as E-UNKNOWN-KEY at the key, suggesting the right one', () => {
    const text = edit('executed: 19.50', 'excuted: 19.50');
    const { diagnostics } = validate(text);
    expect(diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'E-UNKNOWN-KEY',
          path: ['projects', 0, 'funds', 'current', 'excuted'],
          place: placeOf(text, 'excuted'),
          expected: 'executed',
          actual: 'excuted',
        }),
      ]),
    );
    // the misspelt key also leaves 全年执行数 missing
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['E-REQUIRED', 'E-UNKNOWN-KEY']);
  });

  it('reports each unknown key of an object separately', () => {
    const text = edit('dept:\n', 'dept:\n  foo: 1\n  Mandate2: x\n');
    expect(validate(text).diagnostics).toMatchObject([
      { code: 'E-UNKNOWN-KEY', path: ['dept', 'foo'], place: placeOf(text, 'foo') },
      { code: 'E-UNKNOWN-KEY', path: ['dept', 'Mandate2'], place: placeOf(text, 'Mandate2'), expected: 'mandate' },
    ]);
  });

  it('reports an unsupported amountUnit once, at its place', () => {
    const text = edit('amountUnit: 万元', 'amountUnit: 千元');
    const { unit, diagnostics } = validate(text);
    expect(unit).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: 'E-SCHEMA', path: ['amountUnit'], place: placeOf(text, '千元') }]);
  });

  it('orders diagnostics as they appear in the file', () => {
    const text = edit('executed: 19.50', 'executed: 八百', edit('year: 2023', 'year: 23'));
    const places = validate(text).diagnostics.map((d) => d.place?.line ?? 0);
    expect(places).toEqual([...places].sort((a, b) => a - b));
    expect(places).toHaveLength(2);
  });

  it('reports a root that is a list before validation', () => {
    const r = readInput('unit.yaml', new TextEncoder().encode('- year: 2023\n'));
    expect(r.loaded).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ code: 'E-SCHEMA', place: { line: 1, column: 1 } }]);
  });
});

describe('key suggestions', () => {
  const fundLine = allowedKeys(unitYearSchema('万元'), ['projects', 0, 'funds', 'current']);

  it('reads the accepted keys from the schema at a path', () => {
    expect(fundLine).toEqual(['initialBudget', 'adjustedBudget', 'executed']);
    expect(allowedKeys(unitYearSchema('万元'), ['dept', 'indicators', 3])).toContain('level1');
  });

  it.each([
    ['excuted', 'executed'],
    ['Executed', 'executed'],
    ['全年执行数', 'executed'],
    ['initial', 'initialBudget'],
    ['adjustedbudgets', 'adjustedBudget'],
    ['xyz', undefined],
  ])('suggests for %s: %s', (key, expected) => {
    expect(suggestKey(key, fundLine)).toBe(expected);
  });
});
