/** collectGarbage (src/run/memory.ts), run before a large batch's 汇总表: it really frees what nothing refers to. */
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/run/memory.js';

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
