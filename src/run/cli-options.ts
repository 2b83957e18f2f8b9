/** 命令行选项的取值范围：--jobs 为 1 到核心数 4 倍的整数，--pdf-timeout 为正的秒数；超出范围是用法错误（退出码 2）。 */

/** --jobs may ask for at most this many threads per core; more only costs memory (issue 10: --jobs 1000 used 4.3 GB). */
export const MAX_JOBS_PER_CORE = 4;

/** The longest --pdf-timeout, one day: Node's timers overflow above 2^31 − 1 ms (about 24.8 days) and fire at once. */
export const MAX_PDF_TIMEOUT_SECONDS = 86_400;

/** A parsed option value, or the Chinese reason it is refused. */
export type OptionValue = { readonly value: number } | { readonly problem: string };

const shown = (raw: unknown): string => (Array.isArray(raw) ? raw.map(String).join('、') : String(raw));
/** Note: a plain decimal number only; Number() would also take "0x10", "1e3" and "". */
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** --jobs: an integer from 1 to MAX_JOBS_PER_CORE × cores. */
export function parseJobs(raw: unknown, cores: number): OptionValue {
  const max = MAX_JOBS_PER_CORE * Math.max(1, cores);
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  const problem = `--jobs 应为 1 到 ${max} 之间的整数（本机 ${cores} 个 CPU 核心，上限为核心数的 ${MAX_JOBS_PER_CORE} 倍；1 为不并行），实际为“${shown(raw)}”。`;
  if (Array.isArray(raw)) return { problem: `--jobs 只能指定一次（实际为“${shown(raw)}”）。` };
  if (!NUMBER_TEXT.test(text)) return { problem };
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= max ? { value: n } : { problem };
}

/** --pdf-timeout: seconds, greater than 0 and at most MAX_PDF_TIMEOUT_SECONDS. */
export function parsePdfTimeout(raw: unknown): OptionValue {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  const problem = `--pdf-timeout 应为大于 0、不超过 ${MAX_PDF_TIMEOUT_SECONDS} 的秒数（如 120），实际为“${shown(raw)}”。`;
  if (Array.isArray(raw)) return { problem: `--pdf-timeout 只能指定一次（实际为“${shown(raw)}”）。` };
  if (!NUMBER_TEXT.test(text)) return { problem };
  const n = Number(text);
  return n > 0 && n <= MAX_PDF_TIMEOUT_SECONDS ? { value: n } : { problem };
}

/** --max-warnings: a whole number of warnings (0 or more) above which the run fails (exit 1), as in ESLint. */
export function parseMaxWarnings(raw: unknown): OptionValue {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  const problem = `--max-warnings 应为 0 或正整数（允许的警告数），实际为“${shown(raw)}”。`;
  if (Array.isArray(raw)) return { problem: `--max-warnings 只能指定一次（实际为“${shown(raw)}”）。` };
  if (!/^\d+$/.test(text)) return { problem };
  return { value: Number(text) };
}
