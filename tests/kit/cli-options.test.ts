/** Issue 10: --jobs and --pdf-timeout outside their range are usage errors (exit 2) with a Chinese message. */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { MAX_JOBS_PER_CORE, MAX_PDF_TIMEOUT_SECONDS, parseJobs, parsePdfTimeout } from '../../src/run/cli-options.js';
import { inputPath, memoryIo, tempDir } from '../support/fixtures.js';

const env = { SOURCE_DATE_EPOCH: '1711843200' };
const INPUT = inputPath('zhanyi-czj-2023.yaml');
const MAX = MAX_JOBS_PER_CORE * availableParallelism();

async function run(args: string[]) {
  const { io, stderr, stdout } = memoryIo(env);
  const code = await main(args, io);
  return { code, stderr: stderr(), stdout: stdout() };
}

describe('--jobs', () => {
  for (const bad of ['0', 'abc', '1.5', '1000', '-2', String(MAX + 1), '1e1', '0x2', '']) {
    it(`refuses ${JSON.stringify(bad)} as a usage error naming the allowed range`, async () => {
      for (const cmd of ['check', 'build']) {
        const r = await run([cmd, INPUT, '--jobs', bad, ...(cmd === 'build' ? ['-o', tempDir()] : [])]);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toContain(`--jobs 应为 1 到 ${MAX} 之间的整数`);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
    });
  }

  it('refuses it given twice, and -j without a value', async () => {
    expect((await run(['check', INPUT, '-j', '1', '-j', '2'])).code).toBe(2);
    expect((await run(['check', INPUT, '-j'])).code).toBe(2);
  });

  it('accepts 1, the maximum, and no --jobs at all', async () => {
    expect((await run(['check', INPUT, '--jobs', '1'])).code).toBe(0);
    expect((await run(['check', INPUT, '-j', String(MAX)])).code).toBe(0);
    expect((await run(['check', INPUT])).code).toBe(0);
  });

  it('parses as the CLI does', () => {
    expect(parseJobs('3', 2)).toEqual({ value: 3 });
    expect(parseJobs(8, 2)).toEqual({ value: 8 });
    expect(parseJobs('9', 2)).toHaveProperty('problem');
    expect(parseJobs(' 2 ', 1)).toEqual({ value: 2 });
  });
});

describe('--pdf-timeout', () => {
  for (const bad of ['0', '-5', 'abc', 'NaN', 'Infinity', String(MAX_PDF_TIMEOUT_SECONDS + 1), '']) {
    it(`refuses ${JSON.stringify(bad)} as a usage error`, async () => {
      const out = tempDir();
      const r = await run(['build', INPUT, '-o', out, '--pdf-timeout', bad]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('--pdf-timeout 应为大于 0');
    });
  }

  it('accepts a positive number of seconds, fractions included', () => {
    expect(parsePdfTimeout('120')).toEqual({ value: 120 });
    expect(parsePdfTimeout('0.5')).toEqual({ value: 0.5 });
    expect(parsePdfTimeout(30)).toEqual({ value: 30 });
  });

  it('builds with a valid --pdf-timeout', async () => {
    expect((await run(['build', INPUT, '-o', tempDir(), '--pdf-timeout', '30'])).code).toBe(0);
  });
});
