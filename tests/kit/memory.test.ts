/** src/run/memory.ts: collectGarbage, run before a large batch's 汇总表, really frees what nothing refers to; a host's own heap growth is kept. */
import { describe, expect, it } from 'vitest';
import { collectGarbage, setsHeapGrowth, setsYoungGeneration } from '../../src/run/memory.js';

describe('collectGarbage', () => {
  it('frees garbage that a busy heap would otherwise keep until its next collection', () => {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    let keep: unknown[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({ i, text: `单位${i}` }));
    expect(process.memoryUsage().heapUsed - before).toBeGreaterThan(10e6);
    keep = undefined;
    collectGarbage();
    expect(keep).toBeUndefined();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(2e6);
  });
});

describe.each([
  ['setsHeapGrowth', setsHeapGrowth, 'heap-growing-percent=50', 'heap_growing_percent=80'],
  ['setsYoungGeneration', setsYoungGeneration, 'max-semi-space-size=16', 'max_semi_space_size=32'],
] as const)('%s', (_name, sets, dashed, underscored) => {
  it('sees the flag the process was started with, on its command line or in NODE_OPTIONS, and nothing else', () => {
    expect(sets([`--${dashed}`], undefined)).toBe(true);
    expect(sets([], `--max-old-space-size=512 --${underscored}`)).toBe(true);
    expect(sets(['--max-old-space-size=512'], '--enable-source-maps')).toBe(false);
    expect(sets([], undefined)).toBe(false);
  });
  it('does not take one of the two flags for the other', () => {
    const other = sets === setsHeapGrowth ? '--max-semi-space-size=16' : '--heap-growing-percent=150';
    expect(sets([other], other)).toBe(false);
  });
});
