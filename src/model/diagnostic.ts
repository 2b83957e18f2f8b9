/** 诊断：每个问题的代码、严重程度、位置、中文说明。 */

/** Codes of DOMAIN.md §7 used by jixiao, plus the tool's own. The prefix is the default severity. */
export type DiagnosticCode =
  | 'E-INPUT-UNREADABLE'
  | 'E-INPUT-SYNTAX'
  | 'E-INPUT-ENCODING'
  | 'E-INPUT-TOO-LARGE'
  | 'E-INPUT-LIMIT'
  | 'E-WORKBOOK-CELL'
  | 'E-SCHEMA'
  | 'E-UNKNOWN-KEY'
  | 'E-INPUT-CHARACTER'
  | 'E-REQUIRED'
  | 'E-TEMPLATE'
  | 'E-WRITE'
  | 'E-PROFILE'
  | 'E-INTERNAL'
  | 'E-PDF'
  | 'E-PDF-TIMEOUT'
  | 'W-MANIFEST-IGNORED'
  | 'E-NATURE-MISSING'
  | 'E-VALUE-NOT-NUMERIC'
  | 'E-RANGE-WITH-SYMBOL'
  | 'E-ACTUAL-HAS-SYMBOL'
  | 'W-UNIT-IN-VALUE'
  | 'W-FRACTION-PERCENT'
  | 'W-FUZZY-TARGET'
  | 'E-SUM-FUNDS'
  | 'E-SUM-BUDGET-ADJUST'
  | 'E-SUM-EXPENSE'
  | 'E-SUM-INCOME'
  | 'E-SUM-BASIC'
  | 'E-SUM-BREAKDOWN'
  | 'E-CARRYOVER-BALANCE'
  | 'W-INCOME-EXPENSE-GAP'
  | 'E-SUM-PROJECT-BUDGET'
  | 'E-SUM-PROJECT-ACTUAL'
  | 'W-PROJECT-CARRYOVER-CONFLICT'
  | 'E-TASK-AMOUNT'
  | 'W-TASK-SUM'
  | 'W-TASK-NAME'
  | 'W-TASK-UNMATCHED'
  | 'E-EXEC-WITHOUT-BUDGET'
  | 'W-FIGURE-PAIR-DIFFERS'
  | 'W-DEPT-FUNDS-SCOPE'
  | 'W-ROUNDING-TAIL'
  | 'E-STATED-RATE'
  | 'E-STATED-AMOUNT'
  | 'W-RATE-ZERO-DENOMINATOR'
  | 'E-SHARE-SUM'
  | 'E-EXEC-OVER-UNEXPLAINED'
  | 'W-EXEC-LOW-UNEXPLAINED'
  | 'E-DEVIATION-DENIED'
  | 'W-DEVIATION-UNEXPLAINED'
  | 'W-OVERACHIEVED'
  | 'W-ADJUSTMENT-UNEXPLAINED'
  | 'W-GOAL-TEXT-COPIED'
  | 'W-SCORE-EXEC-DIVERGENCE'
  | 'E-SCORE-OVER-WEIGHT'
  | 'E-SCORE-NEGATIVE'
  | 'E-WEIGHT-TOTAL'
  | 'W-WEIGHT-LEVEL1'
  | 'E-SCORE-TOTAL'
  | 'E-GRADE-BAND'
  | 'E-SCORE-UNJUSTIFIED'
  | 'E-QUAL-SCORE-BAND'
  | 'E-QUAL-SCORE-REQUIRED'
  | 'W-SCORE-CAPPED'
  | 'W-RUBRIC-NO-TARGET'
  | 'E-RUBRIC-INVALID'
  | 'E-PERCENT-OVER-100'
  | 'W-UNIT-CATEGORY'
  | 'W-LEVEL2-MISFIT'
  | 'W-LEVEL2-UNKNOWN'
  | 'E-DUP-INDICATOR'
  | 'W-TARGET-DIVERGENT'
  | 'W-COST-TOTAL-MISMATCH'
  | 'W-NARRATIVE-GRADE'
  | 'W-DOCNUM-BRACKETS'
  | 'W-MANUAL-NUMBERING'
  | 'W-NARRATIVE-FIGURE'
  | 'W-ENUM-COUNT'
  | 'W-FOREIGN-TERMS'
  | 'W-UNIT-COST';

export type Severity = 'error' | 'warning';

/** What a profile's `severity` or an input's `checks` may set a code to; `off` drops a warning (W-) altogether. */
export type SeverityOverride = Severity | 'off';

/** One problem found in an input, located in the file and in the data. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly path?: readonly PropertyKey[];
  /** The path in the words of the unit's form (set by the run stage from the form's labels); else the kit's words. */
  readonly label?: string;
  readonly file?: string;
  readonly place?: { readonly line: number; readonly column: number };
  /** Where a workbook input holds the value, as `Sheet!C7` (data-entry workbooks have no lines). */
  readonly cell?: string;
  readonly expected?: string;
  readonly actual?: string;
}

/** Optional parts of a diagnostic. */
export interface DiagnosticExtras {
  readonly expected?: string;
  readonly actual?: string;
}

/** Severity from the code's prefix (DOMAIN.md §7: the prefix records the default). */
export const defaultSeverity = (code: DiagnosticCode): Severity => (code.startsWith('E-') ? 'error' : 'warning');

/** Makes a diagnostic with the code's default severity. */
export function diagnostic(code: DiagnosticCode, path: readonly PropertyKey[], message: string, extras: DiagnosticExtras = {}): Diagnostic {
  return {
    code,
    severity: defaultSeverity(code),
    message,
    path,
    ...(extras.expected !== undefined ? { expected: extras.expected } : {}),
    ...(extras.actual !== undefined ? { actual: extras.actual } : {}),
  };
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

/** Exit codes of the CLI. */
export const ExitCode = { Ok: 0, InvalidInput: 1, Usage: 2, Template: 3, Internal: 70 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
