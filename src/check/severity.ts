/** 严重程度：套用格式文件的 severity 设置与 --strict（DOMAIN.md §7）。 */
import type { Diagnostic, Severity } from '../model/diagnostic.js';
import type { Profile } from '../model/profile.js';

/** Options of a check run. */
export interface CheckOptions {
  /** --strict: every warning becomes an error. */
  readonly strict?: boolean | undefined;
  /** --checks=all: also run the optional checks (W-SCORE-EXEC-DIVERGENCE). */
  readonly optional?: boolean | undefined;
}

/**
 * The profile's severity for each code, or error for everything under --strict (DOMAIN.md §7). A warning the
 * profile sets `off` is dropped (even under --strict: the form has no such concern); an error is never dropped.
 */
export function applySeverity(found: readonly Diagnostic[], profile: Profile, strict: boolean | undefined): Diagnostic[] {
  const overrides: Readonly<Record<string, Severity | 'off'>> = profile.severity;
  return found.flatMap((x) => {
    const set = overrides[x.code];
    if (set === 'off') return x.severity === 'warning' ? [] : [x];
    const severity: Severity = strict ? 'error' : (set ?? x.severity);
    return severity === x.severity ? [x] : [{ ...x, severity }];
  });
}
