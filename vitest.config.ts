import { defineConfig } from 'vitest/config';

/** `npx vitest run` at the root runs every package's tests, each with its own config. */
export default defineConfig({
  test: {
    projects: ['shared', 'emails', 'backend', 'agent', 'pwa', 'e2e'],
  },
});
