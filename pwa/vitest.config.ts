import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Solid's reactive (browser) build: the node build renders on the server and never re-runs effects.
  resolve: { conditions: ['browser', 'development'] },
  test: {
    name: 'pwa',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/i18n/all-languages.testing.ts'],
  },
});
