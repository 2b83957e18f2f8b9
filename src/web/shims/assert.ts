/** node:assert/strict for the browser build: `ok` and `equal`, as the table-grid invariants use them. */
const ok = (value: unknown, message?: string): void => {
  if (!value) throw new Error(message ?? 'assertion failed');
};
const equal = (actual: unknown, expected: unknown, message?: string): void => {
  if (!Object.is(actual, expected)) throw new Error(message ?? `expected ${String(expected)}, got ${String(actual)}`);
};
export default { ok, equal };
