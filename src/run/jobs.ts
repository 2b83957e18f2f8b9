/** 线程数的自动选择：单位够多、并行确实更快时才启动工作线程（issue 14）。不引入任何模块，命令行的帮助文字也用它。 */

/**
 * With --jobs given, fewer units than this run on the main thread alone. Note: a worker needs about half a second to
 * start and load its modules, as long as several units take, so below this a pool is slower than one thread
 * (bench/RESULTS.md).
 */
export const MIN_UNITS_FOR_WORKERS = 8;
/**
 * Without --jobs, a build starts workers from this many units. Note: two busy threads share this machine's memory, so
 * each unit takes 1.4–1.6× as long as alone, the workers (the main thread only hands out units, pool.ts) each load the
 * modules again, and their young generations are small (measured at 12 MB, now 24): --jobs 1 against --jobs 2, 150 units in
 * 5.4–6.6 s against 6.1–6.9 s, 300 in 11.4–11.7 against 11.0–11.5 s, 500 in 18.1–19.0 against 15.4–17.6 s,
 * 1,000 in 41–44 against 27–32 s (bench/RESULTS.md, eighth round).
 */
export const MIN_UNITS_FOR_AUTO_WORKERS = 300;
/**
 * The same for `check` with --jobs given, whose units cost a fraction of a build's: a worker (0.5–1 s to start and load
 * zod, yaml and the profiles) pays off only from about a hundred units (bench/RESULTS.md, issue 14).
 */
export const MIN_UNITS_FOR_CHECK_WORKERS = 100;
/**
 * `check` without --jobs: since a unit is read without yaml's positions (~6 ms of CPU each), a worker pays off later:
 * 300 units checked in 2.28 s on one thread against 2.36 s with a worker, 500 in 3.5–3.7 against 3.1–3.2 s, 1,000
 * in 5.7 against 4.9 s (bench/RESULTS.md, sixth round); with two workers and the main thread only handing out units:
 * 500 in 3.8–4.4 against 3.4–3.8 s, 1,000 in 7.1–8.3 against 6.2–6.4 s (eighth round).
 */
export const MIN_UNITS_FOR_AUTO_CHECK_WORKERS = 400;
/**
 * How many worker threads a batch of `units` starts: none below the threshold for its kind (a check, a build with
 * --jobs, a build without), else as many as the threads asked for (`auto`: the cores); the main thread then only hands
 * out the units (pool.ts).
 */
export function workersFor(units: number, jobs: number | 'auto', write: boolean, cores: number): number {
  const size = Math.min(jobs === 'auto' ? cores : jobs, units);
  const auto = jobs === 'auto';
  const least = write ? (auto ? MIN_UNITS_FOR_AUTO_WORKERS : MIN_UNITS_FOR_WORKERS) : auto ? MIN_UNITS_FOR_AUTO_CHECK_WORKERS : MIN_UNITS_FOR_CHECK_WORKERS;
  return size <= 1 || units < least ? 0 : size;
}
