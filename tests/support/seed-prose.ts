/** Reads the prose of a published seed report (the narrative, not its tables) as paragraphs, for golden comparison. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR, norm } from './seed-tables.js';

/** A sentence or heading may end a paragraph; an OCR page break splits a paragraph anywhere else. */
const ENDS_PARAGRAPH = /[。：；！？”）)]$|^[（(][一二三四五六七八九十\d]+[）)].{0,30}$|^[一二三四五六七八九十]+、.{0,30}$/;

/**
 * Paragraphs of the seed from line `from` (1-based) up to the first line matching `until`: markdown marks
 * (#, **, list dashes) dropped, text normalised as seed-tables.ts does, and paragraphs the PDF split at a page
 * break joined again (a line that does not end a sentence continues on the next).
 */
export function seedParagraphs(file: string, opts: { from?: number; until: RegExp }): string[] {
  const lines = readFileSync(join(SEEDS_DIR, file), 'utf8').split('\n');
  const out: string[] = [];
  let open = false;
  for (const raw of lines.slice((opts.from ?? 1) - 1)) {
    if (opts.until.test(raw)) break;
    const heading = /^#/.test(raw.trim());
    const text = norm(raw.replace(/\*\*/g, '').replace(/^\s*[-#]+\s*/, ''));
    if (text === '') continue;
    if (open && !heading && out.length > 0) out[out.length - 1] += text;
    else out.push(text);
    open = !heading && !ENDS_PARAGRAPH.test(text);
  }
  return out;
}

/** The paragraphs of a DOCX dump (tests/support/dump.ts), table rows left out, normalised. */
export const dumpParagraphs = (dump: string): string[] =>
  dump
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('| '))
    .map((l) => norm(l.replace(/^\[[^\]]+\] /, '')))
    .filter((l) => l !== '');

/** Seed paragraphs that jixiao prints differently, each block in place of the other, with the reason. */
export interface ProseDifference {
  readonly seed: readonly string[];
  readonly ours: readonly string[];
  readonly why: string;
}

/**
 * Walks both lists in step: where a known difference's seed block starts, both sides must show exactly their
 * blocks; everywhere else the paragraphs must be equal. Returns the differences that were never met.
 */
export function compareProse(
  ours: readonly string[],
  seed: readonly string[],
  known: readonly ProseDifference[],
  expectEqual: (a: string, b: string, what: string) => void,
): ProseDifference[] {
  const unused = new Set(known);
  let i = 0;
  let k = 0;
  while (i < seed.length || k < ours.length) {
    const d = known.find((x) => x.seed.length > 0 && norm(x.seed[0]!) === seed[i]);
    if (d) {
      unused.delete(d);
      expectEqual(seed.slice(i, i + d.seed.length).join('\n'), d.seed.map(norm).join('\n'), `seed paragraphs as published (${d.why})`);
      expectEqual(ours.slice(k, k + d.ours.length).join('\n'), d.ours.map(norm).join('\n'), `our paragraphs: ${d.why}`);
      i += d.seed.length;
      k += d.ours.length;
      continue;
    }
    expectEqual(ours[k] ?? '(none)', seed[i] ?? '(none)', `paragraph ${k} (seed ${i})`);
    i += 1;
    k += 1;
  }
  return [...unused];
}
