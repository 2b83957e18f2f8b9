/** Runs in every test file (vitest.config.ts `setupFiles`): the temporary folders a file made go when it ends. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './fixtures.js';

afterAll(removeTempDirs);
