import { defineConfig } from 'vitest/config';

/**
 * The tests that start processes (the CLI as a child, LibreOffice, worker threads) or run every sample several times: left out of
 * `npm run test:fast`, the edit loop; `npm test` runs them too.
 */
const SLOW = [
  'tests/kit/batch-process.test.ts',
  'tests/kit/reproducible.test.ts',
  'tests/kit/pdf.test.ts',
  // Note: the CLI as a child, three times, with a module hook recording what it loads (issue 14).
  'tests/kit/cold-start.test.ts',
  // Note: reads dist/ and runs two copies of the CLI; dist/ must be built from the current sources (npm test builds it).
  'tests/kit/code-hash.test.ts',
  // Note: worker threads, and every sample through the entry workbook and back: seconds each, little news in an edit loop.
  'tests/kit/batch.test.ts',
  'tests/kit/entry-workbook.test.ts',
  // Note: many mutated inputs, and SIGKILLed builds in processes of their own.
  'tests/kit/fuzz.test.ts',
  'tests/kit/fault-injection.test.ts',
  // Note: npm pack and npm install of the tarball into an empty project (~20 s with a warm npm cache).
  'tests/kit/package.test.ts',
  // Note: LibreOffice renders of every sample, and python-docx in a child process (issue 13).
  'tests/visual/pages.test.ts',
  'tests/kit/independent-reader.test.ts',
  // Note: builds the offline page and drives Chromium over every sample (skipped without /usr/bin/chromium).
  'tests/kit/web.test.ts',
  // Note: deflates zip bombs of 100–200 MB declared content to show the guard refuses them (7 s, a quarter of the fast set).
  'tests/kit/zip-guard.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    setupFiles: ['tests/support/setup.ts'],
    projects: [
      { extends: true, test: { name: 'fast', include: ['tests/**/*.test.ts'], exclude: SLOW, isolate: false } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
