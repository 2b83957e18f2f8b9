/** 字段名纠错：为写错的键（如 excuted）找出最可能想写的字段（executed）。 */
import { FIELD_LABELS } from '../model/labels.js';

/** Edit distance (Levenshtein) between two strings, counted in UTF-16 units. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The allowed key an unknown key most likely meant, or undefined (字段名纠错).
 * Tries, in order: the Chinese label itself (全年执行数 → executed), a case-insensitive match,
 * the closest key within a small edit distance, then a prefix match.
 */
export function suggestKey(key: string, allowed: readonly string[]): string | undefined {
  const byLabel = allowed.find((a) => FIELD_LABELS[a] === key.trim());
  if (byLabel) return byLabel;
  const lower = key.trim().toLowerCase();
  const sameCase = allowed.find((a) => a.toLowerCase() === lower);
  if (sameCase) return sameCase;

  // Note: short keys get a tighter limit, or "id" would "correct" to any two-letter key.
  const limit = Math.min(3, Math.max(1, Math.floor(lower.length / 2)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const a of allowed) {
    const d = editDistance(lower, a.toLowerCase());
    if (d < bestDistance) {
      best = a;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= limit) return best;

  if (lower.length >= 3) return allowed.find((a) => a.toLowerCase().startsWith(lower) || (a.length >= 3 && lower.startsWith(a.toLowerCase())));
  return undefined;
}
