import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // Builds the renderer once for the browser-host tests (tests/e2e).
    globalSetup: ['tests/e2e/global-setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores here: end-to-end tests start Chromium, so keep parallelism modest.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
