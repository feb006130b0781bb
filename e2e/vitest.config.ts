import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One real backend and browser per spec file, one file at a time: the machine has 2 cores.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'e2e',
    include: ['specs/**/*.spec.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
  },
});
