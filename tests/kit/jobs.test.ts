/** How many worker threads a batch starts (src/run/jobs.ts workersFor): only where they pay off (bench/RESULTS.md). */
import { describe, expect, it } from 'vitest';
import {
  MIN_UNITS_FOR_AUTO_CHECK_WORKERS,
  MIN_UNITS_FOR_AUTO_WORKERS,
  MIN_UNITS_FOR_CHECK_WORKERS,
  MIN_UNITS_FOR_WORKERS,
  workersFor,
} from '../../src/run/jobs.js';

describe('workersFor', () => {
  it('starts no worker without --jobs until a build has enough units, then one per further core', () => {
    expect(workersFor(10, 'auto', true, 2)).toBe(0); // ten units of 100 projects: faster and ~170 MB lighter on one thread
    expect(workersFor(MIN_UNITS_FOR_AUTO_WORKERS - 1, 'auto', true, 2)).toBe(0);
    expect(workersFor(MIN_UNITS_FOR_AUTO_WORKERS, 'auto', true, 2)).toBe(2);
    expect(workersFor(1000, 'auto', true, 8)).toBe(8);
    expect(workersFor(1000, 'auto', true, 1)).toBe(0);
  });

  it('follows --jobs from a few units, and never starts more threads than units', () => {
    expect(workersFor(MIN_UNITS_FOR_WORKERS - 1, 2, true, 2)).toBe(0);
    expect(workersFor(MIN_UNITS_FOR_WORKERS, 2, true, 2)).toBe(2);
    expect(workersFor(MIN_UNITS_FOR_WORKERS, 64, true, 2)).toBe(MIN_UNITS_FOR_WORKERS);
    expect(workersFor(1000, 1, true, 8)).toBe(0);
  });

  it('checks on one thread below a hundred units with --jobs, and below four hundred without', () => {
    expect(workersFor(MIN_UNITS_FOR_CHECK_WORKERS - 1, 4, false, 4)).toBe(0);
    expect(workersFor(MIN_UNITS_FOR_CHECK_WORKERS, 4, false, 4)).toBe(4);
    expect(workersFor(300, 'auto', false, 2)).toBe(0); // one thread was faster here (2.28 against 2.36 s)
    expect(workersFor(MIN_UNITS_FOR_AUTO_CHECK_WORKERS - 1, 'auto', false, 4)).toBe(0);
    expect(workersFor(MIN_UNITS_FOR_AUTO_CHECK_WORKERS, 'auto', false, 4)).toBe(4);
  });
});
