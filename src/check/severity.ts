/** 严重程度：套用格式文件的 severity 设置与 --strict（DOMAIN.md §7）。 */
import type { Diagnostic, Severity, SeverityOverride } from '../model/diagnostic.js';

export type { SeverityOverride } from '../model/diagnostic.js';
import type { Profile } from '../model/profile.js';

/** Options of a check run. */
export interface CheckOptions {
  /** --strict: every warning becomes an error. */
  readonly strict?: boolean | undefined;
  /** --checks=all: also run the optional checks (W-SCORE-EXEC-DIVERGENCE). */
  readonly optional?: boolean | undefined;
}

/**
 * The profile's severity for each code, or error for everything under --strict (DOMAIN.md §7). A warning set to
 * `off` is dropped (even under --strict: it was switched off on purpose); an error (E-) is never dropped.
 */
export function applySeverity(found: readonly Diagnostic[], profile: Profile, strict: boolean | undefined): Diagnostic[] {
  return applyOverrides(found, profile.severity, strict);
}

/** Applies per-code overrides (a profile's `severity`, an input's `checks`), then --strict. */
export function applyOverrides(found: readonly Diagnostic[], overrides: Readonly<Record<string, SeverityOverride>>, strict: boolean | undefined): Diagnostic[] {
  return found.flatMap((x) => {
    const wanted = overrides[x.code];
    if (wanted === 'off' && x.code.startsWith('W-')) return [];
    const severity: Severity = strict ? 'error' : wanted === 'error' || wanted === 'warning' ? wanted : x.severity;
    return [severity === x.severity ? x : { ...x, severity }];
  });
}
